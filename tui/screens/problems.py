"""The library files that could not be read, each with file, line and what is wrong."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Header, Static
from textual.widgets.option_list import Option

from tui.screens.base import Track2Screen
from tui.widgets.entry_list import EntryList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.rows import literal, styled


class ProblemsScreen(Track2Screen):
    """One line per problem: ``path:line:col: field: message``."""

    BINDINGS: ClassVar[list[BindingType]] = [*Track2Screen.BINDINGS]

    def compose(self) -> ComposeResult:
        """A heading and the list."""
        yield Header()
        problems = self.data.problems
        files = len({p.path for p in problems})
        head = styled(f"{len(problems)} problem(s) in {files} file(s). ", "bold")
        head.append(
            "Fix them and restart track2, or check a file with `track2 validate FILE`.", style="dim"
        )
        if not problems:
            head = styled("No problems: every library file was read.", "bold")
        yield Static(head, id="problems-head")
        yield EntryList(*[Option(literal(str(p))) for p in problems], id="problems-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Focus the list."""
        self.sub_title = "Problems"
        self.set_focus(self.query_one("#problems-list"))
