"""track2's version, defined once: ``version`` in pyproject.toml, read from the installed
distribution's metadata (or, in a checkout that is not installed, from pyproject.toml itself).

Every layer reads it from here: ``track2 --version``, briefing footers and the search index's
record of what wrote it.
"""

from __future__ import annotations

from functools import cache
from importlib import metadata
from pathlib import Path

UNKNOWN = "unknown"
"""The version when neither the metadata nor a pyproject.toml names one."""


@cache
def track2_version() -> str:
    """The version of the installed track2 distribution, else of the checkout, else "unknown"."""
    try:
        return metadata.version("track2")
    except metadata.PackageNotFoundError:
        return _checkout_version(Path(__file__).resolve().parent.parent / "pyproject.toml")


def _checkout_version(pyproject: Path) -> str:
    import tomllib  # only in a checkout that is not installed

    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return UNKNOWN
    version = project.get("version") if project.get("name") == "track2" else None
    return version if isinstance(version, str) else UNKNOWN
