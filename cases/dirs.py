"""Library folders: the curated one shipped in the package, then the user's. No pydantic here,
so that the TUI can name its folders before the (slower) case model is imported.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

CURATED = "curated"
ENV_VAR = "TRACK2_LIBRARY"


@dataclass(frozen=True)
class LibraryDir:
    """One folder of case files and the label cases from it carry as their origin."""

    path: Path
    label: str


def curated_dir() -> Path:
    """The curated case folder shipped inside the package."""
    return Path(str(resources.files("cases").joinpath("curated")))


def default_library_dirs(extra: Sequence[str | Path] = (), env: bool = True) -> list[LibraryDir]:
    """Curated first, then ``TRACK2_LIBRARY`` folders, then ``extra`` (later ones win)."""
    dirs = [LibraryDir(curated_dir(), CURATED)]
    paths: list[str | Path] = []
    if env:
        paths += [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    paths += list(extra)
    for p in paths:
        path = Path(p).expanduser()
        dirs.append(LibraryDir(path, str(path)))
    return dirs


def case_files(folder: Path) -> list[Path]:
    """The case files in ``folder`` and its subfolders, sorted, hidden ones skipped."""
    files = [
        p
        for p in folder.rglob("*")
        if p.suffix in (".yaml", ".yml")
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.is_file()
    ]
    return sorted(files)
