"""``track2 show ID``: one case (or its discussion questions), for people, printers or machines."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from tui.cli.common import add_command
from tui.cli.context import Context, UserError

if TYPE_CHECKING:
    from tui.cli.common import SubParsers

FORMATS = ("rich", "text", "ansi", "md", "html", "svg", "json", "pdf", "docx")


def register(sub: SubParsers) -> None:
    """Add the command to the parser."""
    p = add_command(
        sub,
        "show",
        "show one case",
        "Show one case. On a terminal it is drawn with Rich; piped it is plain text. "
        "Export with --format and -o FILE (the suffix picks the format).",
    )
    p.add_argument("id", metavar="ID", help="the case id (see `track2 list`)")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="rich (default on a terminal), text, ansi, md (Markdown), html, svg, "
        "json (the case's data), pdf or docx (Word)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--force", action="store_true", help="let -o replace an existing file")
    p.add_argument(
        "--questions",
        action="store_true",
        help="a printable handout of the case's discussion questions",
    )
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size")
    p.add_argument("--width", type=int, default=None, help="wrap text at this width")
    p.set_defaults(func=run)


def find_case(ctx: Context, case_id: str) -> Any:
    """The case with this id, or a UserError that suggests what was meant (only then is the
    whole library read, to suggest from)."""
    case = ctx.cases([case_id]).get(case_id)
    if case is not None:
        return case
    from difflib import get_close_matches

    ids = sorted(ctx.library.cases)
    # Prefix first ("oslo"), then a whole word of the id ("pong"), then spelling ("olso").
    close = [i for i in ids if case_id and i.startswith(case_id)]
    close += [i for i in ids if case_id in i.split("-") and i not in close]
    close += [i for i in get_close_matches(case_id, ids, n=3) if i not in close]
    close = close[:3]
    hint = f"; did you mean {', '.join(close)}?" if close else "; see `track2 list`"
    raise UserError(f"no case with id '{case_id}'{hint}")


def run(ctx: Context) -> int:
    """Print or export the case in the chosen format."""
    from tui.cli.output import chosen_format, emit_document, write_file

    args = ctx.args
    case = find_case(ctx, args.id)
    fmt = chosen_format(args.format, args.output)
    if fmt == "json" and not args.questions:
        import json

        from cases.text import CONTROL

        data = case.model_dump(mode="json")
        data["origin"] = case.origin
        # The numbers every other format shows for each source id ([3] is sources[2]).
        for n, src in enumerate(data["sources"], 1):
            src["number"] = n
        text = (
            CONTROL.sub(
                lambda m: f"\\u{ord(m.group(0)):04x}",
                json.dumps(data, ensure_ascii=False, indent=2),
            )
            + "\n"
        )
        if args.output:
            write_file(text, args.output, args.force)
        else:
            sys.stdout.write(text)
        return 0
    from cases.document import build_case, questions_handout

    # The related cases were read with it, for their titles.
    titles = {c.id: c.title for c in ctx.cases([case.id]).cases.values()}
    from cases.pax import try_load_store

    pax, _ = try_load_store()  # unreadable: the case's own links still show
    doc = questions_handout(case) if args.questions else build_case(case, titles, pax)
    emit_document(doc, fmt, args.output, args.force, args.width, args.paper)
    return 0
