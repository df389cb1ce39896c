"""Values PyYAML cannot construct (impossible dates, absurd numbers) are problems in one file.

They used to raise ValueError out of the YAML constructor and stop every command.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cases.library import LibraryDir, load_library
from tests.conftest import run_cli

HUGE = "9" * 5000

BAD_VALUES = [
    # (what, edit of the template, field that must be named)
    (
        "unquoted impossible date",
        lambda t: t.replace('start: "2000"', "start: 2023-02-30"),
        "period.start",
    ),
    ("year zero", lambda t: t.replace('start: "2000"', "start: 0000-01-01"), "period.start"),
    (
        "impossible time",
        lambda t: t.replace('start: "2000"', "start: 2023-02-03T25:99:00"),
        "period.start",
    ),
    ("huge integer", lambda t: t.replace("    year: 2000", f"    year: {HUGE}"), "sources[0].year"),
    (
        "date as a key",
        lambda t: t.replace("regions: [global]", "regions: [global]\n2023-02-30: x"),
        "2023-02-30",
    ),
]


@pytest.mark.parametrize(("what", "edit", "field"), BAD_VALUES, ids=[b[0] for b in BAD_VALUES])
def test_bad_value_is_one_problem_and_the_rest_loads(write_case, what, edit, field) -> None:
    write_case("fine-case")
    bad = write_case("bad-case", edit)
    lib = load_library([LibraryDir(write_case.folder, "mine")])
    assert "fine-case" in lib.cases and "bad-case" not in lib.cases
    problems = [p for p in lib.problems if p.is_error]
    assert [p.path.endswith("bad-case.yaml") for p in problems] == [True]
    assert problems[0].line > 0 and field in problems[0].field + problems[0].message
    assert bad.exists()


def test_a_title_that_looks_like_a_date_is_a_title(write_case) -> None:
    write_case("dated-title", lambda t: t.replace('title: "Dated title"', "title: 2023-02-30"))
    lib = load_library([LibraryDir(write_case.folder, "mine")])
    assert lib.cases["dated-title"].title == "2023-02-30"


COMMANDS = [
    ["validate"],
    ["list"],
    ["search", "summary"],
    ["show", "fine-case"],
    ["lessons"],
    ["brief", "--case", "fine-case"],
    ["index"],
    ["glossary"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_every_command_survives_an_unquoted_bad_date(write_case, command: list[str]) -> None:
    write_case("fine-case")
    write_case("bad-case", BAD_VALUES[0][1])
    result = run_cli("--library", str(write_case.folder), *command)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)
    if command[0] == "validate":
        assert result.returncode == 1
        assert "bad-case.yaml:" in result.stderr and "period.start" in result.stderr
    else:
        assert result.returncode == 0, result.stderr


def test_saved_briefing_with_an_impossible_date(
    tmp_path: Path, isolated_user_folders: Path
) -> None:
    folder = isolated_user_folders / "data" / "briefings"
    folder.mkdir(parents=True)
    (folder / "bad-date.yaml").write_text(
        "id: bad-date\ntitle: T\naudience: A\npurpose: P\nas_of: 2024-02-30\nsummary: S\n"
        "sections:\n  - heading: H\n    refs: [oslo-back-channel]\n",
        encoding="utf-8",
    )
    for command in (["briefings"], ["validate"], ["brief", "bad-date"]):
        result = run_cli(*command)
        assert "Traceback" not in result.stderr, command
        if command[0] != "briefings":
            assert "bad-date.yaml:5" in result.stderr and "as_of" in result.stderr, result.stderr
    listed = run_cli("briefings")
    assert listed.returncode == 0
    assert "trust-and-political-barriers-china-west" in listed.stdout
