"""``track2 briefings``: the curated briefings and the user's saved ones."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from tui.cli.common import add_command
from tui.cli.context import Context

if TYPE_CHECKING:
    from tui.cli.common import SubParsers


def register(sub: SubParsers) -> None:
    """Add the command to the parser."""
    p = add_command(
        sub,
        "briefings",
        "list the curated and saved briefings",
        "List the curated briefings and the ones saved in your briefings folder (a saved "
        "briefing with a curated one's id replaces it). Print one with `track2 brief ID`.",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)


def run(ctx: Context) -> int:
    """List every briefing that loads; problems in briefing files go to stderr."""
    from briefings import all_briefings
    from cases.problems import Problem

    problems: list[Problem] = []
    found = all_briefings(problems)
    if ctx.args.json:
        from tui.cli.output import print_json

        print_json(
            {
                "briefings": [
                    {"id": b.id, "title": b.title, "audience": b.audience, "origin": b.origin}
                    for b in found
                ]
            }
        )
    else:
        from tui.cli.output import console

        out = console()
        with out.capture() as captured:
            _print_list(out, found)
        # Captured so that padding spaces at line ends never reach a pipe or a file.
        sys.stdout.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
    for problem in problems:
        sys.stderr.write(f"{problem}\n")
    return 0


def _print_list(out: Any, found: list[Any]) -> None:
    """Each briefing: its title whole, then the id to type and its audience, indented (a
    three-column table squeezed titles to a few letters at 80 columns)."""
    from rich.padding import Padding

    from tui.cli.output import text

    for n, b in enumerate(found):
        if n:
            out.print()
        out.print(text(b.title, "bold"))
        out.print(Padding(text(f"{b.id} \u00b7 {b.origin}", "cyan"), (0, 0, 0, 2)))
        out.print(Padding(text(f"for: {b.audience}", "dim"), (0, 0, 0, 2)))
    out.print()
    out.print(f"{len(found)} briefing(s); print one with `track2 brief ID`", style="dim")
