"""Ad hoc briefings from cases and from references, and how they resolve against the library."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefings import (
    BriefingProblem,
    briefing_document,
    compose_from_cases,
    compose_from_refs,
    export,
    library_revision,
)
from briefings.compose import slugify
from briefings.resolve import Part, resolve
from cases.citations import strip_markers
from cases.document import number_label
from cases.library import Library, LibraryDir, load_library
from tests.unit.test_briefing_helpers import SHARED_URL, write_library


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return write_library(tmp_path_factory.mktemp("lib"))


def test_from_cases_one_section_per_case(lib: Library) -> None:
    b = compose_from_cases(
        lib,
        ["beta-channel", "alpha-talks"],
        title="Before the round",
        audience="Ministers",
        as_of=dt.date(2026, 1, 2),
    )
    assert b.title == "Before the round" and b.id == "before-the-round"
    assert b.audience == "Ministers" and b.as_of == dt.date(2026, 1, 2)
    assert [(s.heading, s.refs) for s in b.sections] == [
        ("Beta channel", ["beta-channel"]),
        ("Alpha talks", ["alpha-talks"]),
    ]
    assert "Beta channel and Alpha talks" in b.summary
    assert b.origin == "" and b.query is None


def test_from_cases_defaults_and_duplicates(lib: Library) -> None:
    b = compose_from_cases(lib, ["alpha-talks", "alpha-talks"])
    assert b.title == "Briefing: Alpha talks" and len(b.sections) == 1
    assert b.as_of == dt.date.today()


def test_from_cases_unknown_id_is_a_clear_problem(lib: Library) -> None:
    with pytest.raises(BriefingProblem, match="'alpha-talk' .*did you mean alpha-talks"):
        compose_from_cases(lib, ["alpha-talk"])
    with pytest.raises(BriefingProblem, match="names an item, not a case; give the case id"):
        compose_from_cases(lib, ["alpha-talks/trust-first"])
    with pytest.raises(BriefingProblem, match="at least one"):
        compose_from_cases(lib, [])
    with pytest.raises(BriefingProblem, match="title"):
        compose_from_cases(lib, ["alpha-talks"], title="   ")


def test_from_refs_groups_by_case_in_order_of_first_hit(lib: Library) -> None:
    refs = [
        "beta-channel/fund-it",
        "alpha-talks/trust-first",
        "beta-channel/trust-first",
        "alpha-talks/trust-first",
    ]
    b = compose_from_refs(lib, refs, query="trust")
    assert [(s.heading, s.refs) for s in b.sections] == [
        ("Beta channel", ["beta-channel/fund-it", "beta-channel/trust-first"]),
        ("Alpha talks", ["alpha-talks/trust-first"]),
    ]
    assert b.query == "trust" and b.title == "Briefing: trust" and b.id == "briefing-trust"
    assert "2 lessons, 1 recommendation" in b.summary
    # Written from what was chosen: the items' titles, the recommendation first.
    fund = lib.cases["beta-channel"].item("fund-it")
    trust = lib.cases["alpha-talks"].item("trust-first")
    assert fund and trust and fund[0] == "recommendation"
    points = b.summary.split("In short: ", 1)[1]
    assert points.startswith(fund[1].title.rstrip(".")) and trust[1].title.rstrip(".") in points
    # Items out of context get the case's summary as their framing.
    assert b.sections[0].text == strip_markers(lib.cases["beta-channel"].summary)


def test_from_refs_a_whole_case_absorbs_its_items(lib: Library) -> None:
    b = compose_from_refs(lib, ["alpha-talks/keep-quiet", "alpha-talks", "beta-channel/funding"])
    assert [s.refs for s in b.sections] == [["alpha-talks"], ["beta-channel/funding"]]
    assert b.sections[0].text is None
    assert "1 challenge" in b.summary


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("alpha-talks/nope", "has no lesson, challenge or recommendation 'nope'"),
        ("gamma", "no case with id 'gamma'"),
        ("Alpha Talks", "not a case id"),
    ],
)
def test_from_refs_rejects_what_does_not_resolve(lib: Library, ref: str, message: str) -> None:
    with pytest.raises(BriefingProblem, match=message):
        compose_from_refs(lib, ["alpha-talks/trust-first", ref])


def test_slugify() -> None:
    assert slugify("Trust & Barriers: China/West!") == "trust-barriers-china-west"
    assert slugify("***") == "briefing"
    assert len(slugify("word " * 40)) <= 60 and not slugify("word " * 40).endswith("-")


def test_citations_are_deduplicated_and_numbered_in_order_of_first_citation(lib: Library) -> None:
    b = compose_from_refs(
        lib, ["beta-channel/fund-it", "alpha-talks/trust-first", "alpha-talks/fund-it"]
    )
    doc = briefing_document(b, lib)
    # beta's recommendation cites the shared report; alpha's lesson its own history; alpha's
    # recommendation the shared report again, which keeps its number.
    assert [r.url for r in doc.references] == [SHARED_URL, "https://example.org/alpha-talks"]
    assert [r.number for r in doc.references] == [1, 2]
    assert doc.references[0].ids == ("beta-channel/shared", "alpha-talks/shared")
    items = [e for s in doc.sections for blk in s.blocks for e in getattr(blk, "entries", ())]
    assert [(i.ref, i.cites) for i in items if i.ref] == [
        ("beta-channel/fund-it", (1,)),
        ("alpha-talks/trust-first", (2,)),
        ("alpha-talks/fund-it", (1,)),
    ]


def test_a_whole_case_under_its_own_title_is_not_titled_twice(lib: Library) -> None:
    res = resolve(compose_from_cases(lib, ["alpha-talks"]), lib)
    part = res.sections[0].parts[0]
    assert isinstance(part, Part) and part.titled is False
    res = resolve(compose_from_refs(lib, ["alpha-talks/keep-quiet"]), lib)
    part = res.sections[0].parts[0]
    assert isinstance(part, Part) and part.titled is True


def test_resolve_refuses_a_dangling_reference(tmp_path: Path, lib: Library) -> None:
    b = compose_from_cases(lib, ["alpha-talks"])
    smaller = load_library([LibraryDir(tmp_path, "empty")])
    with pytest.raises(BriefingProblem, match="no case with id 'alpha-talks'"):
        resolve(b, smaller)


def test_number_labels() -> None:
    assert number_label((5, 1, 2, 3)) == "1\u20133, 5"
    assert number_label((1, 2, 3, 5, 7, 8)) == "1\u20133, 5, 7\u20138"
    assert number_label((4,)) == "4"


def test_library_revision_follows_content(tmp_path: Path) -> None:
    a = write_library(tmp_path / "a", evil=False)
    b = write_library(tmp_path / "b", evil=False)
    assert library_revision(a) == library_revision(b)
    assert len(library_revision(a)) == 12
    path = tmp_path / "b" / "alpha-talks.yaml"
    path.write_text(path.read_text().replace("Trust takes years.", "Trust takes decades."))
    changed = load_library([LibraryDir(tmp_path / "b", "test")])
    assert library_revision(changed) != library_revision(a)


def test_revision_covers_only_the_cited_cases_so_cli_and_tui_agree(lib: Library) -> None:
    """The TUI renders from a slice of the library, the CLI from all of it: same footer."""
    from cases.library import Library as Lib

    briefing = compose_from_cases(lib, ["alpha-talks"], title="T")
    part = Lib(dirs=lib.dirs)
    part.cases["alpha-talks"] = lib.cases["alpha-talks"]
    assert export(briefing, lib, "json") == export(briefing, part, "json")
    assert library_revision(lib, ["alpha-talks"]) != library_revision(lib)
