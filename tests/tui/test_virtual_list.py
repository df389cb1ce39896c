"""The virtual list draws only what is on screen, so 10,000 cases scroll like 20."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.strip import Strip

from tui.widgets.virtual_list import VirtualList


class CountingList(VirtualList[int]):
    """A VirtualList that counts the lines it draws."""

    lines_drawn = 0

    def render_line(self, y: int) -> Strip:
        self.lines_drawn += 1
        return super().render_line(y)


class ListApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0
        self.chosen: list[int] = []

    def format(self, row: Any, width: int) -> list[Text]:
        self.calls += 1
        return [Text(f"case {row}"), Text("snippet")]

    def compose(self) -> ComposeResult:
        yield CountingList(self.format, row_height=2, empty="Nothing here.")

    def on_virtual_list_selected(self, event: VirtualList.Selected) -> None:
        self.chosen.append(event.index)


async def test_ten_thousand_rows_format_only_the_visible_ones() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        lst = app.query_one(VirtualList)
        assert "Nothing here." in lst.render_line(0).text
        assert isinstance(lst, CountingList)
        lst.lines_drawn = 0
        lst.set_rows(list(range(10_000)))
        await pilot.pause()
        # The work done is one screenful, whatever the number of rows: 20 lines drawn (one
        # frame, two at most), from the 10 two-line rows that fit, not 10,000.
        assert 0 < lst.lines_drawn <= 2 * lst.size.height
        assert app.calls <= lst.size.height // 2
        assert lst.render_line(0).text.startswith("case 0")
        lst.focus()
        for _ in range(30):
            await pilot.press("pagedown")
        assert lst.cursor == 30 * 10
        await pilot.press("end")
        assert lst.cursor == 9_999
        assert lst.render_line(lst.size.height - 1).text.startswith("snippet")
        await pilot.press("home", "j", "j", "k", "enter")
        assert app.chosen == [1]
        assert app.calls < 400


async def test_clicks_highlight_then_choose() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        lst = app.query_one(VirtualList)
        lst.set_rows(list(range(50)))
        await pilot.pause()
        await pilot.click(VirtualList, offset=(3, 4))
        assert lst.cursor == 2 and app.chosen == []
        await pilot.click(VirtualList, offset=(3, 5))
        assert app.chosen == [2]
