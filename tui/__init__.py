"""track2's front ends: the command line (``cli``) and the Textual app.

Importing this package does not import Textual; only the command that opens the TUI does.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    # The version is read on first use (cases.version), not typed here a second time.
    if name == "__version__":
        from cases.version import track2_version

        return track2_version()
    raise AttributeError(f"module 'tui' has no attribute {name!r}")
