"""Shared fixtures: every test runs with its own cache and data folders and no user library."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CURATED = REPO / "cases" / "curated"


@pytest.fixture(autouse=True)
def isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point the cache and data folders at fresh temp folders; drop TRACK2_LIBRARY."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("TRACK2_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("TRACK2_DATA_DIR", str(base / "data"))
    monkeypatch.delenv("TRACK2_LIBRARY", raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    yield base


@pytest.fixture
def user_library(tmp_path: Path) -> Path:
    """An empty folder to put user case files in."""
    folder = tmp_path / "library"
    folder.mkdir()
    return folder


@pytest.fixture
def copy_case(user_library: Path):  # type: ignore[no-untyped-def]
    """Copy a curated case into the user library (optionally under a new file name)."""

    def copy(case_id: str, name: str | None = None) -> Path:
        dest = user_library / f"{name or case_id}.yaml"
        shutil.copy(CURATED / f"{case_id}.yaml", dest)
        return dest

    return copy


def run_cli(
    *args: str, env: dict[str, str] | None = None, input: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m tui ARGS`` in a subprocess, piped (so no colour), and capture output."""

    full_env = dict(os.environ)
    full_env.pop("FORCE_COLOR", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env=full_env,
        input=input,
        cwd=cwd,
        timeout=120,
    )
