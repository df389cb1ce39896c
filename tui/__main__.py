"""``python -m tui`` runs the track2 command line."""

from tui.cli import main

raise SystemExit(main())
