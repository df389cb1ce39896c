"""``track2 search QUERY``: search cases, lessons, challenges and recommendations."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from tui.cli.common import add_command, check_limit, open_index
from tui.cli.context import Context, UserError

if TYPE_CHECKING:
    from search_index import SearchResult
    from tui.cli.common import SubParsers


SYNTAX = """\
query syntax:
  trust building        either word; documents with both rank first
  "back channel"        the exact phrase
  negot*                words starting with negot (2 letters or more)
  olso~  olso~2         words within 1 (or 2) edits; a swap of two letters is one edit
  -word  -theme:trade   leave out what matches
  kind:lesson           case, lesson, challenge, recommendation, agreement or term
  pingpong              joined and hyphenated forms match (ping-pong)
  track:1.5             I, 1.5, II or III
  theme:trade  region:asia  tag:trust
                        a vocabulary id, its start, or words of its label
                        (see `track2 vocab themes|regions|tags`)
  country:CN  country:china
  year:1990..2000  year:1993  year:..1975  decade:1990s
  title:word  name:word look in titles only, or in names of people and organisations
  provision:gender  process:mindanao  stage:ceasefire  agtype:intrastate  pax:357
                        imported PA-X agreements (see `track2 agreements --help`)

A misspelt query that matches nothing shows the results for its correction and says so.

examples:
  track2 search oslo
  track2 search "lessons about trust" --kind lesson
  track2 search 'theme:trade country:CN year:2000..2020'
"""
KINDS = ("case", "lesson", "challenge", "recommendation", "agreement", "term")


def register(sub: SubParsers) -> None:
    """Add the command to the parser."""
    p = add_command(
        sub,
        "search",
        "search cases, lessons, challenges and recommendations",
        "Search the library. Words are matched in any form (negotiate finds negotiations), "
        "accents are ignored, and names are matched as written.",
    )
    p.epilog = SYNTAX
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.add_argument("query", nargs="+", metavar="QUERY", help="what to look for (see below)")
    p.add_argument("--kind", choices=KINDS, help="only this kind of result")
    p.add_argument(
        "--exact",
        action="store_true",
        help="search only for what was typed (no automatic spelling correction)",
    )
    p.add_argument(
        "--limit", type=int, default=20, metavar="N", help="show at most N results (default 20)"
    )
    p.add_argument(
        "--by-case",
        action="store_true",
        help="group the results under their case, the cases in the order of their best result",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)


def run(ctx: Context) -> int:
    """Search and print the hits (or JSON); a query the index cannot read in full is a note."""
    args = ctx.args
    limit = check_limit(args.limit)
    query = " ".join(args.query)
    if not query.strip():
        raise UserError("the query is empty")
    idx = open_index(ctx)
    try:
        result = idx.search(query, kind=args.kind, limit=limit, autocorrect=not args.exact)
    finally:
        idx.close()
    shows_pax = any(h.kind == "agreement" for h in result.hits)
    if args.json:
        from tui.cli.output import print_json

        data = result.as_dict()
        if args.by_case:
            data["groups"] = [
                {"case_id": key, "case_title": title, "refs": [h.ref for h in hits]}
                for key, title, hits in result.by_case()
            ]
        if shows_pax:
            from cases.pax import CREDIT

            data["credit"] = CREDIT  # PA-X asks every view of its data to cite it
        print_json(data)
    else:
        print_result(result, by_case=args.by_case)
        if shows_pax:
            from cases.pax import CREDIT

            sys.stdout.write(CREDIT + "\n")
    if result.error:
        from tui.cli.output import error

        error(f"note: {result.error}")
    return 0


def print_result(result: SearchResult, by_case: bool = False) -> None:
    """The hits for people: heading, reference, snippet (under their case's title with
    ``by_case``); then counts and "did you mean"."""
    from rich.text import Text

    from tui.cli.hits import print_hit
    from tui.cli.output import console

    out = console()
    if result.corrected_from is not None:
        out.print(
            Text.assemble(
                "Showing results for ",
                (result.query, "bold"),
                f": nothing matches {result.corrected_from} (--exact searches only for that)",
            )
        )
        out.print()
    if by_case:
        from tui.cli.output import text

        for _, title, hits in result.by_case():
            out.print(text(title, "bold underline"))
            for hit in hits:
                print_hit(out, hit, in_case=True)
    else:
        for hit in result.hits:
            print_hit(out, hit)
    shown = len(result.hits)
    if not result.total:
        out.print(Text(f"Nothing matches {result.query}.", style="dim"))
    else:
        kinds = result.facets.get("kind", {})
        by_kind = ", ".join(f"{n} {k}" for k, n in kinds.items())
        summary = f"{shown} of {result.total} results" + (f" ({by_kind})" if by_kind else "")
        out.print(Text(summary, style="dim"))
    # A fuzzy query (olso~) already searched for the correction: suggesting it again is noise.
    asked_fuzzy = "~" in result.query
    if result.suggestion and not (asked_fuzzy and result.total):
        out.print(Text.assemble("Did you mean: ", (result.suggestion, "bold"), "?"))
