"""``track2 browse`` (and ``track2`` alone): open the terminal explorer."""

from __future__ import annotations

from typing import Any

from tui.commands._common import add_command
from tui.context import Context

ORDER = 1


def register(sub: Any) -> None:
    """Add the command to the parser."""
    p = add_command(sub, "browse", "open the terminal explorer (the default)")
    p.set_defaults(func=run)


def run(ctx: Context) -> int:
    """Run the Textual app; Textual is imported here and nowhere on other commands' paths."""
    from tui.app import create_app

    app = create_app(ctx.dirs)
    app.run()
    return app.return_code or 0
