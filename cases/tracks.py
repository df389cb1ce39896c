"""The four tracks, defined once: their order, how they are written, what users may type.

Light on purpose (no pydantic): the explorer's first frame and ``track2 list`` use it.
"""

from __future__ import annotations

from collections.abc import Iterable

TRACKS = ("I", "1.5", "II", "III")
"""Every track, in the one order used everywhere: official, hybrid, unofficial, citizens."""
ALIASES = {
    **{"i": "I", "1": "I", "one": "I"},
    **{"1.5": "1.5", "one and a half": "1.5", "one-and-a-half": "1.5"},
    **{"ii": "II", "2": "II", "two": "II"},
    **{"iii": "III", "3": "III", "three": "III"},
}
"""What a user may type for a track (lower-cased, "track" in front allowed): the ids, 1/2/3 and
one/two/three for I/II/III."""


def track_of(typed: str) -> str | None:
    """The track a user means by ``typed`` ("2", "Track II", "two"), or None."""
    low = " ".join(typed.lower().split())
    low = low.removeprefix("track").strip(" -")
    return ALIASES.get(low)


def ordered(tracks: Iterable[str]) -> list[str]:
    """``tracks`` in the order of :data:`TRACKS` (unknown values left out)."""
    have = set(tracks)
    return [t for t in TRACKS if t in have]


def track_label(tracks: Iterable[str]) -> str:
    """The tracks written the one way: ``[II, I]`` -> ``I, II``."""
    return ", ".join(ordered(tracks))
