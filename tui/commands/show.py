"""``track2 show ID``: one case, for people or machines."""

from __future__ import annotations

import sys
from typing import Any

from tui.commands._common import add_command
from tui.context import Context, UserError

ORDER = 20


def register(sub: Any) -> None:
    """Add the command to the parser."""
    p = add_command(sub, "show", "show one case")
    p.add_argument("id", metavar="ID", help="the case id (see `track2 list`)")
    p.add_argument(
        "--format",
        choices=("rich", "text", "md", "json"),
        default="rich",
        help="rich (default: colour on a terminal), text (plain), md (Markdown) or json",
    )
    p.add_argument("--width", type=int, default=None, help="wrap text at this width")
    p.set_defaults(func=run)


def run(ctx: Context) -> int:
    """Print the case in the chosen format."""
    case = ctx.library.get(ctx.args.id)
    if case is None:
        from difflib import get_close_matches

        close = get_close_matches(ctx.args.id, list(ctx.library.cases), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `track2 list`"
        raise UserError(f"no case with id '{ctx.args.id}'{hint}")
    fmt = ctx.args.format
    if fmt == "json":
        from tui.output import print_json

        data = case.model_dump(mode="json")
        data["origin"] = case.origin
        print_json(data)
    elif fmt == "md":
        from briefings.case_render import case_markdown

        sys.stdout.write(case_markdown(case))
    else:
        from briefings.case_render import case_renderable
        from tui.output import console, plain_console

        if fmt == "text":
            out = plain_console(ctx.args.width or 88)
            out.print(case_renderable(case))
            sys.stdout.write(out.export_text())
        else:
            con = console()
            if ctx.args.width:
                con.width = ctx.args.width
            con.print(case_renderable(case))
    return 0
