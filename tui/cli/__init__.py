"""The ``track2`` command line: the composition root of cases, search and briefings.

Each command lives in ``tui/cli/<name>.py`` with ``register(subparsers)``, and
:data:`COMMANDS` lists them in the order ``track2 --help`` shows them. Shared helpers live in
``tui/cli/common.py`` (options, opening the index), ``context.py`` (the parsed options and the
library), ``output.py`` (consoles, JSON, files) and ``hits.py`` (printing search hits).
Command modules import heavy things (Textual, Whoosh, Rich renderers) inside their ``run``,
so that ``track2 list`` starts fast and works where Textual cannot draw.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from tui.cli.common import add_library_option
from tui.cli.context import Context, UserError
from tui.cli.output import error

COMMANDS = (
    "browse",
    "list",
    "show",
    "search",
    "lessons",
    "brief",
    "briefings",
    "agreements",
    "glossary",
    "validate",
    "index",
    "new",
    "schema",
    "vocab",
)
"""Every command module, in the order help lists them (``agreements`` adds ``agreement``)."""

EPILOG = (
    "Run `track2 COMMAND --help` for a command's options. With no command, track2 opens the "
    "terminal explorer. Library folders: --library DIR (repeatable) or TRACK2_LIBRARY."
)


class VersionAction(argparse.Action):
    """``--version``: the version is read when asked for (reading package metadata costs
    about 30 ms, a tenth of a search), not on every run."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version"
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from cases.version import track2_version

        sys.stdout.write(f"track2 {track2_version()}\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The full parser, every command registered."""
    parser = argparse.ArgumentParser(
        prog="track2",
        description="Explore Track II diplomacy case studies, search lessons, print briefings.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action=VersionAction)
    add_library_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name in COMMANDS:
        importlib.import_module(f"tui.cli.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the exit code (0 ok, 1 bad input, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context(args=args, library_paths=list(getattr(args, "library", None) or []))
    try:
        if args.command is None:
            from tui.cli.commands.browse import run as browse

            return browse(ctx)
        code: int = args.func(ctx)
        return code
    except UserError as exc:
        error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (head, less) went away: not an error worth a traceback.
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
