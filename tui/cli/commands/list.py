"""``track2 list``: the cases in the library."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from cases.tracks import ordered, track_label
from tui.cli.common import add_command
from tui.cli.context import Context, UserError

if TYPE_CHECKING:
    from tui.cli.common import SubParsers


def register(sub: SubParsers) -> None:
    """Add the command to the parser."""
    p = add_command(sub, "list", "list the cases in the library")
    p.add_argument(
        "--track", metavar="T", help="only cases that passed through track T (I, 1.5, II, III)"
    )
    p.add_argument(
        "--theme", metavar="T", help="only cases with theme T (see `track2 vocab themes`)"
    )
    p.add_argument(
        "--region", metavar="R", help="only cases in region R (see `track2 vocab regions`)"
    )
    p.add_argument(
        "--country", metavar="C", help="only cases involving country C (ISO code or name)"
    )
    p.add_argument(
        "--actor", metavar="NAME", help="only cases with an actor whose name contains NAME"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)


def run(ctx: Context) -> int:
    """List the cases from the search index's stored fields (no YAML is parsed when the index
    is current); problems in the library go to stderr."""
    from search_index.fieldvalues import BadValue, normalise
    from tui.cli.common import open_index

    args: argparse.Namespace = ctx.args
    wanted: dict[str, set[str]] = {}
    # One reading of vocabulary values for every command: ids, labels, prefixes, "2" for II.
    for field, value in (
        ("track", args.track),
        ("theme", args.theme),
        ("region", args.region),
        ("country", args.country),
    ):
        if value:
            try:
                wanted[field] = set(normalise(field, value))
            except BadValue as exc:
                raise UserError(str(exc)) from None
    idx = open_index(ctx)
    try:
        rows = sorted(idx.cases(), key=lambda r: (r.start, r.title.lower()))
        problems = idx.problems
    finally:
        idx.close()
    total = len(rows)
    rows = [
        r
        for r in rows
        if (not wanted.get("track") or wanted["track"] & set(r.track))
        and (not wanted.get("theme") or wanted["theme"] & set(r.themes))
        and (not wanted.get("region") or wanted["region"] & set(r.regions))
        and (not wanted.get("country") or wanted["country"] & set(r.countries))
        and (not args.actor or r.has_actor(args.actor))
    ]
    if args.json:
        from tui.cli.output import print_json

        print_json(
            {
                "cases": [
                    {
                        "id": r.id,
                        "title": r.title,
                        "track": ordered(r.track),
                        "period": {"start": r.start, "end": r.end},
                        "themes": list(r.themes),
                        "origin": r.origin,
                    }
                    for r in rows
                ]
            }
        )
    else:
        _print_rows(rows, total)
    _report_problems(problems)
    return 0


def _report_problems(problems: list[Any]) -> None:
    from tui.cli.output import error

    if problems:
        error(f"{len(problems)} problem(s) in the library; run `track2 validate` for details")


def _print_rows(rows: list[Any], total: int) -> None:
    """Title, years, track and id in columns sized to the terminal: titles get the room and
    wrap whole words under their own column; an id too long for its column moves to the
    next line, whole.

    Written line by line rather than as a Rich table: measuring a 5,000-row table took Rich
    several seconds, and a list should cost what reading the index costs.
    """
    import shutil
    import sys
    import textwrap

    from cases.text import clean

    width = max(shutil.get_terminal_size((100, 24)).columns, 40)
    tracks = [track_label(r.track) for r in rows]
    years_w = max([5, *(len(r.years) for r in rows)])
    track_w = max([5, *(len(t) for t in tracks)])
    id_w = min(max([2, *(len(r.id) for r in rows)]), max(12, width // 4))
    title_w = max(width - years_w - track_w - id_w - 6, 16)

    out = [f"{'title':<{title_w}}  {'years':<{years_w}}  {'track':<{track_w}}  id"]
    for r, track in zip(rows, tracks, strict=True):
        lines = textwrap.wrap(clean(r.title), title_w) or [""]
        case_id = clean(r.id)
        fits = len(case_id) <= id_w
        out.append(
            f"{lines[0]:<{title_w}}  {clean(r.years):<{years_w}}  {track:<{track_w}}  "
            f"{case_id if fits else ''}".rstrip()
        )
        # The title is the first column: its next lines need no indent. An id too long for
        # its column is never cut (it is what `show` takes): it ends at the right edge of
        # the next line instead, or of a line of its own.
        rest = lines[1:]
        if not fits:
            if rest and len(rest[0]) + 2 + len(case_id) <= width:
                rest[0] = rest[0] + " " * (width - len(rest[0]) - len(case_id)) + case_id
            else:
                rest.insert(0, " " * max(0, width - len(case_id)) + case_id)
        out += rest
    out.append(f"{len(rows)} of {total} cases")
    sys.stdout.write("\n".join(out) + "\n")
