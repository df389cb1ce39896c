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
    """Machine-readable output on stdout, UTF-8, one document."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def error(message: str) -> None:
    """One line on stderr, never markup-interpreted."""
    sys.stderr.write(f"track2: {message}\n")
