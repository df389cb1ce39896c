"""The ``track2`` command line: the composition root of cases, search and briefings.

Each command lives in ``tui/commands/<name>.py`` with ``register(subparsers)``; command
modules import heavy things (Textual, Whoosh, Rich renderers) inside their ``run``, so that
``track2 list`` starts fast and works where Textual cannot draw.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from tui import __version__
from tui.context import Context, UserError
from tui.output import error

EPILOG = (
    "Run `track2 COMMAND --help` for a command's options. With no command, track2 opens the "
    "terminal explorer. Library folders: --library DIR (repeatable) or TRACK2_LIBRARY."
)


def build_parser() -> argparse.ArgumentParser:
    """The full parser, every command registered."""
    parser = argparse.ArgumentParser(
        prog="track2",
        description="Explore Track II diplomacy case studies, search lessons, print briefings.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"track2 {__version__}")
    add_library_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    import tui.commands as package

    modules = [
        importlib.import_module(f"tui.commands.{m.name}")
        for m in pkgutil.iter_modules(package.__path__)
        if not m.name.startswith("_")
    ]
    for module in sorted(modules, key=lambda m: (getattr(m, "ORDER", 50), m.__name__)):
        module.register(sub)
    return parser


def add_library_option(parser: argparse.ArgumentParser) -> None:
    """--library DIR, accepted before or after the command name."""
    parser.add_argument(
        "--library",
        action="append",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="an extra folder of case files, layered over the curated library (repeatable)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the exit code (0 ok, 1 bad input, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context(args=args, library_paths=list(getattr(args, "library", None) or []))
    try:
        if args.command is None:
            from tui.commands.browse import run as browse

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
