"""What is worth keeping between processes, saved beside the index it was derived from.

A table derived from the whole index (the facet bitsets, the list of cases) costs tens of
milliseconds to build: a quarter of a command-line search, a fifth of the explorer's wait for
its first rows at 2,000 cases. Each is saved once per generation of the index, as a dot file
in the index's folder (the index's own file list, and its check on open, skip dot files). A
newer generation, a file that cannot be read, or one made for something else (``check``: the
number of documents, the fields) means: build it again. A folder that cannot be written only
costs the next process the build. A new version of track2 builds a new index, so nothing
saved by an older one is read.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
PREFIX = "."
FORMAT = 1
"""Bumped when what is saved changes shape."""


def saved_or_built(
    folder: Path | None, reader: Any, name: str, check: object, build: Callable[[], T]
) -> T:
    """The value saved as ``name`` for this generation of the index, or ``build()`` saved.

    ``check`` (the number of documents, the fields...) must equal what was saved with it.
    """
    generation = reader.generation()
    if folder is None or not isinstance(generation, int) or generation < 0:
        return build()
    path = folder / f"{PREFIX}{name}-{generation}.pickle"
    try:
        with path.open("rb") as fh:
            saved = pickle.load(fh)  # noqa: S301 - our own file, in the user's own cache
        if saved["format"] == FORMAT and saved["check"] == check:
            value: T = saved["value"]
            return value
    except (OSError, EOFError, pickle.UnpicklingError, KeyError, TypeError, ValueError):
        pass
    value = build()
    _save(folder, name, path, {"format": FORMAT, "check": check, "value": value})
    return value


def _save(folder: Path, name: str, path: Path, data: dict[str, Any]) -> None:
    temp = folder / f"{PREFIX}{name}-tmp-{os.getpid()}"
    try:
        with temp.open("wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
        for old in folder.glob(f"{PREFIX}{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        temp.unlink(missing_ok=True)
