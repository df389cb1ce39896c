"""The four tracks, defined once: their order, how they are written, what users may type.

Light on purpose (no pydantic): the explorer's first frame and ``track2 list`` use it.
"""

from __future__ import annotations

from collections.abc import Iterable

TRACKS = ("I", "1.5", "II", "III")
"""Every track, in the one order used everywhere: official, hybrid, unofficial, citizens."""
ALIASES = {"i": "I", "1": "I", "1.5": "1.5", "ii": "II", "2": "II", "iii": "III", "3": "III"}
"""What a user may type for a track (lower-cased): ids, and 1/2/3 for I/II/III."""


def ordered(tracks: Iterable[str]) -> list[str]:
    """``tracks`` in the order of :data:`TRACKS` (unknown values left out)."""
    have = set(tracks)
    return [t for t in TRACKS if t in have]


def track_label(tracks: Iterable[str]) -> str:
    """The tracks written the one way: ``[II, I]`` -> ``I, II``."""
    return ", ".join(ordered(tracks))
