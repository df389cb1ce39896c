"""Libraries layer: curated first, then TRACK2_LIBRARY, then --library; later ones override."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cases.library import CURATED, curated_dir, default_library_dirs, load_library
from tests.casefiles import filled_case as template_text


def test_curated_library_ships_in_the_package_and_loads_clean() -> None:
    folder = curated_dir()
    assert folder.is_dir()
    assert folder.parent.name == "cases"  # found through importlib.resources, not the cwd
    lib = load_library(default_library_dirs(env=False))
    assert lib.problems == [], "\n".join(map(str, lib.problems))
    assert len(lib) >= 4
    assert all(c.origin == CURATED for c in lib.cases.values())


def test_user_case_overrides_curated_and_remembers_its_folder(
    copy_case, user_library: Path
) -> None:
    path = copy_case("oslo-back-channel")
    path.write_text(
        path.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: My own Oslo - ", 1),
        encoding="utf-8",
    )
    lib = load_library(default_library_dirs([user_library], env=False))
    case = lib.get("oslo-back-channel")
    assert case is not None
    assert case.title.startswith("My own Oslo")
    assert case.origin == str(user_library)
    assert lib.overridden["oslo-back-channel"] == [CURATED]


def test_environment_folders_come_before_command_line_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_a, env_b, cli = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for folder in (env_a, env_b, cli):
        folder.mkdir()
        (folder / "mine.yaml").write_text(
            template_text("mine").replace('title: "Mine"', f'title: "{folder.name}"'),
            encoding="utf-8",
        )
    monkeypatch.setenv("TRACK2_LIBRARY", os.pathsep.join([str(env_a), str(env_b)]))
    dirs = default_library_dirs([cli])
    assert [d.path for d in dirs[1:]] == [env_a, env_b, cli]
    assert load_library(dirs).cases["mine"].title == "c"
    monkeypatch.setenv("TRACK2_LIBRARY", str(env_a))
    assert load_library(default_library_dirs()).cases["mine"].title == "a"


def test_missing_user_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    lib = load_library(default_library_dirs([tmp_path / "nope"], env=False))
    assert len(lib) >= 4
    [problem] = lib.problems
    assert "library folder not found" in problem.message
