"""Briefing files: validation with file:line problems, references checked, finding and saving."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefings import (
    Briefing,
    BriefingProblem,
    all_briefings,
    find_briefing,
    load_briefing,
    read_briefing,
    save_briefing,
    user_briefings,
)
from briefings.loader import user_dir
from briefings.model import split_ref
from cases.library import Library
from cases.paths import user_data_dir
from tests.unit.test_briefing_helpers import write_library

GOOD = """\
id: {id}
title: Trust in the alpha talks
audience: The delegation to the next round
purpose: Recall what the alpha talks taught about trust.
as_of: 2026-11-22
summary: >-
  Alpha shows that trust comes first.
sections:
  - heading: Trust
    text: Why trust mattered.
    refs:
      - alpha-talks/trust-first
      - beta-channel
  - heading: Money
    refs: [alpha-talks/fund-it]
"""


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return write_library(tmp_path_factory.mktemp("lib"), evil=False)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads_with_its_references(tmp_path: Path, lib: Library) -> None:
    path = write(tmp_path, "alpha-trust", GOOD.format(id="alpha-trust"))
    loaded = read_briefing(path, lib)
    assert loaded.problems == []
    b = loaded.value
    assert b is not None
    assert b.as_of == dt.date(2026, 11, 22)
    assert b.refs() == ["alpha-talks/trust-first", "beta-channel", "alpha-talks/fund-it"]
    assert b.case_ids() == ["alpha-talks", "beta-channel"]
    assert b.origin == "user" and b.path.endswith("alpha-trust.yaml")


def test_split_ref() -> None:
    assert split_ref("a-b/c-d") == ("a-b", "c-d")
    assert split_ref("a-b") == ("a-b", None)


def test_unknown_field_names_file_line_and_field(tmp_path: Path) -> None:
    text = GOOD.format(id="typo").replace("purpose:", "purpse:")
    path = write(tmp_path, "typo", text)
    problems = read_briefing(path).problems
    fields = {p.field: p for p in problems}
    assert "purpse" in fields and fields["purpse"].line == 4
    assert "unknown field" in fields["purpse"].message


def test_dangling_references_name_the_line_of_each_ref(tmp_path: Path, lib: Library) -> None:
    text = (
        GOOD.format(id="dangling")
        .replace("beta-channel", "beta-chanel")
        .replace("alpha-talks/fund-it", "alpha-talks/no-such-item")
    )
    path = write(tmp_path, "dangling", text)
    problems = read_briefing(path, lib).problems
    assert [(p.line, p.field) for p in problems] == [
        (13, "sections[0].refs[1]"),
        (15, "sections[1].refs[0]"),
    ]
    assert "no case with id 'beta-chanel'" in problems[0].message
    assert "did you mean beta-channel" in problems[0].message
    assert "has no lesson, challenge or recommendation 'no-such-item'" in problems[1].message
    assert str(problems[0]).startswith(f"{path}:13:")
    with pytest.raises(BriefingProblem) as err:
        load_briefing(path, lib)
    assert "dangling.yaml:13" in str(err.value)
    assert len(err.value.problems) == 2


def test_without_a_library_references_are_not_checked(tmp_path: Path) -> None:
    path = write(tmp_path, "dangling", GOOD.format(id="dangling").replace("beta-", "gamma-"))
    assert read_briefing(path).value is not None


def test_id_must_equal_file_name(tmp_path: Path) -> None:
    path = write(tmp_path, "other-name", GOOD.format(id="alpha-trust"))
    [problem] = read_briefing(path).problems
    assert problem.line == 1 and "must equal the file name" in problem.message


@pytest.mark.parametrize("bad", ["Alpha-Talks", "alpha/b/c", "alpha talks", "/alpha", "alpha/"])
def test_malformed_refs_are_rejected(tmp_path: Path, bad: str) -> None:
    path = write(tmp_path, "bad", GOOD.format(id="bad").replace("beta-channel", f'"{bad}"'))
    [problem] = read_briefing(path).problems
    assert problem.field == "sections[0].refs[1]" and problem.line == 13


def test_a_section_needs_refs(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "empty",
        GOOD.format(id="empty").replace("refs: [alpha-talks/fund-it]", "refs: []"),
    )
    [problem] = read_briefing(path).problems
    assert problem.field == "sections[1].refs"


def test_broken_yaml_is_one_problem_with_a_line(tmp_path: Path) -> None:
    path = write(tmp_path, "broken", "id: broken\ntitle: [unclosed\n")
    [problem] = read_briefing(path).problems
    assert problem.line >= 2 and "YAML" in problem.message


def test_find_briefing_prefers_the_user_folder_and_suggests_ids(
    tmp_path: Path, lib: Library
) -> None:
    write(user_dir(), "alpha-trust", GOOD.format(id="alpha-trust"))
    b = find_briefing("alpha-trust", lib)
    assert b.origin == "user" and b.title == "Trust in the alpha talks"
    assert load_briefing("alpha-trust").id == "alpha-trust"
    with pytest.raises(BriefingProblem, match="did you mean alpha-trust"):
        find_briefing("alpha-trsut")
    with pytest.raises(BriefingProblem, match="no briefing with id 'zzz'"):
        find_briefing("zzz")


def test_find_briefing_checks_references_against_the_library(lib: Library) -> None:
    write(user_dir(), "bad-refs", GOOD.format(id="bad-refs").replace("beta-channel", "nope"))
    with pytest.raises(BriefingProblem, match=r"bad-refs\.yaml:13"):
        find_briefing("bad-refs", lib)


def test_user_briefings_report_broken_files_and_keep_good_ones() -> None:
    write(user_dir(), "good", GOOD.format(id="good"))
    write(user_dir(), "bad", "id: bad\n")
    problems: list = []
    found = user_briefings(problems)
    assert [b.id for b in found] == ["good"]
    assert problems and all(p.path.endswith("bad.yaml") for p in problems)


def test_a_user_briefing_replaces_a_curated_one_with_its_id() -> None:
    curated = [b for b in all_briefings() if b.origin == "curated"]
    assert curated, "the curated briefings should load"
    target = curated[0]
    write(user_dir(), target.id, GOOD.format(id=target.id))
    mine = [b for b in all_briefings() if b.id == target.id]
    assert len(mine) == 1 and mine[0].origin == "user"


def test_save_round_trips_to_the_user_data_folder(tmp_path: Path, lib: Library) -> None:
    source = write(tmp_path, "alpha-trust", GOOD.format(id="alpha-trust"))
    b = load_briefing(source, lib)
    path = save_briefing(b)
    assert path == user_data_dir() / "briefings" / "alpha-trust.yaml"
    again = load_briefing(path, lib)
    assert again == b and again.origin == "user"
    assert not list(path.parent.glob(".briefing-*"))  # no temp file left behind


def test_save_refuses_a_file_name_the_loader_would_reject(tmp_path: Path) -> None:
    b = Briefing.model_validate(
        {
            "id": "x",
            "title": "T",
            "audience": "A",
            "purpose": "P",
            "as_of": "2026-01-01",
            "summary": "S",
            "sections": [{"heading": "H", "refs": ["alpha-talks"]}],
        }
    )
    with pytest.raises(BriefingProblem, match="must be saved as x.yaml"):
        save_briefing(b, tmp_path / "y.yaml")
    assert save_briefing(b, tmp_path / "x.yaml").read_text().startswith("# A track2 briefing")
