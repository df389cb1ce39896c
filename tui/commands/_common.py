"""Helpers shared by command modules."""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli import add_library_option


def add_command(
    sub: Any, name: str, help_text: str, description: str = ""
) -> argparse.ArgumentParser:
    """A subcommand parser with the shared --library option."""
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=help_text, description=description or help_text
    )
    add_library_option(parser)
    return parser
