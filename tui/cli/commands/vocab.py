"""``track2 vocab [KIND]``: the controlled vocabularies case files must use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.cli.common import add_command
from tui.cli.context import Context, UsageError

if TYPE_CHECKING:
    from tui.cli.common import SubParsers

KINDS = (
    "themes",
    "regions",
    "countries",
    "actor_types",
    "actor_roles",
    "tags",
    "audiences",
    "relations",
)


def register(sub: SubParsers) -> None:
    """Add the command to the parser."""
    p = add_command(sub, "vocab", "list the allowed themes, regions, tags and other ids")
    p.add_argument("kind", nargs="?", metavar="KIND", help="one of: " + ", ".join(KINDS))
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)


def run(ctx: Context) -> int:
    """Print one vocabulary or all of them."""
    from cases.vocab import vocabulary

    v = vocabulary()
    kind = ctx.args.kind
    if kind is not None:
        kind = kind.replace("-", "_")
        if kind not in KINDS:
            raise UsageError(f"unknown vocabulary '{ctx.args.kind}'; use one of {', '.join(KINDS)}")
    kinds = [kind] if kind else list(KINDS)
    if ctx.args.json:
        from tui.cli.output import print_json

        print_json({k: getattr(v, k) for k in kinds})
        return 0
    from rich.table import Table

    from tui.cli.output import console, text

    out = console()
    for k in kinds:
        table = Table(title=k, title_justify="left", box=None, pad_edge=False)
        table.add_column("id", style="bold")
        table.add_column("label")
        for key, label in getattr(v, k).items():
            table.add_row(text(key), text(label))
        out.print(table)
        out.print()
    return 0
