"""``track2 index``: bring the search index up to date (or rebuild it) and describe it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.cli.common import add_command
from tui.cli.context import Context

if TYPE_CHECKING:
    from tui.cli.common import SubParsers


def register(sub: SubParsers) -> None:
    """Add the command to the parser."""
    p = add_command(
        sub,
        "index",
        "update the search index (only files that changed are read again)",
        "Update the search index in the user cache folder: files added, changed or removed "
        "since the last run are indexed again, nothing else. Other commands do this on their "
        "own; run it to see what changed, to rebuild, or for figures.",
    )
    p.add_argument("--rebuild", action="store_true", help="throw the index away and build it again")
    p.add_argument("--stats", action="store_true", help="print figures about the index")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--in-memory-ok",
        action="store_true",
        help="exit 0 even when the cache cannot be written and the index was kept "
        "in memory only (by default that is exit 1: nothing was saved)",
    )
    p.set_defaults(func=run)


def run(ctx: Context) -> int:
    """Open (update) or rebuild the index; print what was done and, on request, figures."""
    from tui.cli.common import open_index
    from tui.cli.output import error

    args = ctx.args
    idx = open_index(ctx, rebuild=args.rebuild)
    try:
        done = idx.last_update
        stats = idx.stats() if args.stats else None
        problems = idx.problems
        location = str(idx.home) if idx.home else None
    finally:
        idx.close()
    if args.json:
        from tui.cli.output import print_json

        data: dict[str, Any] = {
            "location": location,
            "rebuilt": done.rebuilt,
            "added": done.added,
            "changed": done.changed,
            "removed": done.removed,
            "seconds": round(done.seconds, 3),
            "problems": [p.as_dict() for p in problems],
        }
        if stats is not None:
            data["stats"] = stats
        print_json(data)
    else:
        _print(done, location, stats)
    if problems:
        error(f"{len(problems)} problem(s) in the library; run `track2 validate` for details")
    if location is None and not args.in_memory_ok:
        error("nothing was saved: the index exists only for this run (see the notice above)")
        return 1
    return 0


def _print(done: Any, location: str | None, stats: dict[str, Any] | None) -> None:
    from rich.text import Text

    from tui.cli.output import console

    out = console()
    if done.rebuilt:
        what = f"built afresh: {done.added} cases indexed"
    elif done.touched:
        what = f"updated: {done.added} added, {done.changed} changed, {done.removed} removed"
    else:
        what = "up to date: no file changed"
    out.print(Text(f"Search index {what} ({done.seconds:.2f} s)"))
    out.print(Text(f"Location: {location or 'in memory'}", style="dim"))
    if stats:
        kinds = stats.get("by_kind", {})
        out.print(
            Text(
                f"Documents: {stats.get('documents', 0)} ("
                + ", ".join(f"{n} {k}" for k, n in kinds.items())
                + ")"
            )
        )
        out.print(
            Text(
                f"Case files: {stats.get('files', 0)}; segments: "
                f"{stats.get('segments', 0)}; size: {stats.get('bytes', 0):,} bytes"
            )
        )
        out.print(
            Text(
                f"Engine: {stats.get('engine')}; schema version {stats.get('schema_version')}",
                style="dim",
            )
        )
