"""``track2 lessons [QUERY]``: lessons, challenges and recommendations across every case."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.cli.common import add_command
from tui.cli.context import Context, UserError

if TYPE_CHECKING:
    from tui.cli.common import SubParsers


def register(sub: SubParsers) -> None:
    """Add the command to the parser."""
    p = add_command(
        sub,
        "lessons",
        "list or search lessons, challenges and recommendations across cases",
        "Every lesson, challenge and recommendation of the library, with its case. With a "
        "QUERY, only those that match it, best first (same syntax as `track2 search`).",
    )
    p.add_argument("query", nargs="*", metavar="QUERY", help="words to look for (optional)")
    p.add_argument("--tag", metavar="T", help="only items with tag T (see `track2 vocab tags`)")
    p.add_argument(
        "--kind", choices=("lesson", "challenge", "recommendation"), help="only this kind of item"
    )
    p.add_argument(
        "--limit",
        type=int,
        default=50,
        metavar="N",
        help="with a QUERY, show at most N results (default 50)",
    )
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="machine-readable output")
    out.add_argument(
        "--csv", action="store_true", help="one row per item (full text) for a spreadsheet"
    )
    out.add_argument("--md", action="store_true", help="Markdown, grouped by case (full text)")
    p.set_defaults(func=run)


def _tag(raw: str | None) -> str | None:
    if raw is None:
        return None
    from search_index.fieldvalues import BadValue, normalise

    try:
        found = normalise("tag", raw)
    except BadValue as exc:
        raise UserError(str(exc)) from None
    if len(found) > 1:
        raise UserError(f"tag '{raw}' could be {', '.join(found)}; give one of them")
    return found[0]


def run(ctx: Context) -> int:
    """List (or search) the items and print them, or JSON."""
    from tui.cli.common import check_limit, open_index

    args = ctx.args
    tag = _tag(args.tag)
    limit = check_limit(args.limit)
    query = " ".join(args.query).strip()
    idx = open_index(ctx)
    try:
        if query:
            result = idx.search(
                query, kind=args.kind or "item", limit=limit, filters={"tag": tag} if tag else None
            )
            hits, total, note = result.hits, result.total, result.error
            suggestion = result.suggestion
        else:
            hits = idx.items(kind=args.kind, tag=tag)
            total, note, suggestion = len(hits), None, None
        if (args.csv or args.md) and query:
            # Exports carry the whole text, not the snippet around the matched words.
            full = {h.ref: h for h in idx.items(kind=args.kind, tag=tag)}
            hits = [full.get(h.ref, h) for h in hits]
    finally:
        idx.close()
    if args.csv:
        _write_csv(hits)
    elif args.md:
        _write_markdown(hits, query)
    elif args.json:
        from tui.cli.output import print_json

        print_json(
            {
                "query": query or None,
                "tag": tag,
                "total": total,
                "hits": [h.as_dict() for h in hits],
                "suggestion": suggestion,
            }
        )
    else:
        _print(hits, total, suggestion)
    if note:
        from tui.cli.output import error

        error(f"note: {note}")
    return 0


def _write_csv(hits: list[Any]) -> None:
    import sys

    from tui.exports import lessons_csv

    sys.stdout.write(lessons_csv(hits))


def _write_markdown(hits: list[Any], query: str) -> None:
    import sys

    from tui.exports import lessons_markdown

    sys.stdout.write(lessons_markdown(hits, query))


def _print(hits: list[Any], total: int, suggestion: str | None) -> None:
    from rich.text import Text

    from tui.cli.hits import print_hit
    from tui.cli.output import console

    out = console()
    for hit in hits:
        print_hit(out, hit)
    out.print(Text(f"{len(hits)} of {total} items", style="dim"))
    if suggestion:
        out.print(Text.assemble("Did you mean: ", (suggestion, "bold"), "?"))
