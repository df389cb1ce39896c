"""The installed track2 version, for footers (briefings must not import the tui package)."""

from __future__ import annotations

from functools import cache
from importlib import metadata


@cache
def track2_version() -> str:
    """The version of the installed track2 distribution, or "dev" when it is not installed."""
    try:
        return metadata.version("track2")
    except metadata.PackageNotFoundError:
        return "dev"
