"""The glossary: browse every term, filter by typing, open the cases a term comes from."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Input
from textual.widgets.option_list import Option

from tui.screens.base import Track2Screen
from tui.widgets.entry_list import EntryList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.rows import literal, styled

if TYPE_CHECKING:
    from cases.glossary import Term
    from tui.data import LibraryData


def terms_in(store: LibraryData, text: str) -> list[Term]:
    """Glossary terms named in ``text`` (whole words, any case), in order of appearance."""
    glossary = store.glossary().value
    if glossary is None:
        return []
    found: list[tuple[int, Term]] = []
    for term in glossary.terms:
        m = re.search(r"(?<!\w)" + re.escape(term.term) + r"(?!\w)", text, re.IGNORECASE)
        if m:
            found.append((m.start(), term))
    return [t for _, t in sorted(found, key=lambda p: p[0])]


class GlossaryScreen(Track2Screen):
    """Terms on the left, the chosen term on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *Track2Screen.BINDINGS,
        Binding("slash", "filter", "Filter terms", key_display="/", id="glossary.filter"),
    ]

    def __init__(self, term_id: str | None = None) -> None:
        super().__init__()
        self.term_id = term_id
        self._terms: list[Term] = []
        self._shown: list[Term] = []
        self._opens: list[str | None] = []

    @property
    def shown_terms(self) -> list[Term]:
        """The terms the filter leaves on show, in list order (a copy)."""
        return list(self._shown)

    @property
    def related_cases(self) -> list[str | None]:
        """The case each entry of the term's text opens (None: an entry that opens none)."""
        return list(self._opens)

    def compose(self) -> ComposeResult:
        """Filter box and term list beside the term's text."""
        yield Header()
        with Horizontal(id="glossary-body"):
            with Vertical(id="glossary-side"):
                yield Input(placeholder="Filter terms", id="glossary-filter")
                yield EntryList(id="glossary-terms")
            yield EntryList(id="glossary-term")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill the list; show the asked-for term or the first one."""
        self.sub_title = "Glossary"
        loaded = self.data.glossary()
        terms = self.query_one("#glossary-terms", EntryList)
        if loaded.value is None:
            problems = "\n".join(map(str, loaded.problems)) or "the glossary could not be read"
            self.query_one("#glossary-term", EntryList).add_option(Option(literal(problems)))
            return
        self._terms = sorted(loaded.value.terms, key=lambda t: t.term.lower())
        self._fill("")
        index = next((n for n, t in enumerate(self._shown) if t.id == self.term_id), 0)
        terms.highlighted = index
        if self.term_id:
            # Opened on a term (t in a case): show it in the list, not below the fold.
            self.set_focus(terms)
            terms.scroll_to_highlight()
        else:
            self.set_focus(self.query_one("#glossary-filter", Input))

    def action_filter(self) -> None:
        """Move to the filter box."""
        self.set_focus(self.query_one("#glossary-filter", Input))

    def _fill(self, needle: str) -> None:
        key = needle.strip().lower()
        self._shown = [t for t in self._terms if key in t.term.lower() or key in t.id]
        terms = self.query_one("#glossary-terms", EntryList)
        terms.clear_options()
        terms.add_options([Option(literal(t.term)) for t in self._shown])
        if self._shown:
            terms.highlighted = 0
        else:
            # Said in the list, so an empty list never looks like a glossary still loading.
            none = literal(f"No term matches {needle.strip()!r}.", "dim italic")
            terms.add_option(Option(none, disabled=True))
            self.query_one("#glossary-term", EntryList).clear_options()

    def action_back(self) -> None:
        """Clear the filter first; with nothing to clear, go back."""
        box = self.query_one("#glossary-filter", Input)
        if box.value:
            box.value = ""
            self.set_focus(self.query_one("#glossary-terms"))
        else:
            super().action_back()

    @on(Input.Changed, "#glossary-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#glossary-filter")
    def _to_list(self) -> None:
        self.set_focus(self.query_one("#glossary-terms", EntryList))

    @on(EntryList.OptionHighlighted, "#glossary-terms")
    def _show(self, event: EntryList.OptionHighlighted) -> None:
        if event.option_index < len(self._shown):
            self.show_term(self._shown[event.option_index])

    @on(EntryList.OptionSelected, "#glossary-terms")
    def _focus_term(self) -> None:
        self.set_focus(self.query_one("#glossary-term", EntryList))

    def show_term(self, term: Term) -> None:
        """Show a term: definition, origin, related terms, and its cases (enter opens)."""
        view = self.query_one("#glossary-term", EntryList)
        view.clear_options()
        names = {t.id: t.term for t in self._terms}
        entries: list[tuple[Text, str | None]] = [
            (literal(term.term, "bold") + "\n" + literal(term.definition) + "\n", None)
        ]
        if term.origin:
            entries.append((styled("Origin\n", "bold") + literal(term.origin) + "\n", None))
        if term.see_also:
            also = ", ".join(names.get(t, t) for t in term.see_also)
            entries.append((styled("See also: ", "bold") + literal(also) + "\n", None))
        for cid in term.cases:
            if self.data.row(cid) is None:
                entries.append(
                    (
                        styled("Case: ", "dim")
                        + literal(cid)
                        + styled("  (not in this library)", "dim italic"),
                        None,
                    )
                )
            else:
                line = styled("Case: ", "dim") + literal(self.data.title(cid), "underline")
                entries.append((line, cid))
        self._opens = [cid for _, cid in entries]
        view.add_options([Option(text) for text, _ in entries])
        view.highlighted = 0

    @on(EntryList.OptionSelected, "#glossary-term")
    def _open_case(self, event: EntryList.OptionSelected) -> None:
        index = event.option_index
        if index < len(self._opens) and self._opens[index]:
            self.track2.open_case(str(self._opens[index]))
