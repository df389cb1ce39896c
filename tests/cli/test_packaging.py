"""The wheel carries the curated library and the styles: nothing is read from the checkout;
the version is pyproject's, wherever it is shown."""

from __future__ import annotations

import subprocess
import sys
import tomllib
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


def test_pyproject_reads_the_version_from_its_one_definition() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "cases/version.py"


def test_version_is_the_one_version_everywhere() -> None:
    """The installed metadata and ``track2 --version`` (the installed script) say what
    cases/version.py says."""
    from importlib import metadata

    from cases.version import __version__, track2_version

    assert track2_version() == __version__ == metadata.version("track2")
    script = Path(sys.executable).with_name("track2")
    out = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == f"track2 {__version__}"
