"""The track2 domain: the case model, the YAML loader with precise errors, and the library.

This package imports neither Textual, Rich nor Whoosh (a test enforces it). Its names are
loaded on first use: importing ``cases.paths`` or ``cases.dirs`` must not pay for pydantic,
which the TUI's first frame does not need.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cases.dirs import LibraryDir, default_library_dirs
    from cases.library import Library, load_library
    from cases.model import Case, Item, Recommendation
    from cases.problems import Problem

_HOMES = {
    "Case": "cases.model",
    "Item": "cases.model",
    "Recommendation": "cases.model",
    "Library": "cases.library",
    "load_library": "cases.library",
    "LibraryDir": "cases.dirs",
    "default_library_dirs": "cases.dirs",
    "Problem": "cases.problems",
}

__all__ = [
    "Case",
    "Item",
    "Library",
    "LibraryDir",
    "Problem",
    "Recommendation",
    "default_library_dirs",
    "load_library",
]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'cases' has no attribute {name!r}")
