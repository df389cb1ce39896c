"""The movement keys every list in track2 shares (j/k as well as the arrows), each with an id."""

from __future__ import annotations

from textual.binding import Binding, BindingType

LIST_MOVES: list[BindingType] = [
    Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
    Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
    Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
    Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
    Binding("home", "first", "First", show=False, id="list.first"),
    Binding("end", "last", "Last", show=False, id="list.last"),
]
