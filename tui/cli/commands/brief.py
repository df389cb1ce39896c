"""``track2 brief``: print or export a briefing (curated, saved, from cases or from a query)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from tui.cli.common import add_command
from tui.cli.context import Context, UserError

if TYPE_CHECKING:
    from tui.cli.common import SubParsers

FORMATS = ("rich", "text", "ansi", "html", "svg", "md", "json", "pdf", "docx")
DESCRIPTION = (
    "Print a briefing: a curated or saved one by ID (see `track2 briefings`), one composed from "
    "cases (--case ID, repeatable), or the best lessons and recommendations for a query "
    "(--query TEXT), grouped by case. Export with --format and -o FILE; the format follows the "
    "file's suffix (.pdf, .docx, .html, .svg, .md, .json, .txt) when --format is not given. "
    "--short prints the two-page brief: purpose, points to make, key lessons, references."
)


def register(sub: SubParsers) -> None:
    """Add the command to the parser."""
    p = add_command(sub, "brief", "print or export a briefing", DESCRIPTION)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("id", nargs="?", metavar="ID", help="a curated or saved briefing id")
    what.add_argument(
        "--case",
        action="append",
        dest="cases",
        metavar="ID",
        help="compose a briefing from this case (repeatable)",
    )
    what.add_argument(
        "--query",
        metavar="TEXT",
        help="compose a briefing from the lessons and recommendations that best match TEXT",
    )
    p.add_argument(
        "--limit",
        type=int,
        default=10,
        metavar="N",
        help="with --query: how many lessons and recommendations (default 10)",
    )
    p.add_argument("--title", help="the title of a composed briefing")
    p.add_argument("--audience", help="who a composed briefing is for")
    p.add_argument("--purpose", help="what a composed briefing is for")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="rich (terminal, the default), text (plain), ansi, html (printable "
        "document), svg, md (Markdown), json, pdf or docx (Word)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument(
        "--short", action="store_true", help="the short brief: at most two printed pages"
    )
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size")
    p.add_argument(
        "--width",
        type=int,
        default=None,
        metavar="N",
        help="wrap at N columns (terminal, text, ansi, svg)",
    )
    p.add_argument(
        "--pager",
        action="store_true",
        help="on a terminal, page the briefing when it is longer than the screen",
    )
    p.add_argument(
        "--save",
        action="store_true",
        help="also save the briefing in your briefings folder, to print it again by id",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="let -o replace an existing file and --save replace another briefing",
    )
    p.set_defaults(func=run)


def run(ctx: Context) -> int:
    """Compose or load the briefing, then print, page or export it."""
    from briefings import (
        BriefingProblem,
        briefing_document,
        compose_from_cases,
        compose_from_refs,
        find_briefing,
        save_briefing,
    )
    from tui.cli.output import chosen_format, emit_document

    args: argparse.Namespace = ctx.args
    if args.id and (args.title or args.audience or args.purpose):
        raise UserError("--title, --audience and --purpose apply to --case and --query only")
    if args.limit < 1:
        raise UserError("--limit must be at least 1")
    if args.width is not None and args.width < 20:
        raise UserError("--width must be at least 20")
    fmt = chosen_format(args.format, args.output)
    extra = {"title": args.title, "audience": args.audience, "purpose": args.purpose}
    try:
        if args.id:
            if args.id not in _briefing_ids() and ctx.cases([args.id]).get(args.id) is not None:
                raise UserError(
                    f"'{args.id}' is a case, not a briefing: use `track2 brief --case {args.id}`"
                )
            found = find_briefing(args.id)
            lib = _library_for(ctx, found.case_ids())
            briefing = find_briefing(args.id, lib)
        elif args.cases:
            lib = _library_for(ctx, [c.partition("/")[0] for c in args.cases])
            briefing = compose_from_cases(lib, args.cases, **extra)
        else:
            refs = search_refs(ctx, args.query, args.limit)
            lib = _library_for(ctx, [r.partition("/")[0] for r in refs])
            briefing = compose_from_refs(lib, refs, query=args.query, **extra)
        doc = briefing_document(briefing, lib, short=args.short)
        emit_document(doc, fmt, args.output, args.force, args.width, args.paper, args.pager)
        if args.save:
            path = save_briefing(briefing, replace=args.force)
            sys.stderr.write(f"saved {path}; print it again with `track2 brief {briefing.id}`\n")
    except BriefingProblem as exc:
        raise UserError(str(exc)) from None
    return 0


def _library_for(ctx: Context, case_ids: list[str]) -> Any:
    """Only the cases a briefing names, read from their own files; the whole library when one
    is missing, so that the error can suggest what was meant."""
    lib = ctx.cases(case_ids)
    return lib if all(c in lib.cases for c in case_ids) else ctx.library


def _briefing_ids() -> set[str]:
    from briefings.loader import curated_dir, user_dir

    return {
        p.stem
        for folder in (curated_dir(), user_dir())
        if folder.is_dir()
        for p in folder.glob("*.y*ml")
    }


def search_refs(ctx: Context, query: str, limit: int) -> list[str]:
    """The ``case-id/item-id`` refs of the best lessons and recommendations for ``query``."""
    from tui.cli.common import open_index

    if not query.strip():
        raise UserError("--query needs some words to search for")
    idx = open_index(ctx)
    try:
        hits = []
        suggestion = None
        for kind in ("lesson", "recommendation"):
            result = idx.search(query, kind=kind, limit=limit)
            if result.error:
                raise UserError(f"cannot search for '{query}': {result.error}")
            hits += result.hits
            suggestion = suggestion or result.suggestion
    finally:
        idx.close()
    # Both kinds come from one index and one scoring, so their scores can be merged.
    hits.sort(key=lambda h: -h.score)
    refs = [f"{h.case_id}/{h.item_id}" for h in hits if h.item_id][:limit]
    if not refs:
        hint = f"; did you mean '{suggestion}'?" if suggestion else ""
        raise UserError(f"no lesson or recommendation matches '{query}'{hint}")
    return refs
