"""Search features on a small library written for the purpose: CJK, type-ahead, facets..."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cases.library import LibraryDir
from search_index import SearchIndex, Span
from tests.unit.test_search_fixtures import write_case


def _item(
    item_id: str, title: str, text: str, tags: list[str], **extra: object
) -> dict[str, object]:
    return {"id": item_id, "title": title, "text": text, "tags": tags, **extra}


@pytest.fixture(scope="module")
def idx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    """Three cases: one in Chinese, one about a summit, one about trade."""
    lib = tmp_path_factory.mktemp("features-lib")
    write_case(
        lib,
        "pingpong-zh",
        "乒乓外交",
        "1971年，美国乒乓球队访问中国。",
        countries=["CN", "US"],
        themes=["culture-and-sport"],
        regions=["east-asia"],
        period={"start": "1971-04", "end": "1971-04"},
        lessons=[
            _item("sport-opens-doors", "体育可以打开大门", "小球转动大球。", ["people-to-people"])
        ],
    )
    write_case(
        lib,
        "summit-case",
        "Pugwash summit of scientists",
        "Scientists met at Pugwash.",
        track=["II", "1.5"],
        themes=["nuclear-and-strategic-stability"],
        countries=["US", "SU"],
        regions=["global"],
        period={"start": "1957-07", "end": "1958"},
        actors=[{"name": "Joseph Rotblat", "type": "academic", "role": "convener"}],
        lessons=[
            _item(
                "trust-lesson",
                "Trust takes years",
                "Trust between scientists was built over many meetings.",
                ["trust-building"],
            )
        ],
        challenges=[
            _item(
                "secrecy",
                "Secrecy was hard to keep",
                "Leaks threatened the channel.",
                ["confidentiality"],
            )
        ],
    )
    write_case(
        lib,
        "trade-case",
        "Trade talks over tariffs",
        "Negotiators argued about tariffs.",
        track=["I"],
        themes=["trade-and-market-access"],
        countries=["CN", "US"],
        lessons=[],
        regions=["east-asia", "north-america"],
        period={"start": "2017", "end": "2018"},
        recommendations=[
            _item(
                "keep-talking",
                "Keep the channel open",
                "Officials should keep a channel open on tariffs and trust.",
                ["trust-building"],
                audience=["governments"],
            )
        ],
    )
    index = SearchIndex.open([LibraryDir(lib, "test")], cache_root=lib / "cache")
    yield index
    index.close()


def test_chinese_text_is_findable(idx: SearchIndex) -> None:
    assert {h.case_id for h in idx.search("乒乓").hits} == {"pingpong-zh"}
    assert idx.search("外交", kind="case").hits[0].case_id == "pingpong-zh"
    assert idx.search("乓").total >= 1
    lesson = idx.search("大门").hits[0]
    assert lesson.ref == "pingpong-zh/sport-opens-doors"
    marked = "".join(s.text for s in idx.search("中国").hits[0].snippet if s.match)
    assert marked == "中国"


def test_typeahead_expands_the_last_word_from_three_letters(idx: SearchIndex) -> None:
    assert idx.search("pug", typeahead=True).hits[0].case_id == "summit-case"
    assert idx.search("rotb", typeahead=True).hits[0].case_id == "summit-case"
    # Two letters are not expanded: only whole words match.
    assert idx.search("pu", typeahead=True).total == 0
    # Without type-ahead a partial word is a partial word.
    assert idx.search("pug").total == 0
    # Earlier words are whole words; only the last one grows.
    assert idx.search("scientists pug", typeahead=True).hits[0].case_id == "summit-case"


def test_facets_count_every_match(idx: SearchIndex) -> None:
    result = idx.search("trust")
    assert result.total == 3
    assert result.facets["kind"] == {"lesson": 1, "recommendation": 1, "case": 1}
    assert result.facets["tag"]["trust-building"] == 3
    assert result.facets["track"] == {"II": 2, "1.5": 2, "I": 1}
    assert set(result.facets) == {
        *("kind", "track", "theme", "region", "country", "decade", "tag"),
        *("stage", "agtype", "process", "provision"),  # PA-X agreements' facets
    }
    assert result.facets["provision"] == {}  # nothing imported


def test_filters_argument_and_kind(idx: SearchIndex) -> None:
    assert {h.ref for h in idx.search("trust", filters={"tag": "trust-building"}).hits} == {
        "summit-case/trust-lesson",
        "trade-case/keep-talking",
        "summit-case",
    }
    assert [h.ref for h in idx.search("trust", kind="recommendation").hits] == [
        "trade-case/keep-talking"
    ]
    items = idx.search("trust", kind="item")
    assert {h.kind for h in items.hits} == {"lesson", "recommendation"}
    assert idx.search("trust", filters={"decade": "1950s"}).total == 2
    bad = idx.search("trust", filters={"colour": "red"})
    assert bad.error and "unknown filter" in bad.error and bad.total == 3
    wrong_kind = idx.search("trust", kind="essay")
    assert wrong_kind.error and "unknown kind" in wrong_kind.error


def test_field_queries_and_years(idx: SearchIndex) -> None:
    assert {h.case_id for h in idx.search("year:1950..1960 kind:case").hits} == {"summit-case"}
    assert {h.case_id for h in idx.search("year:1971").hits} == {"pingpong-zh"}
    assert {h.case_id for h in idx.search("country:china kind:case").hits} == {
        "pingpong-zh",
        "trade-case",
    }
    assert idx.search("track:1.5 kind:case").hits[0].case_id == "summit-case"
    assert idx.search("name:rotblat").hits[0].case_id == "summit-case"
    assert idx.search("title:scientists").total == 1
    assert idx.search("trust -tariffs").total == 2
    assert idx.search("trust -theme:trade").total == 2


def test_phrase_must_be_in_order(idx: SearchIndex) -> None:
    # The recommendation, and its case (whose text holds its items' titles).
    assert idx.search('"channel open"').total == 2
    assert idx.search('"open channel"').total == 0


def test_snippet_is_spans_with_matches(idx: SearchIndex) -> None:
    hit = idx.search("tariffs", kind="case").hits[0]
    assert all(isinstance(s, Span) for s in hit.snippet)
    assert [s.text for s in hit.snippet if s.match] == ["tariffs"]
    assert "".join(s.text for s in hit.snippet).startswith("Negotiators argued about tariffs.")
    as_json = hit.as_dict()["snippet"]
    assert {"text": "tariffs", "match": True} in as_json  # type: ignore[operator]


def test_more_like_an_item(idx: SearchIndex) -> None:
    similar = idx.more_like("summit-case", "trust-lesson")
    # The other case's recommendation about trust, or that case itself (which holds it).
    assert similar and similar[0].case_id == "trade-case"
    assert "trade-case/keep-talking" in [h.ref for h in similar]
    assert all(h.case_id != "summit-case" for h in similar)


def test_stats_describe_the_index(idx: SearchIndex) -> None:
    stats = idx.stats()
    assert stats["documents"] == 3 + 1 + 2 + 1
    assert stats["by_kind"] == {
        **{"case": 3, "lesson": 2, "challenge": 1, "recommendation": 1},
        **{"agreement": 0, "term": 0},  # no PA-X import; no glossary without the curated cases
    }
    assert stats["bytes"] > 0 and not stats["in_memory"]


def test_empty_and_stopword_queries(idx: SearchIndex) -> None:
    assert idx.search("").total == 7  # nothing asked: everything, as a filter-only query
    assert idx.search("the of and").total == 0
    assert idx.search("kind:challenge").hits[0].ref == "summit-case/secrecy"


def test_items_listing_carries_full_text(idx: SearchIndex) -> None:
    items = idx.items()
    assert [h.ref for h in items][:2] == ["summit-case/trust-lesson", "summit-case/secrecy"]
    assert items[0].snippet[0].text.startswith("Trust between scientists")
    assert idx.items(kind="case") == []
    assert [h.ref for h in idx.items(tag="confidentiality")] == ["summit-case/secrecy"]


def test_open_in_memory_when_cache_is_a_file(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    write_case(lib, "solo-case", "Solo", "Narwhals everywhere.")
    (tmp_path / "file").write_text("x")
    with SearchIndex.open([LibraryDir(lib, "t")], tmp_path / "file") as idx:
        assert idx.in_memory and idx.search("narwhal").total == 1
        assert idx.stats()["in_memory"] is True


def test_hits_carry_their_stored_tags(idx: SearchIndex) -> None:
    lesson = idx.search("trust", kind="lesson").hits[0]
    assert lesson.ref == "summit-case/trust-lesson" and lesson.tags == ("trust-building",)
    assert {h.ref: h.tags for h in idx.items()}["summit-case/secrecy"] == ("confidentiality",)
    assert idx.search("tariffs", kind="case").hits[0].tags == ()  # a case carries none itself


def test_the_words_of_an_item_id_find_it_at_a_low_weight(idx: SearchIndex) -> None:
    """An item's id names what it is about (``sport-opens-doors``) in words its text may not
    use: they find it, but a document whose own text has the word ranks above it, and the id
    is never shown as the item's text."""
    doors = idx.search("doors")
    assert [h.ref for h in doors.hits] == ["pingpong-zh/sport-opens-doors"]
    assert "doors" not in "".join(s.text for s in doors.hits[0].snippet)
    talking = [h.ref for h in idx.search("talking").hits]
    # "talks" is in the trade case's own title; "talking" only in its recommendation's id.
    assert talking.index("trade-case") < talking.index("trade-case/keep-talking")
