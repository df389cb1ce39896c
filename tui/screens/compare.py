"""Two cases side by side, field by field; what they share is shown in bold."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from cases.tracks import ordered
from tui.screens.base import Track2Screen
from tui.widgets.key_footer import KeyFooter
from tui.widgets.rows import literal

if TYPE_CHECKING:
    from cases.model import Case
    from tui.app import Track2App


def pick_and_compare(app: Track2App, case_id: str) -> None:
    """Ask for a second case, then compare ``case_id`` with it."""
    from tui.screens.picker import CasePicker

    def chosen(other: str | None) -> None:
        if other:
            app.push_screen(CompareScreen(case_id, other))

    title = app.data.title(case_id)
    app.push_screen(CasePicker(f"Compare '{title}' with...", exclude=case_id), chosen)


def _labels(kind: str, keys: list[str], shared: set[str]) -> Text:
    from cases.vocab import vocabulary

    v = vocabulary()
    out = Text()
    for n, key in enumerate(keys):
        if n:
            out.append(", ")
        label = key if kind == "track" else v.label(kind, key)
        out.append_text(literal(label, "bold" if key in shared else ""))
    return out


def _titles(items: list[str]) -> Text:
    out = Text()
    for n, title in enumerate(items):
        out.append("\n" if n else "")
        out.append("- ")
        out.append_text(literal(title))
    return out


def compare_table(a: Case, b: Case, titles: dict[str, str]) -> Table:
    """A three-column table: field, first case, second case."""
    from briefings.writers.rich_writer import Writer
    from cases.document import build_case

    writer = Writer()

    def prose(case: Case, section_id: str) -> Text:
        # The case's own document: the same words and citation numbers as its case view.
        section = next((s for s in build_case(case).sections if s.id == section_id), None)
        entries = [e for b in section.blocks for e in writer.entries(b)] if section else []
        return Text("\n").join(writer.entry_text(e) for e in entries)

    def actors(case: Case) -> Text:
        from cases.vocab import vocabulary

        v = vocabulary()
        out = Text()
        for n, x in enumerate(case.actors):
            out.append("\n" if n else "")
            out.append("- ")
            out.append_text(literal(x.name, "bold"))
            role = v.label("actor_roles", x.role) + (f", {x.side}" if x.side else "")
            out.append_text(literal(f" ({role})", "dim"))
        return out

    # Three spaces between the columns: with one, two columns read as one sentence.
    table = Table(box=None, expand=True, show_edge=False, pad_edge=False, padding=(0, 3, 1, 0))
    table.add_column("", style="bold", no_wrap=True, width=11)
    table.add_column(literal(a.title, "bold"), ratio=1, overflow="fold")
    table.add_column(literal(b.title, "bold"), ratio=1, overflow="fold")

    def lists(kind: str, x: list[str], y: list[str]) -> tuple[Text, Text]:
        shared = set(x) & set(y)
        return _labels(kind, x, shared), _labels(kind, y, shared)

    table.add_row(
        "Period", *(Text(c.period.start + " to " + (c.period.end or "ongoing")) for c in (a, b))
    )
    table.add_row("Track", *lists("track", ordered(a.track), ordered(b.track)))
    table.add_row("Regions", *lists("regions", a.regions, b.regions))
    table.add_row("Countries", *lists("countries", a.countries, b.countries))
    table.add_row("Themes", *lists("themes", a.themes, b.themes))
    table.add_row("Actors", actors(a), actors(b))
    table.add_row("Summary", prose(a, "summary"), prose(b, "summary"))
    table.add_row("Outcome", prose(a, "outcome"), prose(b, "outcome"))
    for label, attr in (
        ("Lessons", "lessons"),
        ("Challenges", "challenges"),
        ("Recs", "recommendations"),
    ):
        table.add_row(label, *(_titles([i.title for i in getattr(c, attr)]) for c in (a, b)))
    table.add_row(
        "Related", *(_titles([titles.get(r.case, r.case) for r in c.related]) for c in (a, b))
    )
    table.add_row("Disputed", *(Text(f"{len(c.disputed)} points") for c in (a, b)))
    table.add_row("Sources", *(Text(f"{len(c.sources)} sources") for c in (a, b)))
    return table


class CompareScreen(Track2Screen):
    """Compare two cases; ``s`` swaps sides, ``r`` picks another right-hand case."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *Track2Screen.BINDINGS,
        Binding("s", "swap", "Swap sides", id="compare.swap"),
        Binding("r", "replace", "Other case", id="compare.replace"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False, id="compare.down"),
        Binding("k,up", "scroll('up')", "Scroll up", show=False, id="compare.up"),
    ]

    def __init__(self, left: str, right: str) -> None:
        super().__init__()
        self.left = left
        self.right = right

    def compose(self) -> ComposeResult:
        """The comparison table in a scrolling view."""
        yield Header()
        with VerticalScroll(id="compare-view"):
            yield Static(id="compare-table")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Draw the table."""
        self.sub_title = "Compare"
        self.redraw()
        self.set_focus(self.query_one("#compare-view"))

    def redraw(self) -> None:
        """Read both cases and draw them side by side."""
        a, b = self.data.case(self.left), self.data.case(self.right)
        view = self.query_one("#compare-table", Static)
        if a is None or b is None:
            missing = self.left if a is None else self.right
            view.update(literal(f"The case '{missing}' could not be read (see p on the library)."))
            return
        view.update(compare_table(a, b, {r.id: r.title for r in self.data.rows}))

    def action_swap(self) -> None:
        """Swap the two sides."""
        self.left, self.right = self.right, self.left
        self.redraw()

    def action_replace(self) -> None:
        """Choose another case for the right-hand side."""
        from tui.screens.picker import CasePicker

        def chosen(other: str | None) -> None:
            if other:
                self.right = other
                self.redraw()

        self.app.push_screen(CasePicker("Compare with...", exclude=self.left), chosen)

    def action_scroll(self, direction: str) -> None:
        """Scroll the comparison by a line."""
        view = self.query_one("#compare-view", VerticalScroll)
        view.scroll_relative(y=1 if direction == "down" else -1, animate=False)
