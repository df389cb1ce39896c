"""``track2 browse`` (and ``track2`` alone): open the terminal explorer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.cli.common import add_command
from tui.cli.context import Context

if TYPE_CHECKING:
    from tui.cli.common import SubParsers


def register(sub: SubParsers) -> None:
    """Add the command to the parser."""
    p = add_command(sub, "browse", "open the terminal explorer (the default)")
    p.set_defaults(func=run)


def run(ctx: Context) -> int:
    """Run the Textual app; Textual is imported here and nowhere on other commands' paths.

    Without a terminal on both stdin and stdout (``track2 | cat``, ``track2 > file``, CI) the
    full-screen explorer would draw into a pipe and wait for keys that never come: say so and
    stop with a usage error instead.
    """
    import sys

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        from tui.cli.context import UsageError

        where = "output" if sys.stdin.isatty() else "input"
        raise UsageError(
            f"the explorer needs a terminal, and its {where} is not one; for output that can "
            "be piped use `track2 list`, `track2 show ID` or `track2 search QUERY`"
        )
    from tui.app import create_app

    app = create_app(ctx.dirs)
    app.run()
    return app.return_code or 0
