"""Consoles for command output: Rich for people, plain when piped, NO_COLOR respected."""

from __future__ import annotations

import io
import json
import sys
from typing import Any

from rich.console import Console


def console(stderr: bool = False) -> Console:
    """A Console on stdout (or stderr); Rich drops colour when not a TTY or NO_COLOR is set."""
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def plain_console(width: int = 88) -> Console:
    """A Console that records plain text only (for --format text); it writes nowhere."""
    return Console(
        width=width,
        color_system=None,
        force_terminal=False,
        highlight=False,
        record=True,
        file=io.StringIO(),
    )


def print_json(data: Any) -> None:
    """Machine-readable output on stdout, UTF-8, one document.

    Letters of every script stay readable, but control and bidi-override characters are
    written as ``\\uXXXX`` escapes: the data is intact and a terminal showing it is safe.
    """
    from cases.text import CONTROL

    text = json.dumps(data, ensure_ascii=False, indent=2)
    sys.stdout.write(CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n")


def error(message: str) -> None:
    """One line on stderr, never markup-interpreted; control characters from user input dropped."""
    from cases.text import clean

    sys.stderr.write(f"track2: {clean(message)}\n")


def text(value: object, style: str = "") -> Any:
    """File text as a Rich Text: never parsed as markup, control characters dropped."""
    from rich.text import Text

    from cases.text import clean

    return Text(clean(str(value)), style=style)
