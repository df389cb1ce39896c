"""The wheel carries the curated library and the styles: nothing is read from the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_ships_the_curated_library(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = tmp_path.glob("track2-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    curated = sorted(p.name for p in (REPO / "cases" / "curated").glob("*.yaml"))
    assert curated and all(f"cases/curated/{n}" in names for n in curated)
    for data in ("cases/vocab.yaml", "cases/glossary.yaml", "cases/template.yaml"):
        assert data in names
    assert any(n.startswith("briefings/curated/") and n.endswith(".yaml") for n in names)
    assert any(n.startswith("tui/") and n.endswith(".tcss") for n in names)
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "track2 = tui.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()
