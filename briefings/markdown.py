"""Markdown helpers: case text is data, so every character that means something is escaped."""

from __future__ import annotations

import re

from cases.text import clean

_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#!|~&])")


def md_escape(text: str) -> str:
    """Escape ``text`` so CommonMark shows it literally (no emphasis, links or HTML)."""
    out = _SPECIAL.sub(r"\\\1", clean(text))
    # A line starting with "-", "+", "=" or "1." would become a list or heading: escape the
    # punctuation (CommonMark escapes punctuation only, so "\\1." would print the backslash).
    out = re.sub(r"(?m)^(\s*)([-+=])", r"\1\\\2", out)
    return re.sub(r"(?m)^(\s*\d+)([.)])", r"\1\\\2", out)


def strip_control(text: str) -> str:
    """Remove control and bidi-override characters but keep newlines and tabs."""
    return clean(text)
