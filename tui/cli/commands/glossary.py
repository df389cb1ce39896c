"""``track2 glossary [TERM]``: the terms a student meets in the cases."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.cli.common import add_command
from tui.cli.context import Context, UserError

if TYPE_CHECKING:
    from tui.cli.common import SubParsers


def register(sub: SubParsers) -> None:
    """Add the command to the parser."""
    p = add_command(sub, "glossary", "the glossary of terms, or one term")
    p.add_argument("term", nargs="?", metavar="TERM", help="a term or its id, e.g. 'Track 1.5'")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)


def run(ctx: Context) -> int:
    """Print every term, or the one asked for."""
    from cases.glossary import load_glossary

    loaded = load_glossary(set(ctx.library.cases))
    if loaded.value is None:
        raise UserError("the glossary has problems: " + "; ".join(map(str, loaded.problems)))
    terms = loaded.value.terms
    if ctx.args.term:
        found = loaded.value.find(ctx.args.term)
        if found is None:
            from difflib import get_close_matches

            names = [t.term for t in terms]
            close = get_close_matches(ctx.args.term, names, n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UserError(f"no glossary term '{ctx.args.term}'{hint}")
        terms = [found]
    if ctx.args.json:
        from tui.cli.output import print_json

        print_json({"terms": [t.model_dump(mode="json") for t in terms]})
        return 0
    from rich.padding import Padding
    from rich.text import Text

    from cases.text import clean as strip_control
    from tui.cli.output import console

    out = console()
    for term in terms:
        out.print(Text(strip_control(term.term), style="bold"))
        body = Text(strip_control(term.definition))
        if term.origin:
            body.append("\nOrigin: ", style="italic")
            body.append(strip_control(term.origin))
        body.append("\nCases: ", style="italic")
        body.append(", ".join(term.cases))
        if term.see_also:
            body.append("\nSee also: ", style="italic")
            body.append(", ".join(term.see_also))
        out.print(Padding(body, (0, 0, 1, 2)))
    return 0
