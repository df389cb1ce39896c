"""Inline citations in case prose: pandoc-style ``[@id]`` or ``[@a; @b]`` markers.

Prose cites the case's own ``sources`` by id; writers turn the markers into numbered
references, so the marker syntax never reaches a reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MARKER = re.compile(r"\[@([a-z0-9][a-z0-9-]*(?:\s*;\s*@[a-z0-9][a-z0-9-]*)*)\]")
"""One citation marker; group 1 holds the ids separated by ``;`` and ``@``."""
_LOOSE = re.compile(r"\[@[^\]]*\]?")


def marker_ids(group: str) -> list[str]:
    """The ids in the inside of one marker: ``a; @b`` -> ``['a', 'b']``."""
    return [part.strip().lstrip("@") for part in group.split(";")]


def cited_ids(text: str) -> list[str]:
    """Every source id cited in ``text``, in order of appearance (repeats kept)."""
    return [sid for m in MARKER.finditer(text) for sid in marker_ids(m.group(1))]


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a prose field.

    Case prose is written as folded YAML (``>-``), where a blank line between paragraphs reads
    as one line break and the lines within a paragraph are joined: so every line break is one.
    """
    return [p.strip() for p in text.split("\n") if p.strip()]


def malformed(text: str) -> list[str]:
    """Marker-like pieces that are not valid markers (``[@Bad id]``, an unclosed ``[@a``)."""
    good = {m.span() for m in MARKER.finditer(text)}
    return [m.group(0) for m in _LOOSE.finditer(text) if m.span() not in good]


def split_cited(text: str) -> Iterator[tuple[str, list[str]]]:
    """``text`` as (plain text, ids cited right after it) pieces, for writers.

    The space before a marker is dropped, so ``ends here [@a].`` becomes ``ends here`` + [a]
    and then ``.``.
    """
    pos = 0
    for m in MARKER.finditer(text):
        before = text[pos : m.start()].rstrip(" ")
        yield before, marker_ids(m.group(1))
        pos = m.end()
    if pos < len(text):
        yield text[pos:], []


def strip_markers(text: str) -> str:
    """``text`` without its markers (for search indexing and one-line previews)."""
    return re.sub(r"\s*" + MARKER.pattern, "", text)
