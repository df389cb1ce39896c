"""The library's status line: the index being opened or built (with a progress bar), then
how many cases from how many folders, and whether some files have problems."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from tui.widgets.rows import literal


class StatusBar(Horizontal):
    """One line under the list: what the index is doing, or what the library holds."""

    def compose(self) -> ComposeResult:
        yield Static("Opening the search index...", id="status")
        yield ProgressBar(id="progress", show_eta=False, show_percentage=True)

    def on_mount(self) -> None:
        self.query_one("#progress").display = False

    def building(self, done: int, total: int) -> None:
        """The index is being built: ``done`` of ``total`` steps."""
        bar = self.query_one("#progress", ProgressBar)
        bar.display = True
        bar.update(total=max(total, 1), progress=done)
        self._say(f"Building the search index: {done}/{total}")

    def failed(self, message: str) -> None:
        """The index could not be opened (``message`` may quote a file: never markup)."""
        self.query_one("#progress").display = False
        self._say(literal(f"Could not open the index: {message}"))

    def ready(self, cases: int, folders: int, problem_files: int) -> None:
        """The index is open: its cases, its folders, and files that did not load."""
        self.query_one("#progress").display = False
        status = Text(
            f"Index ready: {cases} cases from {folders} folder" + ("" if folders == 1 else "s"),
            style="dim",
        )
        if problem_files:
            status.append(f"  |  {problem_files} file(s) with problems: press p", style="bold")
        self._say(status)

    def _say(self, status: str | Text) -> None:
        # One line of fixed width, whatever it says: no layout of the screen is needed (a
        # layout on every step of a build, and every keystroke's status, costs a frame).
        self.query_one("#status", Static).update(status, layout=False)
