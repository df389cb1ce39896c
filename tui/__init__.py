"""track2's front ends: the command line (``cli``) and the Textual app.

Importing this package does not import Textual; only the command that opens the TUI does.
"""

__version__ = "0.1.0"
