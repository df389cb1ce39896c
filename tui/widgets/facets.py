"""The facet filters of the library: which list, kind, track, theme, region and decade."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Select

if TYPE_CHECKING:
    from search_index import CaseRow

LISTS = (("All cases", "all"), ("Bookmarked", "bookmarks"), ("Recently viewed", "recent"))
KINDS = (
    ("Cases", "case"),
    ("Lessons", "lesson"),
    ("Challenges", "challenge"),
    ("Recommendations", "recommendation"),
    ("Agreements (PA-X)", "agreement"),
    ("Glossary terms", "term"),
)
FACETS = ("track", "theme", "region", "country", "decade")
"""Facets filled from the case rows; names match the search index's filter fields."""
LABELS = {
    "list": "Show",
    "kind": "Kind",
    "track": "Track",
    "theme": "Theme",
    "region": "Region",
    "country": "Country",
    "decade": "Decade",
    "actor": "Actor",
}


def row_values(row: CaseRow, facet: str) -> list[str]:
    """The values a case row has for one facet."""
    values: list[str] = {
        "track": row.track,
        "theme": row.themes,
        "region": row.regions,
        "country": row.countries,
        "decade": row.decade,
    }[facet]
    return values


def _vocab_label(facet: str, value: str) -> str:
    from cases.vocab import vocabulary

    kind = {"theme": "themes", "region": "regions", "country": "countries"}.get(facet)
    if kind is None:
        return f"Track {value}" if facet == "track" else value
    return vocabulary().label(kind, value)


def facet_options(name: str, rows: Iterable[CaseRow]) -> list[tuple[Text, str]]:
    """Every value of one facet among ``rows``, labelled with its count; countries by name."""
    counts: Counter[str] = Counter()
    for row in rows:
        counts.update(row_values(row, name))
    order = sorted(counts, reverse=name == "decade")
    if name == "country":  # by name, not by ISO code
        order = sorted(counts, key=lambda c: _vocab_label("country", c))
    return [(Text(f"{_vocab_label(name, v)} ({counts[v]})"), v) for v in order]


class FacetPanel(VerticalScroll, can_focus=False):
    """A column of compact selects; posts ``Changed`` with the active filters."""

    class Changed(Message):
        """A filter changed; ``filters`` maps facet name to value (unset ones left out)."""

        def __init__(self, filters: dict[str, str]) -> None:
            super().__init__()
            self.filters = filters

    def fill(self, rows: Sequence[CaseRow]) -> None:
        """Mount the selects, offering every value present in ``rows`` with its count.

        Mounted once the index is open, not in the first frame: five selects are a quarter
        of the widgets of the first screen, and they have nothing to offer before the rows.
        """
        widgets: list[Widget] = []
        for name in ("list", "kind", *FACETS):
            options: list[tuple[Text, str]]
            if name == "list":
                options = [(Text(label), value) for label, value in LISTS]
            elif name == "kind":
                options = [(Text(label), value) for label, value in KINDS]
            else:
                options = facet_options(name, rows)
            widgets.append(Label(LABELS[name], classes="facet-label"))
            widgets.append(
                Select(
                    options,
                    prompt="Any" if name != "list" else LABELS[name],
                    allow_blank=name != "list",
                    compact=True,
                    id=f"facet-{name}",
                )
            )
        widgets.append(Label(LABELS["actor"], classes="facet-label"))
        widgets.append(Input(placeholder="a name", compact=True, id="facet-actor"))
        self.mount_all(widgets)

    def refill(self, rows: Sequence[CaseRow]) -> None:
        """Offer the values of ``rows`` again (the library changed), keeping the choices."""
        for name in FACETS:
            select = self.query_one(f"#facet-{name}", Select)
            chosen = select.value
            options = facet_options(name, rows)
            with select.prevent(Select.Changed):
                select.set_options(options)
                if isinstance(chosen, str) and chosen in {v for _, v in options}:
                    select.value = chosen

    @property
    def filters(self) -> dict[str, str]:
        """Active filters: facet -> value (``list`` is always present; ``actor`` is the words
        typed in the actor box)."""
        out: dict[str, str] = {}
        for select in self.query(Select):
            if isinstance(select.value, str) and select.id:
                out[select.id.removeprefix("facet-")] = select.value
        for box in self.query("#facet-actor").results(Input):
            if box.value.strip():
                out["actor"] = box.value.strip()
        return out

    def on_input_changed(self, event: Input.Changed) -> None:
        """The actor box is a filter too."""
        if event.input.id == "facet-actor":
            event.stop()
            self.post_message(self.Changed(self.filters))

    def on_select_changed(self, event: Select.Changed) -> None:
        """Tell the screen the filters changed."""
        event.stop()
        self.post_message(self.Changed(self.filters))


def filter_rows(
    rows: Iterable[CaseRow], filters: dict[str, str], keep: set[str] | None = None
) -> list[CaseRow]:
    """Rows matching every facet filter (and, with ``keep``, only those ids)."""
    out = []
    for row in rows:
        if keep is not None and row.id not in keep:
            continue
        if all(filters[f] in row_values(row, f) for f in FACETS if f in filters) and (
            "actor" not in filters or row.has_actor(filters["actor"])
        ):
            out.append(row)
    return out
