"""Text from files is data: the one definition of what may not reach a reader's screen."""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls (escape sequences start with one; newline and tab are kept) and the
bidirectional formatting characters, which can make text read in another order than it is."""


def clean(text: str) -> str:
    """``text`` without control and bidi-override characters; everything else kept as is."""
    return CONTROL.sub("", text)
