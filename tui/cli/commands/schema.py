"""``track2 schema``: the JSON Schema of a case file, for editors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.cli.common import add_command
from tui.cli.context import Context

if TYPE_CHECKING:
    from tui.cli.common import SubParsers


def register(sub: SubParsers) -> None:
    """Add the command to the parser."""
    p = add_command(
        sub,
        "schema",
        "print the JSON Schema of a case file",
        "Print the JSON Schema of a case file. Save it (track2 schema > track2-case.schema.json) "
        "and start case files with `# yaml-language-server: $schema=track2-case.schema.json` "
        "so that editors check them as you type.",
    )
    p.add_argument("--glossary", action="store_true", help="the glossary's schema instead")
    p.set_defaults(func=run)


def run(ctx: Context) -> int:
    """Print the schema as JSON."""
    from cases.schema import case_schema, glossary_schema
    from tui.cli.output import print_json

    print_json(glossary_schema() if ctx.args.glossary else case_schema())
    return 0
