"""Consoles for command output: Rich for people, plain when piped, NO_COLOR respected."""

from __future__ import annotations

import io
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Rich is imported when something is printed for people, not for --json.
    from rich.console import Console


def console(stderr: bool = False) -> Console:
    """A Console on stdout (or stderr); Rich drops colour when not a TTY or NO_COLOR is set."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def plain_console(width: int = 88) -> Console:
    """A Console that records plain text only (for --format text); it writes nowhere."""
    from rich.console import Console

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
    written as JSON ``\\u`` escapes: the data is intact and a terminal showing it is safe.
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


def write_file(content: str | bytes, output: str, force: bool) -> None:
    """Write an export to ``output``; an existing file is replaced only with ``force``.

    Raises UserError (exit 1) when the file exists or cannot be written.
    """
    from pathlib import Path

    from tui.cli.context import UserError

    path = Path(output).expanduser()
    if path.exists() and not force:
        raise UserError(f"{output} exists; use --force to replace it")
    try:
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot write {output}: {exc.strerror}") from None
    size = len(content) if isinstance(content, bytes) else len(content.encode("utf-8"))
    sys.stderr.write(f"wrote {path} ({size:,} bytes)\n")


def chosen_format(fmt: str | None, output: str | None, terminal: str = "rich") -> str:
    """The format asked for: ``--format``, else the suffix of ``-o``, else the terminal view.

    An unknown suffix is a usage error (exit 2) naming the formats.
    """
    if fmt:
        return "text" if fmt == terminal and output else fmt
    if output:
        from briefings.writers import UnknownFormat, format_for
        from tui.cli.context import UsageError

        try:
            return format_for(output)
        except UnknownFormat as exc:
            raise UsageError(str(exc)) from None
    return terminal


def print_document(doc: Any, width: int | None = None, pager: bool = False) -> None:
    """A document on the terminal (Rich, colour where the terminal has it) or plain when piped."""
    from briefings.writers.rich_writer import render

    con = console()
    if width:
        con.width = width
    body = render(doc)
    if not con.is_terminal:
        # Piped: no colour (Rich decides), and no padding spaces at the ends of lines.
        with con.capture() as captured:
            con.print(body)
        sys.stdout.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
        return
    if not (pager and sys.stdout.isatty()):
        con.print(body)
        return
    with con.capture() as captured:
        con.print(body)
    text = captured.get()
    if text.count("\n") <= con.height:
        sys.stdout.write(text)
        return
    import os
    import pydoc

    # less shows colours only with -R; keep whatever the user set.
    os.environ.setdefault("LESS", "-R")
    pydoc.pager(text)


def emit_document(
    doc: Any,
    fmt: str,
    output: str | None,
    force: bool = False,
    width: int | None = None,
    paper: str = "a4",
    pager: bool = False,
) -> None:
    """Print ``doc`` (the Rich view) or write it in ``fmt`` to ``output`` or stdout; the
    writer's notes (a missing font) go to stderr. A binary format needs ``-o``."""
    if fmt == "rich":
        print_document(doc, width, pager)
        return
    from briefings.writers import write
    from tui.cli.context import UserError

    content, notes = write(doc, fmt, width=width, paper=paper)
    for note in notes:
        error(note)
    if output:
        write_file(content, output, force)
    elif isinstance(content, bytes):
        raise UserError(f"{fmt} is binary: write it to a file with -o FILE.{fmt}")
    else:
        sys.stdout.write(content)
