"""Markdown helpers: case text is data, so every character that means something is escaped."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]{}<>()#+!|~])")


def md_escape(text: str) -> str:
    """Escape ``text`` so CommonMark shows it literally (no emphasis, links or HTML)."""
    text = _CONTROL.sub("", text)
    out = _SPECIAL.sub(r"\\\1", text)
    # A line starting with "-", "=" or "1." would become a list or heading.
    return re.sub(r"(?m)^(\s*)([-=]|\d+\.)", r"\1\\\2", out)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_control(text: str) -> str:
    """Remove control characters (escape sequences start with one) but keep newlines and tabs."""
    return _CONTROL.sub("", text)
