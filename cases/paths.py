"""Where track2 keeps its own files: the index cache and the user's data (briefings, bookmarks).

``TRACK2_CACHE_DIR`` and ``TRACK2_DATA_DIR`` override the platform folders (tests use them).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "track2"


def user_cache_dir() -> Path:
    """The cache folder (the search index lives here); not created."""
    env = os.environ.get("TRACK2_CACHE_DIR")
    return Path(env) if env else Path(platformdirs.user_cache_dir(APP, appauthor=False))


def user_data_dir() -> Path:
    """The data folder (saved briefings, bookmarks, recently viewed); not created."""
    env = os.environ.get("TRACK2_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP, appauthor=False))


def display_path(path: Path) -> str:
    """A path as messages show it: relative to the working folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
