"""Files a library folder can hold that are not simply case files: every one is named."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cases.dirs import scan_folder
from cases.library import LibraryDir, load_library
from cases.loader import load_case
from tests.conftest import run_cli


def _problems(folder: Path) -> list[str]:
    return [str(p) for p in load_library([LibraryDir(folder, "mine")]).problems]


def test_broken_and_looping_links_are_named(write_case) -> None:
    folder = write_case.folder
    write_case("real-case")
    (folder / "dangling.yaml").symlink_to(folder / "gone.yaml")
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    problems = _problems(folder)
    assert any("dangling.yaml" in p and "does not exist" in p for p in problems)
    assert any("loop.yaml" in p and "loops" in p for p in problems)


def test_upper_case_suffix_is_a_case_file(write_case) -> None:
    path = write_case("shouty-case")
    path.rename(path.with_suffix(".YAML"))
    assert "shouty-case" in load_library([LibraryDir(write_case.folder, "mine")]).cases


def test_two_files_with_one_id_in_a_tree(write_case) -> None:
    first = write_case("twin-case")
    sub = write_case.folder / "sub"
    sub.mkdir()
    (sub / "twin-case.yaml").write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    problems = _problems(write_case.folder)
    assert any(
        "sub/twin-case.yaml" in p and "a second file for id 'twin-case'" in p for p in problems
    )


def test_an_unreadable_subfolder_is_named(write_case, monkeypatch: pytest.MonkeyPatch) -> None:
    write_case("visible-case")
    locked = write_case.folder / "locked"
    locked.mkdir()
    real = os.scandir

    def scandir(path):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    scan = scan_folder(write_case.folder)
    assert [Path(p).name for p, _ in scan.files] == ["visible-case.yaml"]
    assert any("locked" in p.path and "Permission denied" in p.message for p in scan.problems)


@pytest.mark.parametrize(
    ("edit", "needle"),
    [
        (lambda t: t.encode("utf-16-le"), "UTF-16"),
        (
            lambda t: t.replace(
                "  - name: Filled in full name", "\t- name: Filled in full name"
            ).encode(),
            "tab",
        ),
        (lambda t: t.replace("summary:", "summary\u00a0:").encode(), "U+00A0"),
    ],
    ids=["utf-16 without bom", "tab indentation", "no-break space in a key"],
)
def test_messages_say_what_to_do(write_case, edit, needle: str) -> None:
    path = write_case("odd-file")
    path.write_bytes(edit(path.read_text(encoding="utf-8")))
    [problem] = load_case(path).problems
    assert needle in problem.message
    assert problem.line >= 1


def test_validate_counts_files_not_cases(write_case) -> None:
    write_case("one-case")
    write_case("two-case", lambda t: t.replace('start: "2000"', "start: 2023-02-30"))
    result = run_cli("--library", str(write_case.folder), "validate", "--json")
    import json

    data = json.loads(result.stdout)
    assert result.returncode == 1  # the impossible date is an error, also with --json
    assert "Traceback" not in result.stderr
    curated = len(list((Path(__file__).parents[2] / "cases" / "curated").glob("*.yaml")))
    briefings = len(list((Path(__file__).parents[2] / "briefings" / "curated").glob("*.yaml")))
    assert data["checked"] == curated + 2 + 1 + briefings  # cases, the glossary, briefings
