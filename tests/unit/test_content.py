"""The curated library meets the content standard: depth, integrity, sources, clean text."""

from __future__ import annotations

import re
from functools import cache

import pytest

from cases.citations import MARKER, strip_markers
from cases.dates import is_before
from cases.dirs import curated_dir
from cases.glossary import load_glossary
from cases.library import Library, default_library_dirs, load_library
from cases.model import Case
from cases.vocab import vocabulary

REQUIRED_IDS = {
    "ping-pong-diplomacy",
    "oslo-back-channel",
    "trump-kim-singapore-track-ii",
    "us-china-healthcare-dialogue",
    "south-china-sea-dialogue-2016",
    "eu-china-people-to-people-dialogue",
    "eu-china-human-rights-dialogue",
    "canada-china-track-two",
    "us-china-comprehensive-economic-dialogue",
    "china-auto-joint-venture-rule",
    "balloon-incident-2023",
    "csis-european-trilateral-nuclear-dialogue",
    "us-china-strategic-nuclear-dialogue",
    "uscc-military-backchannel-proposal",
    "coining-track-two",
    "northern-ireland-track-ii",
    "israeli-palestinian-victimhood-narratives",
    "thucydides-trap",
    "pugwash-conferences",
    "dartmouth-conference",
}
MARKUP = re.compile(r"\[/?[a-z#@][^\]]*\]|\[/\]|<[a-zA-Z/][^>]*>")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def library() -> Library:
    lib = curated_library()
    assert lib.problems == [], "\n".join(map(str, lib.problems))
    return lib


@cache
def curated_library() -> Library:
    """The curated library, read once by the first test that needs it (not at collection:
    every worker collects every test, and few of them run these)."""
    return load_library(default_library_dirs(env=False))


CASE_IDS = sorted(path.stem for path in curated_dir().glob("*.yaml"))
"""A case's id is its file's name (the loader holds every file to that)."""


@pytest.fixture(params=CASE_IDS)
def case(request: pytest.FixtureRequest) -> Case:
    """Each curated case in turn."""
    return curated_library().cases[request.param]


def test_every_case_the_articles_name_is_in_the_library(library: Library) -> None:
    assert len(library) >= 18
    assert set(library.cases) >= REQUIRED_IDS, REQUIRED_IDS - set(library.cases)


def test_case_depth(case: Case) -> None:
    summary = strip_markers(case.summary)
    assert 60 <= len(summary) <= 900, "a summary a student reads in 30 seconds"
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


def test_case_sources(case: Case) -> None:
    assert len(case.sources) >= 2
    assert any(not s.is_source_article for s in case.sources), "a source beyond the articles"
    for s in case.sources:
        assert s.title
        assert s.url or ((s.publisher or s.author) and s.year) or s.is_source_article, s.id


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
        text = MARKER.sub("", text)  # citation markers are the one bracket syntax allowed
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
    for needed in (
        "track i",
        "track 1.5",
        "track ii",
        "track iii",
        "back channel",
        "thucydides trap",
        "chatham house rule",
        "united front",
        "negative list",
    ):
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
    seeds = {
        (s.id, s.title, s.author, s.year, s.url)
        for c in library.cases.values()
        for s in c.sources
        if s.is_source_article
    }
    assert len(seeds) == 2, seeds


AUTHORING = re.compile(r"\bseed\b|\bseeds\b|\bSeed [AB]\b", re.IGNORECASE)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_no_authoring_words_in_reader_text(library: Library) -> None:
    from briefings.loader import curated_briefings

    found = [
        (c.id, t[:60])
        for c in library.cases.values()
        for t in _strings(c.model_dump(exclude={"sources"})) + [s.title for s in c.sources]
        if AUTHORING.search(t)
    ]
    found += [
        (b.id, t[:60])
        for b in curated_briefings()
        for t in _strings(b.model_dump())
        if AUTHORING.search(t)
    ]
    assert found == []


def test_curated_cases_are_schema_2_and_cite_claim_by_claim(library: Library) -> None:
    for case in library.cases.values():
        assert case.schema_version == 2, case.id
        assert case.track_note, f"{case.id}: say which parts were which track, and why"
        for _, item in case.items():
            assert item.sources, f"{case.id}/{item.id}"
        # Not every item cites the whole list: sources are per claim.
        if len(case.sources) > 3:
            assert not all(
                set(i.sources) == {s.id for s in case.sources} for _, i in case.items()
            ), case.id


def test_related_links_go_both_ways(library: Library) -> None:
    links = {(c.id, r.case) for c in library.cases.values() for r in c.related}
    one_way = sorted((a, b) for a, b in links if (b, a) not in links)
    assert one_way == [], one_way


_STOP = set(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "by",
        "with",
        "from",
        "at",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "or",
        "not",
        "no",
        "can",
        "could",
        "should",
        "would",
        "will",
        "may",
        "might",
        "must",
        "into",
        "over",
        "than",
        "their",
        "they",
        "them",
        "his",
        "her",
        "our",
        "your",
        "we",
        "you",
        "i",
        "who",
        "what",
        "when",
        "where",
        "which",
        "how",
        "why",
        "one",
        "two",
        "both",
        "each",
        "more",
        "most",
        "less",
        "also",
        "only",
        "own",
        "other",
        "such",
        "through",
        "about",
        "after",
        "before",
        "between",
        "during",
    ]
)


def _words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", strip_markers(text).lower())
    return {w[:6] for w in words if w not in _STOP and len(w) > 2}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def near_duplicates(
    library: Library, title_limit: float = 0.5, text_limit: float = 0.35
) -> list[tuple[str, str, float]]:
    """Pairs of items in different cases whose titles or texts share most of their words."""
    items = [
        (f"{c.id}/{i.id}", _words(i.title), _words(i.text))
        for c in library.cases.values()
        for _, i in c.items()
    ]
    found = []
    for n, (ref_a, title_a, text_a) in enumerate(items):
        for ref_b, title_b, text_b in items[n + 1 :]:
            if ref_a.split("/")[0] == ref_b.split("/")[0]:
                continue
            score = max(
                _jaccard(title_a, title_b) if len(title_a | title_b) >= 4 else 0.0,
                _jaccard(text_a, text_b) * title_limit / text_limit,
            )
            if score >= title_limit:
                found.append((ref_a, ref_b, round(score, 2)))
    return found


def test_no_near_duplicate_items_across_cases(library: Library) -> None:
    assert near_duplicates(library) == []


def test_the_near_duplicate_check_can_fail() -> None:
    lib = load_library(default_library_dirs(env=False))
    a, b = list(lib.cases.values())[:2]
    twin = b.model_copy(update={"lessons": [a.lessons[0]]})
    fake = Library(dirs=lib.dirs, cases={a.id: a, b.id: twin})
    assert near_duplicates(fake)


def test_years_in_a_title_agree_with_the_period(library: Library) -> None:
    for case in library.cases.values():
        found = re.search(r"\((\d{4}(?:-\d{4})?-?)\)", case.title)
        if found:
            assert found.group(1) == case.years, f"{case.id}: title says {found.group(1)}"
