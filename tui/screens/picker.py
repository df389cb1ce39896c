"""A dialog to choose a case: type to filter, enter to choose, escape to cancel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.screens.base import PANE_BINDINGS, AppAccess
from tui.widgets.rows import case_line, styled
from tui.widgets.virtual_list import VirtualList

if TYPE_CHECKING:
    from search_index import CaseRow


class CasePicker(AppAccess, ModalScreen[str | None]):
    """Returns the chosen case id, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *PANE_BINDINGS,
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
    ]

    def __init__(self, prompt: str, exclude: str | None = None) -> None:
        super().__init__()
        self.prompt = prompt
        self.exclude = exclude

    def compose(self) -> ComposeResult:
        """Prompt, filter box, list."""
        with Vertical(id="picker", classes="dialog"):
            yield Label(styled(self.prompt, "bold"), id="picker-title")
            yield Input(placeholder="Type to filter by title", id="picker-filter")
            yield VirtualList(self._format, empty="No case matches.", id="picker-list")

    def _format(self, row: Any, width: int) -> list[Text]:
        return [case_line(row, width)]

    def on_mount(self) -> None:
        """Fill the list and put the cursor in the filter."""
        self._fill("")
        self.set_focus(self.query_one("#picker-filter"))

    def _fill(self, needle: str) -> None:
        key = needle.strip().lower()
        rows: list[CaseRow] = [
            r
            for r in self.data.rows
            if r.id != self.exclude and (key in r.title.lower() or key in r.id)
        ]
        self.query_one("#picker-list", VirtualList).set_rows(rows)

    @on(Input.Changed, "#picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#picker-filter")
    def _submit(self) -> None:
        self.query_one("#picker-list", VirtualList).action_select()

    def on_key(self, event: Any) -> None:
        """Down in the filter moves to the list."""
        lst = self.query_one("#picker-list", VirtualList)
        if event.key == "down" and self.focused is self.query_one("#picker-filter"):
            event.stop()
            self.set_focus(lst)

    @on(VirtualList.Selected, "#picker-list")
    def _chosen(self, event: VirtualList.Selected) -> None:
        self.dismiss(event.row.id)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
