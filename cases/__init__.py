"""The track2 domain: the case model, the YAML loader with precise errors, and the library.

This package imports neither Textual, Rich nor Whoosh (a test enforces it).
"""

from cases.library import Library, default_library_dirs, load_library
from cases.model import Case, Item, Recommendation
from cases.problems import Problem

__all__ = [
    "Case",
    "Item",
    "Library",
    "Problem",
    "Recommendation",
    "default_library_dirs",
    "load_library",
]
