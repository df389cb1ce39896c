"""Helpers shared by command modules: their parsers, the library option, the search index."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tui.cli.context import Context, UserError

if TYPE_CHECKING:
    from search_index import SearchIndex

    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]
    """What ``register(sub)`` of every command module receives."""


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A ``progress(done, total)`` drawing a bar on stderr when it is a terminal (else None:
    nothing is drawn into a pipe or a log)."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from tui.cli.output import console

    with Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        console=console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def add_command(
    sub: SubParsers, name: str, help_text: str, description: str = ""
) -> argparse.ArgumentParser:
    """A subcommand parser with the shared --library option."""
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=help_text, description=description or help_text
    )
    add_library_option(parser)
    return parser


def add_library_option(parser: argparse.ArgumentParser) -> None:
    """--library DIR, accepted before or after the command name."""
    parser.add_argument(
        "--library",
        action="append",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="an extra folder of case files, layered over the curated library (repeatable)",
    )


def open_index(ctx: Context, rebuild: bool = False) -> SearchIndex:
    """Open (building or updating) the index; a progress bar on a terminal, notices on stderr."""
    from search_index import SearchIndex
    from tui.cli.output import error

    def waiting(pid: int | None) -> None:
        who = f"track2 process {pid}" if pid else "another process"
        error(f"waiting for {who}, which is updating the search index (up to 2 minutes)")

    with progress_bar("indexing") as progress:
        idx = SearchIndex.open(ctx.dirs, progress=progress, rebuild=rebuild, on_wait=waiting)
    if idx.notice:
        error(idx.notice)
    return idx


def check_limit(limit: int) -> int:
    """A positive --limit, or a UserError."""
    if limit < 1:
        raise UserError(f"--limit must be 1 or more, not {limit}")
    return limit
