"""No query string can make search raise, whatever it holds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases.library import LibraryDir, curated_dir
from search_index import SearchIndex, SearchResult
from search_index.query import parse
from tests.conftest import curated_index_into

# Pieces of the query syntax, so generated strings hit the parser's corners more often.
SYNTAX = st.sampled_from(
    [
        '"',
        "*",
        "~",
        "~2",
        "-",
        ":",
        "..",
        "kind:",
        "track:",
        "theme:",
        "year:",
        "country:",
        "tag:",
        "decade:",
        "title:",
        "name:",
        "AND",
        "OR",
        "NOT",
        "(",
        ")",
        "oslo",
        "trust",
        "乒乓",
        "Rød",
        "\x00",
        "\x1b[31m",
        "\u202e",
        " ",
        "1990..2000",
        "1.5",
        "lesson",
        "négo",
    ]
)
QUERIES = st.lists(st.one_of(SYNTAX, st.text(max_size=8)), max_size=12).map("".join)


@pytest.fixture(scope="module")
def curated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    """The curated library's index (a copy of the one built once for the run)."""
    cache = tmp_path_factory.mktemp("hypothesis-cache") / "cache"
    curated_index_into(cache)
    idx = SearchIndex.open([LibraryDir(curated_dir(), "curated")], cache_root=cache)
    yield idx
    idx.close()


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=QUERIES, typeahead=st.booleans())
def test_search_never_raises(curated: SearchIndex, query: str, typeahead: bool) -> None:
    result = curated.search(query, typeahead=typeahead, limit=5)
    assert isinstance(result, SearchResult)
    assert result.total >= len(result.hits)
    assert result.error is None or not result.error.startswith("search failed"), result.error
    for hit in result.hits:
        if hit.kind == "term":  # a glossary term belongs to no case
            assert not hit.case_id and hit.item_id and hit.ref == f"term:{hit.item_id}"
        else:
            assert hit.case_id and hit.kind in ("case", "lesson", "challenge", "recommendation")


@settings(max_examples=300, deadline=None)
@given(query=st.text(max_size=60))
def test_parse_never_raises(query: str) -> None:
    parsed = parse(query)
    assert all(ch.isprintable() for ch in parsed.text)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=st.one_of(st.none(), st.text(max_size=10)),
    filters=st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=3),
    limit=st.integers(min_value=-5, max_value=2000),
)
def test_arguments_never_raise(
    curated: SearchIndex, kind: str | None, filters: dict[str, str], limit: int
) -> None:
    result = curated.search("trust", kind=kind, filters=filters, limit=limit)
    assert len(result.hits) <= max(0, limit)
