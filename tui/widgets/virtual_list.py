"""A list that renders only the rows on screen, so 10,000 cases scroll as fast as 20.

Textual's OptionList and DataTable measure or build every row when rows are added (about a
second at 10,000 rows here), which stalls the screen each time a facet changes. This widget
keeps a plain Python list of rows and asks a formatter for the few lines it draws.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.widgets.list_keys import LIST_MOVES

T = TypeVar("T")

Formatter = Callable[[Any, int], list[Text]]
"""(row, width) -> exactly ``row_height`` lines of Text (case text already made literal)."""


class VirtualList(ScrollView, Generic[T], can_focus=True, inherit_bindings=False):
    """A keyboard-first list of rows of equal height with a cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *LIST_MOVES,
        Binding("enter", "select", "Open", id="list.select"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-list--cursor",
        "virtual-list--empty",
        "virtual-list--match",
    }

    DEFAULT_CSS = """
    VirtualList { height: 1fr; overflow-x: hidden; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """The index of the highlighted row."""

    class Highlighted(Message):
        """The cursor moved to another row."""

        def __init__(self, virtual_list: VirtualList[Any], index: int, row: Any) -> None:
            super().__init__()
            self.virtual_list = virtual_list
            self.index = index
            self.row = row

        @property
        def control(self) -> VirtualList[Any]:
            """The list that sent the message."""
            return self.virtual_list

    class Selected(Highlighted):
        """A row was chosen (enter or a click)."""

    def __init__(
        self,
        formatter: Formatter,
        row_height: int = 1,
        empty: str = "Nothing to show.",
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._formatter = formatter
        self._row_height = row_height
        self._rows: list[T] = []
        self.empty_text = empty
        """Shown (dimmed) when the list has no rows."""
        # Formatted rows by (index, width): the rows on screen and those near them.
        self._cache: LRUCache[tuple[int, int], list[Text]] = LRUCache(2000)

    @property
    def rows(self) -> Sequence[T]:
        """The rows, in display order."""
        return self._rows

    @property
    def row_height(self) -> int:
        """Lines per row."""
        return self._row_height

    @property
    def highlighted_row(self) -> T | None:
        """The row under the cursor, or None when the list is empty."""
        return self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None

    def set_rows(self, rows: Sequence[T], row_height: int | None = None, cursor: int = 0) -> None:
        """Replace every row; the cursor goes to ``cursor`` (clamped)."""
        self._rows = list(rows)
        if row_height is not None:
            self._row_height = row_height
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self._rows) * self._row_height)
        self.scroll_to(y=0, animate=False)
        self.cursor = max(0, min(cursor, len(self._rows) - 1))
        self.refresh()

    def refresh_rows(self) -> None:
        """Redraw every row (after the data behind the formatter changed)."""
        self._cache.clear()
        self.refresh()

    @property
    def match_style(self) -> Style:
        """The style of matched words in snippets (from the theme, via CSS)."""
        return self.get_component_rich_style("virtual-list--match", partial=True)

    def notify_style_update(self) -> None:
        """The theme changed: rows carry resolved styles, so format them again."""
        self._cache.clear()
        super().notify_style_update()

    def on_resize(self, event: events.Resize) -> None:
        """Rows are formatted for a width: format again."""
        self._cache.clear()
        self.virtual_size = Size(event.size.width, len(self._rows) * self._row_height)

    def watch_cursor(self, old: int, new: int) -> None:
        """Keep the cursor row in view and tell the screen."""
        if not self._rows:
            return
        self._scroll_cursor_into_view()
        self.refresh()
        self.post_message(self.Highlighted(self, new, self._rows[new]))

    def _scroll_cursor_into_view(self) -> None:
        top = self.cursor * self._row_height
        height = self.scrollable_content_region.height
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif top + self._row_height > self.scroll_y + height:
            self.scroll_to(y=top + self._row_height - height, animate=False, immediate=True)

    def _move(self, step: int) -> None:
        if self._rows:
            self.cursor = max(0, min(len(self._rows) - 1, self.cursor + step))

    def action_cursor_down(self) -> None:
        """Move to the next row."""
        self._move(1)

    def action_cursor_up(self) -> None:
        """Move to the previous row."""
        self._move(-1)

    def action_page_down(self) -> None:
        """Move down one screenful."""
        self._move(max(1, self.scrollable_content_region.height // self._row_height))

    def action_page_up(self) -> None:
        """Move up one screenful."""
        self._move(-max(1, self.scrollable_content_region.height // self._row_height))

    def action_first(self) -> None:
        """Go to the first row."""
        self._move(-len(self._rows))

    def action_last(self) -> None:
        """Go to the last row."""
        self._move(len(self._rows))

    def action_select(self) -> None:
        """Choose the highlighted row."""
        if self._rows:
            self.post_message(self.Selected(self, self.cursor, self._rows[self.cursor]))

    def on_click(self, event: events.Click) -> None:
        """A click highlights a row; a second click on it chooses it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (int(self.scroll_y) + offset.y) // self._row_height
        if 0 <= index < len(self._rows):
            if index == self.cursor or event.chain > 1:
                self.cursor = index
                self.action_select()
            else:
                self.cursor = index

    def _lines(self, index: int, width: int) -> list[Text]:
        key = (index, width)
        lines = self._cache.get(key)
        if lines is None:
            lines = self._formatter(self._rows[index], width)
            self._cache[key] = lines
        return lines

    def render_line(self, y: int) -> Strip:
        """Draw line ``y`` of the visible region."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        line_no = int(self.scroll_y) + y
        if not self._rows:
            if y == 0 and self.empty_text:
                style = base + self.get_component_rich_style("virtual-list--empty")
                text = Text(self.empty_text, style=style, no_wrap=True, overflow="ellipsis")
                return self._strip(text, width, style)
            return Strip.blank(width, base)
        index, sub = divmod(line_no, self._row_height)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        style = base
        if index == self.cursor:
            style = base + self.get_component_rich_style("virtual-list--cursor")
        lines = self._lines(index, width)
        text = lines[sub] if sub < len(lines) else Text()
        return self._strip(text, width, style)

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        line = text.copy()
        line.no_wrap = True
        line.truncate(width, overflow="ellipsis", pad=True)
        segments = list(line.render(self.app.console))
        segments = [s for s in segments if s.text != "\n"]
        return Strip(list(Segment.apply_style(segments, style)), width).crop_extend(0, width, style)
