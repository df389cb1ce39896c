"""``track2 briefings``: the curated briefings and the user's saved ones."""

from __future__ import annotations

import sys
from typing import Any

from tui.commands._common import add_command
from tui.context import Context

ORDER = 31


def register(sub: Any) -> None:
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
        from tui.output import print_json

        print_json(
            {
                "briefings": [
                    {"id": b.id, "title": b.title, "audience": b.audience, "origin": b.origin}
                    for b in found
                ]
            }
        )
    else:
        from rich.table import Table
        from rich.text import Text

        from cases.text import clean as strip_control
        from tui.output import console, text

        table = Table(box=None, header_style="bold", pad_edge=False)
        table.add_column("id", no_wrap=True)
        table.add_column("origin", no_wrap=True)
        table.add_column("title and audience", overflow="fold")
        for b in found:
            about = Text(strip_control(b.title))
            about.append("\naudience: " + strip_control(b.audience), style="dim")
            table.add_row(text(b.id), text(b.origin), about)
        out = console()
        out.print(table)
        out.print(f"{len(found)} briefing(s); print one with `track2 brief ID`", style="dim")
    for problem in problems:
        sys.stderr.write(f"{problem}\n")
    return 0
