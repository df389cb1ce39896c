"""The fast paths agree with Whoosh: bitsets with docs_for_query, BM25 with Whoosh's scores."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from whoosh import query as Q

from cases.library import LibraryDir
from search_index import SearchIndex
from search_index.docsets import DocSets, bitset, first_bits
from search_index.fastrank import FastRanker, flatten
from search_index.searching import Session
from tests.unit.test_search_fixtures import synthetic_library, write_case


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    """A 40-case synthetic library with one case replaced (so the index has deletions)."""
    lib = tmp_path_factory.mktemp("internals-lib")
    synthetic_library(lib, 40)
    idx = SearchIndex.open([LibraryDir(lib, "t")], cache_root=lib / "cache")
    write_case(lib, "synthetic-case-00003", "Replaced", "Quokkas, trust and security again.")
    idx.update()
    sess = idx._session_now()
    assert sess.reader.has_deletions()
    yield sess
    idx.close()


QUERIES = [
    Q.Term("body", "trust"),
    Q.Or([Q.Term("body", "trust"), Q.Term("body", "secur")]),
    Q.And([Q.Term("body", "trust"), Q.Term("kind", "lesson")]),
    Q.AndNot(Q.Term("body", "trust"), Q.Term("kind", "case")),
    Q.Phrase("body", ["foreign", "ministri"]),
    Q.NumericRange("year_start", 1960, 1990),
    Q.NumericRange("year_end", None, 1975),
    Q.Every(),
]


@pytest.mark.parametrize("q", QUERIES, ids=repr)
def test_bitsets_match_whoosh(session: Session, q: Q.Query) -> None:
    docsets = DocSets(session.searcher)
    expected = set(session.searcher.docs_for_query(q))
    assert docsets.bits(q) == bitset(expected, docsets.size)
    assert docsets.bits(q) == docsets.bits(q)  # and again, from the cache


def test_fast_bm25_matches_whoosh_scores(session: Session) -> None:
    q = Q.Or([Q.Term("body", "trust", boost=2.0), Q.Term("body", "secur")])
    whoosh = [(h.docnum, h.score) for h in session.searcher.search(q, limit=None)]
    allowed = DocSets(session.searcher).bits(q)
    fast = FastRanker(session.searcher).rank([q], allowed, len(whoosh))
    assert fast is not None
    assert dict(fast) == pytest.approx(dict(whoosh), rel=1e-6)


def test_fast_ranking_puts_documents_with_every_clause_first(session: Session) -> None:
    a, b = Q.Term("body", "trust"), Q.Term("body", "secur")
    docsets = DocSets(session.searcher)
    both = docsets.bits(a) & docsets.bits(b)
    allowed = docsets.bits(a) | docsets.bits(b)
    ranked = FastRanker(session.searcher).rank([a, b], allowed, both.bit_count() + 5)
    assert ranked is not None
    leading = {d for d, _ in ranked[: both.bit_count()]}
    assert leading == set(first_bits(both, both.bit_count()))


def test_flatten_refuses_what_it_cannot_score() -> None:
    assert flatten(Q.Or([Q.Term("body", "a"), Q.Term("title", "b", boost=3.0)])) == [
        ("body", "a", 1.0),
        ("title", "b", 3.0),
    ]
    assert flatten(Q.Phrase("body", ["a", "b"])) is None
    assert flatten(Q.Or([Q.Term("body", "a"), Q.Phrase("body", ["a", "b"])])) is None


def test_first_bits() -> None:
    assert list(first_bits(0b101100, 2)) == [2, 3]
    assert list(first_bits(0, 3)) == []


def test_deleted_documents_never_come_back(session: Session) -> None:
    from search_index.query import parse
    from search_index.searching import run_search

    result = run_search(session, parse("quokka"), None, 10, False)
    assert [h.ref for h in result.hits] == ["synthetic-case-00003"]
    every = run_search(session, parse("kind:case"), None, 100, False)
    assert every.total == 40 and len({h.case_id for h in every.hits}) == 40
    # The replaced case has its new lesson only, not the nine items of its old version.
    docs = DocSets(session.searcher).term("case_id", "synthetic-case-00003")
    assert docs.bit_count() == 2
