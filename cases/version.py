"""track2's version, defined once: the line below. pyproject.toml reads it from here
(``[tool.hatch.version]``), so the package metadata, ``track2 --version``, briefing footers
and the search index's record of what wrote it all say the same, and reading it costs
nothing (package metadata would cost a tenth of a search's start-up).
"""

from __future__ import annotations

__version__ = "0.1.0"


def track2_version() -> str:
    """The version of track2."""
    return __version__
