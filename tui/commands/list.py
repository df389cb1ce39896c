"""``track2 list``: the cases in the library."""

from __future__ import annotations

import argparse
from typing import Any

from tui.commands._common import add_command
from tui.context import Context, UserError

ORDER = 10


def register(sub: Any) -> None:
    """Add the command to the parser."""
    p = add_command(sub, "list", "list the cases in the library")
    p.add_argument(
        "--track", metavar="T", help="only cases that passed through track T (I, 1.5, II, III)"
    )
    p.add_argument(
        "--theme", metavar="T", help="only cases with theme T (see `track2 vocab themes`)"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)


def run(ctx: Context) -> int:
    """List the cases, filtered; problems in the library go to stderr."""
    from cases.vocab import vocabulary

    args: argparse.Namespace = ctx.args
    vocab = vocabulary()
    if args.track and args.track not in ("I", "1.5", "II", "III"):
        raise UserError(f"unknown track '{args.track}'; use one of I, 1.5, II, III")
    if args.theme and args.theme not in vocab.themes:
        raise UserError(f"unknown theme '{args.theme}'; see `track2 vocab themes`")
    lib = ctx.library
    cases = [
        c
        for c in lib.sorted_cases()
        if (not args.track or args.track in c.track) and (not args.theme or args.theme in c.themes)
    ]
    if args.json:
        from tui.output import print_json

        print_json(
            {
                "cases": [
                    {
                        "id": c.id,
                        "title": c.title,
                        "track": list(c.track),
                        "period": c.period.model_dump(),
                        "themes": list(c.themes),
                        "origin": c.origin,
                    }
                    for c in cases
                ]
            }
        )
    else:
        from rich.table import Table

        from tui.output import console, text

        table = Table(box=None, header_style="bold", pad_edge=False)
        table.add_column("id", no_wrap=True)
        table.add_column("years", no_wrap=True)
        table.add_column("track", no_wrap=True)
        table.add_column("title", overflow="fold", ratio=1)
        for c in cases:
            table.add_row(text(c.id), text(c.years), text(", ".join(c.track)), text(c.title))
        out = console()
        out.print(table)
        out.print(f"{len(cases)} of {len(lib)} cases", style="dim")
    _report_problems(lib.problems)
    return 0


def _report_problems(problems: list[Any]) -> None:
    from tui.output import error

    if problems:
        error(f"{len(problems)} problem(s) in the library; run `track2 validate` for details")
