"""The command modules, one per command; ``tui.cli.COMMANDS`` lists them in order."""
