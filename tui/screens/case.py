"""One case: tabs for its parts, find-in-case, related cases, add to briefing, glossary."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Header, Static
from textual.widgets.option_list import Option

from cases.document.case import case_subtitle
from tui.case_tabs import TABS, Tab, TabEntry, case_tabs, marked, similar_entries
from tui.screens.base import Track2Screen
from tui.styles import writer_styles
from tui.widgets.entry_list import EntryList
from tui.widgets.find_bar import FindBar
from tui.widgets.key_footer import KeyFooter
from tui.widgets.rows import literal, styled

TAB_KEYS: list[BindingType] = [
    Binding(str(n % 10), f"show_tab({n - 1})", label, show=False, id=f"case.tab{n}")
    for n, (_, label, _sections) in enumerate(TABS, 1)
]


class CaseScreen(Track2Screen):
    """A case, read tab by tab."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *Track2Screen.BINDINGS,
        *TAB_KEYS,
        Binding("left", "step_tab(-1)", "Previous part", show=False, id="case.previous_part"),
        Binding("right", "step_tab(1)", "Next part", show=False, id="case.next_part"),
        Binding("ctrl+f", "find", "Find", id="case.find"),
        Binding("n", "find_step(1)", "Next match", show=False, id="case.find_next"),
        Binding("N", "find_step(-1)", "Previous match", show=False, id="case.find_previous"),
        Binding("b", "add_to_briefing", "Add to briefing", id="case.brief"),
        Binding("c", "compare", "Compare", id="case.compare"),
        Binding("m", "bookmark", "Bookmark", show=False, id="case.bookmark"),
        Binding("t", "term", "Look up term", show=False, id="case.term"),
        Binding("o", "open_link", "Open link", show=False, id="case.open_link"),
        Binding("y", "copy", "Copy citation", show=False, id="case.copy"),
    ]

    def __init__(self, case_id: str, item_id: str | None = None) -> None:
        super().__init__()
        self.case_id = case_id
        self.item_id = item_id
        self.tabs: list[Tab] = []
        self._tab = 0
        self._cursor: dict[int, int] = {}
        """Part index -> the entry the cursor was on, so a part reopens where it was left."""
        self._matches: list[tuple[int, int]] = []
        self._match = -1
        self._needle = ""
        self._related_ids: set[str] = set()
        """The case and those it names as related (not offered again as reading alike)."""

    @property
    def find_matches(self) -> list[tuple[int, int]]:
        """(part index, entry index) of each match of the find bar's words, in reading order."""
        return list(self._matches)

    def compose(self) -> ComposeResult:
        """Title line, the tabs, the find bar."""
        yield Header()
        loaded = self.data.load(self.case_id)
        case = loaded.value if loaded else None
        if case is None:
            why = styled(f"The case '{self.case_id}' could not be read.\n", "bold")
            for p in loaded.problems if loaded else []:
                why.append_text(literal(str(p) + "\n"))
            yield Static(why, id="case-missing")
            yield KeyFooter()
            return
        self.sub_title = "Case"
        head = literal(case.title, "bold")
        head.append(f"  {case_subtitle(case)}", style="dim")
        if case.origin != "curated":
            head.append_text(literal(f"  from {case.origin}", "italic"))
        yield Static(head, id="case-title")
        titles = {r.id: r.title for r in self.data.rows}
        pax = self.data.agreements()[0]
        self.tabs = case_tabs(case, titles, writer_styles(self.app), pax)
        self._related_ids = {case.id, *(r.case for r in case.related)}
        yield Static(id="case-section")
        with Horizontal(id="case-body"):
            nav = [Option(self._nav_label(n, tab)) for n, tab in enumerate(self.tabs, 1)]
            yield EntryList(*nav, id="case-nav")
            # One list whose entries change with the part: switching parts moves no focus,
            # so nothing but the text is redrawn. Not Textual's TabbedContent: with a pane
            # and a list for each part, the Oslo case (10 parts, 103 entries) opened in
            # 271 ms against 161 ms, and the next part took 94 ms against 50 ms
            # (tests/benchmarks/bench_case_tabs.py, 120x40, median of 5 runs).
            yield EntryList(id="case-content")
        bar = FindBar(id="find-bar")
        bar.display = False
        yield bar
        yield KeyFooter()

    @staticmethod
    def _nav_label(n: int, tab: Tab) -> Text:
        label = styled(f"{n % 10} ", "dim") + Text(f"{tab.label:<15}")
        if tab.entries and tab.id != "overview":
            label.append(f"{len(tab.entries):>2}", style="dim")
        return label

    def _options(self, tab: Tab) -> list[Option]:
        if not tab.entries:
            return [Option(styled("Nothing recorded for this case.", "dim italic"), disabled=True)]
        return [Option(marked(e.text, self._needle) + "\n") for e in tab.entries]

    def on_mount(self) -> None:
        """Remember the visit; go to the item asked for."""
        if not self.tabs:
            return
        self.saved.viewed(self.case_id)
        for ti, tab in enumerate(self.tabs):
            for ei, e in enumerate(tab.entries):
                if self.item_id and e.item_id == self.item_id:
                    self._cursor[ti] = ei
                    self._tab = ti
        self._switch(self._tab, force=True)
        self.set_focus(self.content)
        self._find_similar()

    @work(thread=True, exclusive=True, group="similar")
    def _find_similar(self) -> None:
        """Cases that read like this one join the Related part once found: the search takes
        a third of the time to open a case, so the case shows first."""
        hits = self.data.more_like(self.case_id, limit=12)
        similar = [(h.case_id, h.title) for h in hits if h.kind == "case"]
        entries = similar_entries(similar, self._related_ids)
        if entries:
            self.app.call_from_thread(self._add_similar, entries)

    def _add_similar(self, entries: list[TabEntry]) -> None:
        index = next(n for n, t in enumerate(self.tabs) if t.id == "related")
        tab = self.tabs[index]
        tab.entries += entries
        nav = self.query_one("#case-nav", EntryList)
        nav.replace_option_prompt_at_index(index, self._nav_label(index + 1, tab))
        if self._tab == index:
            content = self.content
            cursor = content.highlighted
            content.clear_options()
            content.add_options(self._options(tab))
            content.highlighted = cursor if cursor is not None else 0

    @property
    def content(self) -> EntryList:
        """The list showing the current part."""
        return self.query_one("#case-content", EntryList)

    @property
    def tab_index(self) -> int:
        """The index of the part on show."""
        return self._tab

    def current_entry(self) -> TabEntry | None:
        """The entry under the cursor in the part on show."""
        if not self.tabs:
            return None
        tab = self.tabs[self._tab]
        index = self.content.highlighted
        return tab.entries[index] if index is not None and index < len(tab.entries) else None

    def _switch(self, index: int, entry: int | None = None, force: bool = False) -> None:
        content = self.content
        if index != self._tab or force:
            if content.highlighted is not None and not force:
                self._cursor[self._tab] = content.highlighted
            self._tab = index
            tab = self.tabs[index]
            content.clear_options()
            content.add_options(self._options(tab))
            section = styled(f"{index + 1}/{len(self.tabs)} ", "dim")
            section.append(tab.label, style="bold")
            section.append("   keys 1-9, 0 or left/right: other parts", style="dim")
            self.query_one("#case-section", Static).update(section, layout=False)  # one line
        if self.tabs[index].entries:
            content.highlighted = entry if entry is not None else self._cursor.get(index, 0)
        nav = self.query_one("#case-nav", EntryList)
        if nav.highlighted != index:
            nav.highlighted = index

    def action_show_tab(self, index: int) -> None:
        """Show part ``index`` (keys 1-9) and move into it."""
        if 0 <= index < len(self.tabs):
            self._switch(index)
            self.set_focus(self.content)

    def action_step_tab(self, step: int) -> None:
        """Show the previous or next part."""
        if self.tabs:
            self.action_show_tab((self._tab + step) % len(self.tabs))

    @on(EntryList.OptionHighlighted, "#case-nav")
    def _nav_moved(self, event: EntryList.OptionHighlighted) -> None:
        event.stop()
        # Only the user moving in the list of parts switches; our own updates do not.
        if event.option_list.has_focus and event.option_index != self._tab:
            self._switch(event.option_index)

    @on(EntryList.OptionSelected, "#case-nav")
    def _nav_chosen(self, event: EntryList.OptionSelected) -> None:
        event.stop()
        self.action_show_tab(event.option_index)

    @on(EntryList.OptionSelected, "#case-content")
    def _entry_chosen(self, event: EntryList.OptionSelected) -> None:
        event.stop()
        entry = self.current_entry()
        if entry is not None and entry.opens:
            self.track2.open_ref(entry.opens)

    # Find in case

    def action_find(self) -> None:
        """Open the find bar."""
        if self.tabs:
            self.query_one(FindBar).open()

    @on(FindBar.Changed)
    def _find_changed(self, event: FindBar.Changed) -> None:
        self._needle = event.query.strip()
        needle = self._needle.lower()
        self._matches = [
            (ti, ei)
            for ti, tab in enumerate(self.tabs)
            for ei, e in enumerate(tab.entries)
            if needle and needle in e.text.plain.lower()
        ]
        self._remark()
        self._match = -1
        self.action_find_step(1)

    def _remark(self) -> None:
        tab = self.tabs[self._tab]
        if tab.entries:
            for ei, opt in enumerate(self._options(tab)):
                self.content.replace_option_prompt_at_index(ei, opt.prompt)

    @on(FindBar.Step)
    def _find_step(self, event: FindBar.Step) -> None:
        self.action_find_step(event.step)

    def action_find_step(self, step: int) -> None:
        """Go to the next (1) or previous (-1) match."""
        bar = self.query_one(FindBar)
        if not self._matches:
            bar.show_count(0, 0)
            return
        self._match = (self._match + step) % len(self._matches)
        ti, ei = self._matches[self._match]
        if ti == self._tab:
            self.content.highlighted = ei
        else:
            self._switch(ti, ei)
        bar.show_count(self._match + 1, len(self._matches))

    @on(FindBar.Closed)
    def _find_closed(self) -> None:
        self._needle = ""
        self._matches = []
        self._remark()
        self.set_focus(self.content)

    # Actions on the case

    def action_add_to_briefing(self) -> None:
        """Add the item under the cursor (or the whole case) to the working briefing."""
        if not self.tabs:
            return
        entry = self.current_entry()
        if entry is not None and entry.ref and "/" in entry.ref:
            title = entry.text.plain.split("\n", 1)[0]
            self.track2.add_to_briefing(entry.ref, title)
        else:
            self.track2.add_to_briefing(self.case_id, self.data.title(self.case_id))

    def action_bookmark(self) -> None:
        """Bookmark this case (or remove its bookmark)."""
        added = self.saved.toggle_bookmark(self.case_id)
        self.notify(
            ("Bookmarked: " if added else "Bookmark removed: ") + self.data.title(self.case_id)
        )

    def action_compare(self) -> None:
        """Compare this case with another one."""
        from tui.screens.compare import pick_and_compare

        pick_and_compare(self.track2, self.case_id)

    def action_open_link(self) -> None:
        """Open the link of the source (or agreement) under the cursor in the browser."""
        entry = self.current_entry()
        url = entry.url if entry else None
        if not url:
            self.notify("No link here: press 7 for the sources, then o on one.")
            return
        self.track2.open_link(url)

    def action_copy(self) -> None:
        """Copy the citation under the cursor (on a source), else the case id."""
        entry = self.current_entry()
        text = entry.copy if entry and entry.copy else self.case_id
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied: {text}")

    def action_term(self) -> None:
        """Look up the glossary terms in the text under the cursor."""
        from tui.screens.glossary import terms_in

        entry = self.current_entry()
        text = entry.text.plain if entry else ""
        found = terms_in(self.data, text)
        if not found:
            self.notify("No glossary term here. Press g for the whole glossary.")
            return
        self.track2.action_glossary(found[0].id)
