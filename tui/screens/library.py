"""The first screen: every case, facet filters, and a search box that answers as you type."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Header, Input, Select, Static
from textual.worker import get_current_worker

from cases.tracks import TRACKS, ordered
from search_index.model import OWN_KINDS, CaseRow, Hit
from tui.latest import Latest
from tui.screens.base import ESSENTIAL, PANE_BINDINGS, AppAccess
from tui.screens.library_search import library_result, result_summary
from tui.widgets.facets import FacetPanel, filter_rows
from tui.widgets.key_footer import KeyFooter
from tui.widgets.rows import (
    SORTS,
    Suggestion,
    case_header,
    case_line,
    hit_lines,
    literal,
    styled,
    suggestion_lines,
)
from tui.widgets.status_bar import StatusBar
from tui.widgets.virtual_list import VirtualList

if TYPE_CHECKING:
    from search_index import SearchResult

from textual.screen import Screen

Row = CaseRow | Hit | Suggestion
"""What the list shows: cases (no query), search hits, or a "did you mean" row."""
WATCH_EVERY = 2.0
"""Seconds between looks at the library folders for edited case files."""
PREVIEW_DELAY = 0.12
"""Seconds the cursor rests on a row before its case is read for the preview."""
PAGE = 50
"""Hits fetched per search as you type; more are fetched as the cursor nears the end."""


class LibraryScreen(AppAccess, Screen[None]):
    """The case list with facets; typing in the search box lists matching cases and lessons."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *ESSENTIAL,
        Binding("slash", "focus_search", "Search", key_display="/", id="library.search"),
        Binding("escape", "clear_search", "Clear search", id="library.clear"),
        Binding("b", "add_to_briefing", "Add to briefing", id="library.brief"),
        Binding("c", "compare", "Compare", id="library.compare"),
        Binding("m", "bookmark", "Bookmark", show=False, id="library.bookmark"),
        Binding("f", "filters", "Filters", id="library.filters"),
        Binding("p", "problems", "Problems", show=False, id="library.problems"),
        Binding("ctrl+o", "search_as_typed", "As typed", id="library.as_typed"),
        Binding("s", "sort", "Sort", show=False, id="library.sort"),
        *PANE_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self._latest = Latest()
        self._limit = PAGE
        self._had_query = False
        self._as_typed = ""
        """A query to search exactly as typed (its automatic correction was turned down)."""
        self._sort = "period"
        """The order of the case list: period, title or track (``s`` changes it)."""
        self._preview_timer: Timer | None = None
        self.last_result: SearchResult | None = None
        """The search result on screen (None while the plain case list shows)."""

    def compose(self) -> ComposeResult:
        """Header, facets beside the search box and results, status line, footer."""
        yield Header()
        with Horizontal(id="library-body"):
            yield FacetPanel(id="facets")
            with Vertical(id="library-main"):
                yield Input(placeholder="Search cases and lessons ( / )", id="search")
                yield Static(id="summary")
                yield Static(id="columns")
                yield VirtualList(self._format, empty="Opening the library...", id="results")
            yield Static(id="preview")
        yield StatusBar(id="status-bar")
        yield KeyFooter()

    @property
    def results(self) -> VirtualList[Row]:
        """The list of cases or hits."""
        return self.query_one("#results", VirtualList)

    @property
    def search_box(self) -> Input:
        """The search input."""
        return self.query_one("#search", Input)

    def on_mount(self) -> None:
        """Draw first; open the index once the first frame is on screen."""
        self.set_focus(self.results)
        self.call_after_refresh(self._open_index)

    @work(thread=True, exclusive=True, group="open-index")
    def _open_index(self) -> None:
        try:
            self.data.open(progress=self._progress_from_thread)
        except Exception as exc:  # an unreadable index must not take the app down
            self.app.call_from_thread(self._index_failed, f"{type(exc).__name__}: {exc}")
            return
        self.app.call_from_thread(self._index_ready)

    def _progress_from_thread(self, done: int, total: int) -> None:
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self._show_progress, done, total)

    def _show_progress(self, done: int, total: int) -> None:
        self.query_one(StatusBar).building(done, total)

    def _index_failed(self, message: str) -> None:
        self.query_one(StatusBar).failed(message)
        self.results.empty_text = "The library could not be opened."
        self.results.refresh()

    def _index_ready(self) -> None:
        store = self.data
        self.results.empty_text = "No cases match these filters."
        if store.index is not None and store.index.notice:
            self.notify(store.index.notice, severity="warning", timeout=8)
        self._show_status()
        self.refresh_results()
        # The rows first, the filters on the next frame: at 2,000 cases mounting the
        # selects with their counts takes 100 ms, a sixth of the wait for the first rows.
        self.call_after_refresh(self.query_one(FacetPanel).fill, store.rows)
        # Edited case files reload without a restart: a look every few seconds costs one
        # stat() per file when nothing changed.
        self.set_interval(WATCH_EVERY, self._watch_library)

    @work(thread=True, exclusive=True, group="watch")
    def _watch_library(self) -> None:
        changed = self.data.reload_changed()
        if changed:
            self.app.call_from_thread(self._library_changed, changed)

    def _library_changed(self, changed: int) -> None:
        self.query_one(FacetPanel).refill(self.data.rows)
        self._show_status()
        self.refresh_results()
        broken = f"; {len(self.data.problems)} problem(s): press p" if self.data.problems else ""
        self.notify(f"Library reloaded: {changed} file(s) changed{broken}")

    def _show_status(self) -> None:
        store = self.data
        files = len({p.path for p in store.problems})
        self.query_one(StatusBar).ready(len(store.rows), len(store.dirs), files)

    # What the list shows

    def _format(self, row: Row, width: int) -> list[Text]:
        marks = set(self.saved.state.bookmarks)
        if isinstance(row, Suggestion):
            return suggestion_lines(row, self.results.row_height)
        if isinstance(row, Hit):
            marked = row.case_id in marks and row.kind == "case"
            return hit_lines(row, width, marked, self.results.match_style)
        return [case_line(row, width, row.id in marks)]

    def _keep(self, filters: dict[str, str]) -> set[str] | None:
        which = filters.get("list", "all")
        if which == "bookmarks":
            return set(self.saved.state.bookmarks)
        if which == "recent":
            return set(self.saved.state.recent)
        return None

    def refresh_results(self, more: bool = False) -> None:
        """Show the cases matching the filters, or search when there is a query.

        Searches fetch the best ``PAGE`` hits (snippets cost time per hit); ``more`` fetches
        a longer list for the same query when the cursor nears the end of the list.
        """
        if not self.data.ready:
            return
        self._limit = self._limit + 2 * PAGE if more else PAGE
        ticket = self._latest.take()
        filters = self.query_one(FacetPanel).filters
        # A trailing space is kept: it says the last word is finished (and may be corrected).
        query = self.search_box.value.lstrip()
        kind = filters.get("kind")
        if query.strip() or (kind and kind != "case"):
            cursor = self.results.cursor if more else 0
            self._search(ticket, query, filters, self._limit, cursor)
            return
        self.last_result = None
        rows: list[CaseRow] = filter_rows(self.data.rows, filters, self._keep(filters))
        if self._sort == "title":
            rows.sort(key=lambda r: r.title.casefold())
        elif self._sort == "track":
            rows.sort(key=lambda r: ([TRACKS.index(t) for t in ordered(r.track)], r.start))
        self._show_columns(True)
        if self._keep(filters) is not None and filters.get("list") == "recent":
            order = {cid: n for n, cid in enumerate(self.saved.state.recent)}
            rows.sort(key=lambda r: order.get(r.id, 0))
        self.results.set_rows(rows, row_height=1)
        total = len(self.data.rows)
        shown = f"{len(rows)} cases" if len(rows) == total else f"{len(rows)} of {total} cases"
        self.query_one("#summary", Static).update(styled(shown, "dim"))

    @work(thread=True, group="search")
    def _search(
        self, ticket: int, query: str, filters: dict[str, str], limit: int, cursor: int
    ) -> None:
        wanted = self._latest.wanted(ticket)
        keep = self._keep(filters)
        result = library_result(self.data, query, filters, keep, limit, wanted, self._as_typed)
        if result is not None:
            self.app.call_from_thread(self._show_result, ticket, result, cursor)

    def _show_columns(self, shown: bool) -> None:
        """Column names over the case list (not over search hits, which have no columns)."""
        columns = self.query_one("#columns", Static)
        columns.display = shown
        if shown:
            width = self.results.scrollable_content_region.width or self.results.size.width
            columns.update(case_header(max(20, width or 80), self._sort), layout=False)

    def on_resize(self) -> None:
        """The columns follow the list's width (once the list has its new size)."""
        self.call_after_refresh(
            lambda: self._show_columns(self.last_result is None and self.data.ready)
        )

    def action_sort(self) -> None:
        """Order the case list by the next column: period, title, track."""
        self._sort = SORTS[(SORTS.index(self._sort) + 1) % len(SORTS)]
        self.notify(f"Cases sorted by {self._sort}")
        self.refresh_results()

    def _show_result(self, ticket: int, result: SearchResult, cursor: int = 0) -> None:
        if not self._latest.is_newest(ticket):
            return  # a newer keystroke has already asked again
        self._show_columns(False)
        self.last_result = result
        rows: list[Row] = list(result.hits)
        if not rows and result.suggestion:
            rows = [Suggestion(result.suggestion)]
        self.results.set_rows(rows, row_height=2, cursor=cursor)
        summary = result_summary(result)
        self.query_one("#summary", Static).update(summary)
        from cases.pax import IMPORT_HINT

        kind = self.query_one(FacetPanel).filters.get("kind")
        no_import = kind == "agreement" and self.data.agreements()[0] is None
        if no_import:
            # Said in the summary line, which wraps: a list's empty text is cut at its width.
            self.query_one("#summary", Static).update(literal(IMPORT_HINT, "italic"))
        self.results.empty_text = (
            "Nothing imported yet."
            if no_import
            else "No results. Try fewer words, or clear the filters."
        )

    # Events

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        if bool(event.value) != self._had_query:
            # Only then does "clear search" come or go; redrawing the footer costs a frame.
            self._had_query = bool(event.value)
            self.refresh_bindings()
        self.refresh_results()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer escape only when there is a search to clear or a box to leave."""
        if action == "clear_search":
            return bool(self.search_box.value) or self.focused is self.search_box
        if action == "search_as_typed":
            return self.last_result is not None and self.last_result.corrected_from is not None
        return True

    def action_search_as_typed(self) -> None:
        """Search for the query as typed, not for its automatic correction."""
        result = self.last_result
        if result is not None and result.corrected_from is not None:
            self._as_typed = result.corrected_from
            self.refresh_results()

    @on(Input.Submitted, "#search")
    def _query_submitted(self) -> None:
        # Coming back from the case, the user is in the results (where keys are commands).
        self.set_focus(self.results)
        if self.results.rows:
            self.results.action_select()

    @on(FacetPanel.Changed)
    def _filters_changed(self) -> None:
        self.refresh_results()

    @on(VirtualList.Highlighted, "#results")
    def _preview_soon(self, event: VirtualList.Highlighted) -> None:
        """Show the highlighted case beside the list (after a pause: j held down reads no
        file per row)."""
        if not self.has_class("-roomy") and not self.app.has_class("-roomy"):
            return
        row = event.row
        case_id = row.id if isinstance(row, CaseRow) else getattr(row, "case_id", "")
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(PREVIEW_DELAY, lambda: self._preview(case_id))

    def _preview(self, case_id: str) -> None:
        from tui.case_tabs import preview_text

        preview = preview_text(self.data.case(case_id))
        self.query_one("#preview", Static).update(preview, layout=False)  # its size is fixed

    @on(VirtualList.Highlighted, "#results")
    def _near_end(self, event: VirtualList.Highlighted) -> None:
        result = self.last_result
        if (
            result is not None
            and result.query
            and len(result.hits) < result.total
            and event.index >= len(self.results.rows) - 3
        ):
            self.refresh_results(more=True)

    @on(VirtualList.Selected, "#results")
    def _open(self, event: VirtualList.Selected) -> None:
        row = event.row
        if isinstance(row, Suggestion):
            # Taking the suggestion leaves the user typing in the search box.
            box = self.search_box
            box.value = row.query
            self.set_focus(box)
            # Focus selects the whole box; the user goes on typing after the word instead.
            self.call_after_refresh(box.action_end)
        elif isinstance(row, Hit):
            if row.kind in OWN_KINDS:
                self.track2.open_ref(row.ref)
            else:
                self.track2.open_case(row.case_id, row.item_id)
        else:
            self.track2.open_case(row.id)

    def on_key(self, event: Any) -> None:
        """Down in the search box moves to the results."""
        if event.key == "down" and self.focused is self.search_box and self.results.rows:
            event.stop()
            self.set_focus(self.results)

    def on_screen_resume(self) -> None:
        """Bookmarks may have changed on another screen."""
        self.results.refresh_rows()

    # Actions

    def action_focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.set_focus(self.search_box)

    def action_filters(self) -> None:
        """Go to the filters (showing them on a narrow screen), or back to the results."""
        if isinstance(self.focused, Select):
            self.remove_class("-filters")
            self.set_focus(self.results)
            return
        self.add_class("-filters")
        for select in self.query("#facet-list"):
            self.set_focus(select)

    def action_clear_search(self) -> None:
        """Clear the search (focus stays put); with nothing to clear, go to the results."""
        if self.search_box.value:
            self.search_box.value = ""
        else:
            self.set_focus(self.results)

    def _highlighted(self) -> tuple[str, str, str] | None:
        """(ref, case id, label) of the highlighted row."""
        row = self.results.highlighted_row
        if row is None or isinstance(row, Suggestion):
            return None
        if isinstance(row, Hit):
            hit: Hit = row
            return hit.ref, hit.case_id, hit.title
        return row.id, row.id, row.title

    def action_add_to_briefing(self) -> None:
        """Add the highlighted case or item to the working briefing."""
        chosen = self._highlighted()
        if chosen is not None:
            self.track2.add_to_briefing(chosen[0], chosen[2])

    def action_bookmark(self) -> None:
        """Bookmark the highlighted case (or remove its bookmark)."""
        chosen = self._highlighted()
        if chosen is None:
            return
        if not chosen[1]:
            self.notify("Only cases can be bookmarked", severity="warning")
            return
        added = self.saved.toggle_bookmark(chosen[1])
        what = "Bookmarked: " if added else "Bookmark removed: "
        self.notify(what + self.data.title(chosen[1]))
        self.results.refresh_rows()

    def action_compare(self) -> None:
        """Compare the highlighted case with another one."""
        chosen = self._highlighted()
        if chosen is not None and chosen[1] and self.data.ready:
            from tui.screens.compare import pick_and_compare

            pick_and_compare(self.track2, chosen[1])

    def action_problems(self) -> None:
        """List the library files that could not be read, with file and line."""
        from tui.screens.problems import ProblemsScreen

        if self.data.ready:
            self.app.push_screen(ProblemsScreen())
