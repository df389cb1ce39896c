"""The lessons explorer: every lesson, challenge and recommendation across the cases,
grouped by kind, tag or case, filtered by kind and tag, searchable; enter opens the case there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Input, Label, Select, Static

from tui.latest import Latest
from tui.screens.base import Track2Screen
from tui.widgets.key_footer import KeyFooter
from tui.widgets.rows import KIND_LABELS, GroupHeader, header_lines, item_lines, literal, styled
from tui.widgets.virtual_list import VirtualList

if TYPE_CHECKING:
    from search_index import Hit

ITEM_KINDS = ("lesson", "challenge", "recommendation")
GROUPS = (("Kind", "kind"), ("Tag", "tag"), ("Case", "case"))


def group_rows(hits: list[Hit], by: str, tags: dict[str, list[str]]) -> list[Any]:
    """Hits under group headers; ``tags`` maps a hit ref to its tags (for grouping by tag)."""
    from cases.vocab import vocabulary

    groups: dict[str, list[Hit]] = {}
    if by == "kind":
        for kind in ITEM_KINDS:
            groups[KIND_LABELS[kind] + "s"] = [h for h in hits if h.kind == kind]
    elif by == "tag":
        v = vocabulary()
        for hit in hits:
            for tag in tags.get(hit.ref) or ["untagged"]:
                groups.setdefault(v.label("tags", tag), []).append(hit)
        groups = dict(sorted(groups.items()))
    else:
        for hit in hits:
            groups.setdefault(hit.case_title, []).append(hit)
    rows: list[Any] = []
    for title, members in groups.items():
        if members:
            rows.append(GroupHeader(title, len(members)))
            rows.extend(members)
    return rows


class LessonsScreen(Track2Screen):
    """Items of every case; ``/`` searches them, ``b`` adds one to the briefing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *Track2Screen.BINDINGS,
        Binding("slash", "focus_search", "Search", key_display="/", id="lessons.search"),
        Binding("b", "add_to_briefing", "Add to briefing", id="lessons.brief"),
        Binding("f", "filters", "Filters", id="lessons.filters"),
        Binding("e", "export", "Export CSV/Markdown", id="lessons.export"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._all: list[Hit] = []
        self._shown: list[Hit] = []
        """The items on show (what ``e`` exports), in list order."""
        self._tags: dict[str, list[str]] = {}
        self._latest = Latest()

    @property
    def all_items(self) -> list[Hit]:
        """Every item the explorer holds (a copy), before the search and filters."""
        return list(self._all)

    def compose(self) -> ComposeResult:
        """Filters beside the search box and the grouped list."""
        yield Header()
        with Horizontal(id="lessons-body"):
            with Vertical(id="lessons-side", classes="side"):
                yield Label("Kind", classes="facet-label")
                yield Select(
                    [(Text(KIND_LABELS[k] + "s"), k) for k in ITEM_KINDS],
                    prompt="Any",
                    compact=True,
                    id="lessons-kind",
                )
                yield Label("Tag", classes="facet-label")
                yield Select([], prompt="Any", compact=True, id="lessons-tag")
                yield Label("Group by", classes="facet-label")
                yield Select(
                    [(Text(label), v) for label, v in GROUPS],
                    value="kind",
                    allow_blank=False,
                    compact=True,
                    id="lessons-group",
                )
            with Vertical(id="lessons-main"):
                yield Input(
                    placeholder="Search lessons, challenges, recommendations ( / )",
                    id="lessons-search",
                )
                yield Static(id="lessons-summary")
                yield VirtualList(self._format, row_height=2, empty="Loading...", id="lessons-list")
        yield KeyFooter()

    def _format(self, row: Any, width: int) -> list[Text]:
        if isinstance(row, GroupHeader):
            return header_lines(row, 2)
        return item_lines(row, width, self.items_list.match_style)

    @property
    def items_list(self) -> VirtualList[Any]:
        """The grouped list."""
        return self.query_one("#lessons-list", VirtualList)

    def on_mount(self) -> None:
        """Load every item (and which tags each has) in a worker."""
        self.sub_title = "Lessons, challenges and recommendations"
        self.set_focus(self.items_list)
        self._load()

    @work(thread=True, exclusive=True, group="lessons-load")
    def _load(self) -> None:
        # One read of every item: each hit carries its stored tags.
        all_items = self.data.items()
        tags: dict[str, list[str]] = {}
        counts: dict[str, int] = {}
        for hit in all_items:
            tags[hit.ref] = list(hit.tags)
            for tag in hit.tags:
                counts[tag] = counts.get(tag, 0) + 1
        self.app.call_from_thread(self._loaded, all_items, tags, counts)

    def _loaded(self, items: list[Hit], tags: dict[str, list[str]], counts: dict[str, int]) -> None:
        from cases.vocab import vocabulary

        v = vocabulary()
        self._all, self._tags = items, tags
        self.query_one("#lessons-tag", Select).set_options(
            (Text(f"{v.label('tags', t)} ({n})"), t)
            for t, n in sorted(counts.items(), key=lambda p: v.label("tags", p[0]))
        )
        self.items_list.empty_text = "No items match."
        self.refresh_items()

    def _filters(self) -> tuple[str | None, str | None, str]:
        kind = self.query_one("#lessons-kind", Select).value
        tag = self.query_one("#lessons-tag", Select).value
        group = self.query_one("#lessons-group", Select).value
        return (
            kind if isinstance(kind, str) else None,
            tag if isinstance(tag, str) else None,
            group if isinstance(group, str) else "kind",
        )

    def refresh_items(self) -> None:
        """List the items that pass the filters (searching when there is a query)."""
        ticket = self._latest.take()
        query = self.query_one("#lessons-search", Input).value.strip()
        kind, tag, group = self._filters()
        if query:
            self._search(ticket, query, kind, tag)
            return
        hits = [
            h
            for h in self._all
            if (kind is None or h.kind == kind)
            and (tag is None or tag in self._tags.get(h.ref, []))
        ]
        self._show(hits, group, None)

    @work(thread=True, group="lessons-search")
    def _search(self, ticket: int, query: str, kind: str | None, tag: str | None) -> None:
        result = self.data.search(
            query,
            kind=kind,
            filters={"tag": tag} if tag else None,
            limit=500,
            wanted=self._latest.wanted(ticket),
        )
        if result is None:
            return
        hits = [h for h in result.hits if h.kind in ITEM_KINDS]
        self.app.call_from_thread(self._searched, ticket, hits, result.suggestion)

    def _searched(self, ticket: int, hits: list[Hit], suggestion: str | None) -> None:
        if self._latest.is_newest(ticket):
            self._show(hits, self._filters()[2], suggestion)

    def _show(self, hits: list[Hit], group: str, suggestion: str | None) -> None:
        self._shown = hits
        self.items_list.set_rows(group_rows(hits, group, self._tags))
        summary = styled(f"{len(hits)} items", "dim")
        if not hits and suggestion:
            summary.append("  Did you mean ")
            summary.append_text(literal(suggestion, "bold"))
            summary.append("?")
        self.query_one("#lessons-summary", Static).update(summary)

    @on(Input.Changed, "#lessons-search")
    @on(Select.Changed)
    def _changed(self) -> None:
        self.refresh_items()

    @on(Input.Submitted, "#lessons-search")
    def _submitted(self) -> None:
        self.set_focus(self.items_list)
        if isinstance(self.items_list.highlighted_row, GroupHeader):
            self.items_list.action_cursor_down()

    @on(VirtualList.Selected, "#lessons-list")
    def _open(self, event: VirtualList.Selected) -> None:
        if not isinstance(event.row, GroupHeader):
            self.track2.open_case(event.row.case_id, event.row.item_id)

    def action_back(self) -> None:
        """Clear the search first; with nothing to clear, go back."""
        box = self.query_one("#lessons-search", Input)
        if box.value:
            box.value = ""
            self.set_focus(self.items_list)
        else:
            super().action_back()

    def action_focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.set_focus(self.query_one("#lessons-search"))

    def action_filters(self) -> None:
        """Go to the filters (showing them on a narrow screen), or back to the list."""
        focused = self.focused
        if isinstance(focused, Select):
            self.remove_class("-filters")
            self.set_focus(self.items_list)
        else:
            self.add_class("-filters")
            self.set_focus(self.query_one("#lessons-kind"))

    def action_add_to_briefing(self) -> None:
        """Add the highlighted item to the working briefing."""
        row = self.items_list.highlighted_row
        if row is not None and not isinstance(row, GroupHeader):
            self.track2.add_to_briefing(row.ref, row.title)

    def action_export(self) -> None:
        """Export the items on show, with their whole texts, to CSV or Markdown."""
        from tui.exports import lessons_csv, lessons_markdown
        from tui.screens.dialogs import LESSON_FORMATS, ExportDialog

        if not self._shown:
            self.notify("Nothing to export: no items are listed.", severity="warning")
            return
        full = {h.ref: h for h in self._all}
        hits = [full.get(h.ref, h) for h in self._shown]
        query = self.query_one("#lessons-search", Input).value.strip()

        def write(fmt: str, path: Path) -> None:
            text = lessons_csv(hits) if fmt == "csv" else lessons_markdown(hits, query)
            path.write_text(text, encoding="utf-8")

        def done(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Exported {len(hits)} items to {path}")

        dialog = ExportDialog("lessons", write, title="Export these items", formats=LESSON_FORMATS)
        self.app.push_screen(dialog, done)
