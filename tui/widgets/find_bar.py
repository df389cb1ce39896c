"""The find-in-case bar: type to find, enter or down for the next match, up for the previous."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label, Static


class FindBar(Horizontal):
    """Hidden until shown; posts what the user asks for."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "next", "Next match", show=False, id="find.next"),
        Binding("up", "previous", "Previous match", show=False, id="find.previous"),
        Binding("escape", "close", "Close find", show=False, id="find.close"),
    ]

    class Changed(Message):
        """The text to find changed."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Step(Message):
        """Go to the next (+1) or previous (-1) match."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    class Closed(Message):
        """The bar was closed."""

    def compose(self) -> ComposeResult:
        """A label, the input and the match count."""
        yield Label("Find", id="find-label")
        yield Input(placeholder="text in this case (enter: next, up: previous)", id="find-input")
        yield Static("", id="find-count")

    @property
    def input(self) -> Input:
        """The find input."""
        return self.query_one("#find-input", Input)

    def open(self) -> None:
        """Show the bar and put the cursor in it."""
        self.display = True
        self.input.focus()

    def show_count(self, current: int, total: int) -> None:
        """Show "3/12" or "no match"."""
        text = "" if not self.input.value else (f"{current}/{total}" if total else "no match")
        self.query_one("#find-count", Static).update(text)

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Step(1))

    def action_next(self) -> None:
        """Next match."""
        self.post_message(self.Step(1))

    def action_previous(self) -> None:
        """Previous match."""
        self.post_message(self.Step(-1))

    def action_close(self) -> None:
        """Hide the bar."""
        self.display = False
        self.post_message(self.Closed())
