"""Text, ANSI and SVG: the Rich view of a document recorded by a console that writes nowhere."""

from __future__ import annotations

import io
import re

from rich.console import Console
from rich.terminal_theme import DEFAULT_TERMINAL_THEME

from briefings.writers.rich_writer import render
from cases.document import Document
from cases.text import clean

DEFAULT_WIDTH = 88


def _console(width: int, styled: bool) -> Console:
    return Console(
        width=width,
        color_system="truecolor" if styled else None,
        force_terminal=styled,
        highlight=False,
        record=True,
        file=io.StringIO(),
        legacy_windows=False,
    )


def _svg_format() -> str:
    """Rich's SVG template without its @font-face rules, which fetch fonts from a CDN."""
    try:
        from rich._export_format import CONSOLE_SVG_FORMAT
    except ImportError:  # pragma: no cover - a Rich without the private module
        from rich.console import CONSOLE_SVG_FORMAT
    return re.sub(r"@font-face \{\{.*?\}\}\s*", "", CONSOLE_SVG_FORMAT, flags=re.S)


def to_text(doc: Document, width: int | None = None) -> str:
    """Plain text, wrapped at ``width`` columns, no trailing spaces."""
    con = _console(width or DEFAULT_WIDTH, styled=False)
    con.print(render(doc))
    return "\n".join(line.rstrip() for line in con.export_text().splitlines()) + "\n"


def to_ansi(doc: Document, width: int | None = None) -> str:
    """Text with ANSI colours, for a terminal or ``less -R``."""
    con = _console(width or DEFAULT_WIDTH, styled=True)
    con.print(render(doc))
    return con.export_text(styles=True)


def to_svg(doc: Document, width: int | None = None) -> str:
    """An SVG picture of the document on a light background, fonts from the reader's system."""
    con = _console(width or DEFAULT_WIDTH, styled=True)
    con.print(render(doc))
    return con.export_svg(
        title=clean(doc.title), theme=DEFAULT_TERMINAL_THEME, code_format=_svg_format()
    )
