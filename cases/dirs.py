"""Library folders: the curated one shipped in the package, then the user's. No pydantic here,
so that the TUI can name its folders before the (slower) case model is imported.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from cases.problems import Problem

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


CASE_SUFFIXES = (".yaml", ".yml")
"""File endings of case files, compared without regard to case (``X.YAML`` counts)."""


@dataclass
class Scan:
    """The case files under one folder, and what stopped a file or folder from being read."""

    files: list[tuple[str, os.stat_result]]
    """(path, stat) of each case file, sorted as ``sorted(Path)`` sorts."""
    problems: list[Problem]


def scan_folder(folder: str | Path) -> Scan:
    """Every case file under ``folder`` (hidden names skipped), with problems for the rest.

    Written with ``os.scandir`` and plain strings: at 10,000 files ``rglob``, ``Path`` objects
    and a ``resolve()`` a file took most of the time it takes to open the index. Reported: a
    subfolder that cannot be read, a ``.yaml`` link that points nowhere or loops, and a second
    file with the id (file name) of one found before it, which would otherwise shadow it.
    """
    found: list[tuple[str, os.stat_result]] = []
    problems: list[Problem] = []
    stack = [str(folder)]
    while stack:
        current = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError as exc:
            if current != str(folder) or not isinstance(exc, FileNotFoundError):
                problems.append(_problem(current, f"folder cannot be read: {exc.strerror}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    stack.append(entry.path)
                elif entry.name.lower().endswith(CASE_SUFFIXES):
                    if entry.is_file():
                        found.append((entry.path, entry.stat()))
                    elif entry.is_symlink():
                        problems.append(_problem(entry.path, _broken_link(entry.path)))
            except OSError as exc:
                why = (
                    _broken_link(entry.path)
                    if entry.is_symlink()
                    else f"cannot be read: {exc.strerror}"
                )
                problems.append(_problem(entry.path, why))
    # Path order, as sorted(Path...) gives: part by part, which is string order with the
    # separator counted lowest.
    found.sort(key=lambda f: f[0].replace(os.sep, "\x00"))
    first: dict[str, str] = {}
    kept: list[tuple[str, os.stat_result]] = []
    for path, st in found:
        stem = os.path.splitext(os.path.basename(path))[0]
        if stem in first:
            problems.append(
                _problem(
                    path,
                    f"a second file for id '{stem}' (the first is {first[stem]}); "
                    "only the first is read",
                )
            )
            continue
        first[stem] = path
        kept.append((path, st))
    return Scan(kept, problems)


def _problem(path: str, message: str) -> Problem:
    return Problem(path, 0, 0, "", message)


def _broken_link(path: str) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a link that loops back on itself"
        return f"a link to {os.readlink(path)}, which does not exist"
    return "not a regular file"


def case_files(folder: Path) -> list[Path]:
    """The case files in ``folder`` and its subfolders, sorted, hidden ones skipped."""
    return [Path(p) for p, _ in scan_folder(folder).files]
