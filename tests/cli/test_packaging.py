"""The wheel carries the curated library and the styles: nothing is read from the checkout;
the version is pyproject's, wherever it is shown."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

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


def pyproject_version() -> str:
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    assert isinstance(version, str)
    return version


def test_version_is_the_pyproject_version() -> None:
    """``track2 --version`` (the installed script) says the one version: pyproject's."""
    script = Path(sys.executable).with_name("track2")
    out = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == f"track2 {pyproject_version()}"


def test_a_checkout_that_is_not_installed_reads_pyproject(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from importlib import metadata

    from cases import version

    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    version.track2_version.cache_clear()
    try:
        assert version.track2_version() == pyproject_version()
    finally:
        version.track2_version.cache_clear()
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "other"\nversion = "9"\n', encoding="utf-8")
    assert version._checkout_version(other) == version.UNKNOWN
    assert version._checkout_version(tmp_path / "missing.toml") == version.UNKNOWN
