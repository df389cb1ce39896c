"""Reading query strings: clauses, fields, filters and the messages for odd input."""

from __future__ import annotations

import pytest

from search_index.analysis import terms
from search_index.fieldvalues import BadValue, normalise, year_range
from search_index.query import parse
from search_index.spelling import edit_distance, swaps


def test_plain_words_phrases_prefix_fuzzy() -> None:
    q = parse('trust "back channel" negot* olso~ olso~2')
    assert [(c.kind, c.text) for c in q.clauses] == [
        ("word", "trust"),
        ("phrase", "back channel"),
        ("prefix", "negot"),
        ("fuzzy", "olso"),
        ("fuzzy", "olso"),
    ]
    assert [c.distance for c in q.clauses[3:]] == [1, 2]
    assert q.errors == []


def test_fields_become_filters() -> None:
    q = parse("track:1.5 theme:trade kind:lesson country:CN tag:trust year:1990..2000 trust")
    assert q.filters == {
        "track": ["1.5"],
        "theme": ["trade-and-market-access"],
        "kind": ["lesson"],
        "country": ["CN"],
        "tag": ["trust-building"],
    }
    assert q.years == (1990, 2000)
    assert [c.text for c in q.clauses] == ["trust"]


def test_negation_and_exclusion() -> None:
    q = parse("oslo -norway -theme:trade")
    assert [(c.text, c.negate) for c in q.clauses] == [("oslo", False), ("norway", True)]
    assert q.excludes == {"theme": ["trade-and-market-access"]}


def test_title_and_name_restrict_a_word() -> None:
    q = parse("title:channel name:Beilin")
    assert [(c.text, c.field) for c in q.clauses] == [("channel", "title"), ("Beilin", "names")]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("colour:red", "unknown field 'colour:'"),
        ("theme:cooking", "unknown theme 'cooking'"),
        ("track:4", "unknown track '4'"),
        ('"open phrase', "quote was not closed"),
        ("year:soon", "year 'soon'"),
        ("a*", "a prefix needs"),
        ("ab*cd", "* works only at the end"),
        ("NOT oslo", "NOT is not supported"),
    ],
)
def test_odd_input_is_a_message(query: str, message: str) -> None:
    q = parse(query)
    joined = " ".join(q.errors)
    if message == "a prefix needs":
        # Found only when the prefix is expanded; the parse itself keeps the clause.
        assert q.clauses[0].kind == "prefix"
        return
    assert message in joined


def test_unclosed_quote_is_still_a_phrase() -> None:
    q = parse('oslo "back chan')
    assert q.clauses[-1].kind == "phrase" and q.clauses[-1].text == "back chan"


def test_control_characters_and_length_are_tamed() -> None:
    q = parse("oslo\x1b[31m" + "x" * 5000)
    assert all(ch.isprintable() for ch in q.text)
    assert any("cut" in e for e in q.errors)


def test_kind_word_among_others_is_a_kind_hint() -> None:
    q = parse("lessons about trust")
    assert q.kind_hint == "lesson"
    assert [c.text for c in q.clauses] == ["about", "trust"]
    alone = parse("lessons")
    assert alone.kind_hint is None and alone.clauses[0].text == "lessons"


def test_typeahead_flag_only_when_last_word_is_open() -> None:
    assert parse("oslo cha").ends_in_word
    assert not parse("oslo cha ").ends_in_word
    assert not parse('"oslo"').ends_in_word


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("kind", "Lessons", ["lesson"]),
        ("track", "ii", ["II"]),
        ("track", "2", ["II"]),
        ("country", "cn", ["CN"]),
        ("country", "china", ["CN"]),
        ("country", "NO", ["NO"]),
        (
            "region",
            "asia",
            ["asia", "central-asia", "east-asia", "southeast-asia", "south-asia", "western-asia"],
        ),
        (
            "region",
            "africa",
            [
                "africa",
                "north-africa",
                "sub-saharan-africa",
                "eastern-africa",
                "middle-africa",
                "southern-africa",
                "western-africa",
            ],
        ),
        ("theme", "human rights", ["human-rights"]),
        ("decade", "90s", ["1990s"]),
        ("decade", "1993", ["1990s"]),
    ],
)
def test_field_values_are_read_forgivingly(field: str, value: str, expected: list[str]) -> None:
    assert normalise(field, value) == expected


def test_bad_field_value_suggests() -> None:
    with pytest.raises(BadValue, match="did you mean human-rights"):
        normalise("theme", "human-rigths")


def test_year_ranges() -> None:
    assert year_range("1993") == (1993, 1993)
    assert year_range("..1975") == (-9999, 1975)
    assert year_range("1990..") == (1990, 9999)
    assert year_range("2000..1990") == (1990, 2000)


def test_analysis_folds_stems_and_splits_cjk() -> None:
    assert [t for t, _, _ in terms("Rød-Larsen negotiations")] == ["rod", "larsen", "negoti"]
    assert list(terms("Négociations")) == list(terms("negociations"))
    assert [t for t, _, _ in terms("Jørgen Holst", stemming=False)] == ["jorgen", "holst"]
    found = list(terms("乒乓外交 in 1971"))
    assert [t for t, _, _ in found] == ["乒", "乓", "外", "交", "1971"]
    assert [(s, e) for _, s, e in found[:2]] == [(0, 1), (1, 2)]
    assert [t for t, _, _ in terms("the US and China")] == ["us", "china"]


def test_swaps_count_as_one_edit() -> None:
    assert "oslo" in swaps("olso")
    assert edit_distance("olso", "oslo") == 1
    assert edit_distance("kitten", "sitting") == 3


def test_one_reading_of_tracks_for_every_command() -> None:
    from cases.tracks import track_of
    from search_index.fieldvalues import BadValue, normalise

    for typed, track in [
        ("2", "II"),
        ("Track II", "II"),
        ("two", "II"),
        ("track 1.5", "1.5"),
        ("I", "I"),
        ("three", "III"),
        ("TRACK-III", "III"),
    ]:
        assert track_of(typed) == track and normalise("track", typed) == [track]
    assert track_of("four") is None
    try:
        normalise("track", "four")
    except BadValue as exc:
        assert "use one of I, 1.5, II, III" in str(exc)
    else:
        raise AssertionError("four is not a track")
