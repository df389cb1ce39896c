"""The curated library meets the content standard: depth, integrity, sources, clean text."""

from __future__ import annotations

import re

import pytest

from cases.dates import is_before
from cases.glossary import load_glossary
from cases.library import Library, default_library_dirs, load_library
from cases.model import Case
from cases.vocab import vocabulary

REQUIRED_IDS = {
    "ping-pong-diplomacy", "oslo-back-channel", "trump-kim-singapore-track-ii",
    "us-china-healthcare-dialogue", "south-china-sea-dialogue-2016",
    "eu-china-people-to-people-dialogue", "eu-china-human-rights-dialogue",
    "canada-china-track-two", "us-china-comprehensive-economic-dialogue",
    "china-auto-joint-venture-rule", "balloon-incident-2023",
    "csis-european-trilateral-nuclear-dialogue", "us-china-strategic-nuclear-dialogue",
    "uscc-military-backchannel-proposal", "coining-track-two", "northern-ireland-track-ii",
    "israeli-palestinian-victimhood-narratives", "thucydides-trap", "pugwash-conferences",
    "dartmouth-conference",
}
MARKUP = re.compile(r"\[/?[a-z#@][^\]]*\]|\[/\]|<[a-zA-Z/][^>]*>")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def library() -> Library:
    lib = load_library(default_library_dirs(env=False))
    assert lib.problems == [], "\n".join(map(str, lib.problems))
    return lib


def curated_cases() -> list[Case]:
    return load_library(default_library_dirs(env=False)).sorted_cases()


def test_every_case_the_articles_name_is_in_the_library(library: Library) -> None:
    assert len(library) >= 18
    assert set(library.cases) >= REQUIRED_IDS, REQUIRED_IDS - set(library.cases)


@pytest.mark.parametrize("case", curated_cases(), ids=lambda c: c.id)
def test_case_depth(case: Case) -> None:
    assert 60 <= len(case.summary) <= 900, "a summary a student reads in 30 seconds"
    assert len(case.background) >= 200
    assert len(case.timeline) >= 3
    assert case.actors and all(a.type and a.role for a in case.actors)
    assert len(case.outcome) >= 100
    assert len(case.lessons) >= 3
    assert len(case.challenges) >= 3
    assert len(case.recommendations) >= 3
    assert all(r.audience for r in case.recommendations)
    assert len(case.discussion_questions) >= 2
    assert case.related
    assert case.last_reviewed


@pytest.mark.parametrize("case", curated_cases(), ids=lambda c: c.id)
def test_case_sources(case: Case) -> None:
    assert len(case.sources) >= 2
    assert any(not s.seed for s in case.sources), "at least one source beyond the seed articles"
    for s in case.sources:
        assert s.title
        assert s.url or (s.publisher and s.year) or (s.author and s.year), s.id


@pytest.mark.parametrize("case", curated_cases(), ids=lambda c: c.id)
def test_case_text_has_no_markup_or_control_characters(case: Case) -> None:
    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return []

    for text in strings(case.model_dump()):
        assert not MARKUP.search(text), f"markup-like text in {case.id}: {text[:80]}"
        assert not CONTROL.search(text), f"control character in {case.id}"


def test_timeline_dates_sit_in_order_within_reason(library: Library) -> None:
    for case in library.cases.values():
        dates = [e.date for e in case.timeline]
        for a, b in zip(dates, dates[1:], strict=False):
            assert not is_before(b, a), f"{case.id}: timeline out of order at {a} / {b}"


def test_related_links_resolve_and_point_elsewhere(library: Library) -> None:
    for case in library.cases.values():
        for rel in case.related:
            assert rel.case in library.cases and rel.case != case.id


def test_lessons_group_across_cases(library: Library) -> None:
    tags = library.tags_in_use()
    shared = [t for t, n in tags.items() if n >= 3]
    assert len(shared) >= 10, "tags shared across cases, so lessons group"
    assert set(tags) <= set(vocabulary().tags)


def test_vocabulary_ids_are_strings_yaml_did_not_mangle() -> None:
    v = vocabulary()
    for kind in ("themes", "regions", "countries", "tags", "audiences", "relations"):
        for key in getattr(v, kind):
            assert key not in ("True", "False", "None"), f"{kind}: quote {key!r} in vocab.yaml"
    assert v.countries["NO"] == "Norway"


def test_glossary(library: Library) -> None:
    loaded = load_glossary(set(library.cases))
    assert loaded.problems == [], "\n".join(map(str, loaded.problems))
    assert loaded.value is not None
    terms = {t.term.lower() for t in loaded.value.terms}
    assert len(terms) >= 25
    for needed in ("track i", "track 1.5", "track ii", "track iii", "back channel",
                   "thucydides trap", "chatham house rule", "united front", "negative list"):
        assert any(needed in t for t in terms), needed


def _disputed_text(case: Case) -> str:
    return " ".join(
        d.claim + " " + (d.note or "") + " " + " ".join(p.says for p in d.positions)
        for d in case.disputed
    ).lower()


def test_the_three_seed_traps_are_handled(library: Library) -> None:
    ced = _disputed_text(library.cases["us-china-comprehensive-economic-dialogue"])
    assert "1.5" in ced and ("cabinet" in ced or "official" in ced)
    canada = _disputed_text(library.cases["canada-china-track-two"])
    assert "alberta" in canada and "economic and strategic" in canada
    jv = _disputed_text(library.cases["china-auto-joint-venture-rule"])
    assert "2018" in jv and "2022" in jv


def test_seed_articles_are_cited_the_same_way_everywhere(library: Library) -> None:
    seeds = {(s.title, s.author, s.year, s.url) for c in library.cases.values()
             for s in c.sources if s.seed}
    assert len(seeds) == 2, seeds
