"""An OptionList of text blocks that moves with j/k as well as the arrows."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList

from tui.widgets.list_keys import LIST_MOVES


class EntryList(OptionList, inherit_bindings=False):
    """A list of (possibly multi-line) entries; every key has an id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *LIST_MOVES,
        Binding("enter", "select", "Open", show=False, id="list.select"),
    ]
