"""One PA-X agreement: its key facts, the provisions it codes, and the cases that fed it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Static
from textual.widgets.option_list import Option

from tui.screens.base import Track2Screen
from tui.widgets.entry_list import EntryList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.rows import literal, styled


class AgreementScreen(Track2Screen):
    """An agreement read as one list: enter on a case opens it, b adds the agreement."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *Track2Screen.BINDINGS,
        Binding("b", "add_to_briefing", "Add to briefing", id="agreement.brief"),
    ]

    def __init__(self, agreement_id: int) -> None:
        super().__init__()
        self.agreement_id = agreement_id
        self._opens: list[str] = []
        self.title_text = f"PA-X agreement {agreement_id}"

    @property
    def linked_cases(self) -> list[str]:
        """The case each line of the record opens ("" for a line that opens none)."""
        return list(self._opens)

    def compose(self) -> ComposeResult:
        """Title line and the agreement's entries."""
        from briefings.writers.rich_writer import Writer
        from cases.document.agreement import build_agreement
        from tui.styles import writer_styles

        yield Header()
        imported, problem = self.data.agreements()
        record = imported.get(self.agreement_id) if imported else None
        linked, stored = self.data.linked_cases(self.agreement_id)
        doc = build_agreement(record, self.agreement_id, linked, stored)
        self.title_text = doc.title
        head = literal(doc.title, "bold")
        head.append_text(literal(f"  {doc.subtitle}", "dim"))
        yield Static(head, id="agreement-title")
        if problem:
            yield Static(literal(problem, "italic"), id="agreement-problem")
        writer = Writer(writer_styles(self.app))
        options: list[Option] = []
        for section in doc.sections:
            options.append(Option(styled(section.heading, "bold underline"), disabled=True))
            self._opens.append("")
            for block in section.blocks:
                for entry in writer.entries(block):
                    options.append(Option(writer.entry_text(entry) + "\n"))
                    self._opens.append(entry.opens)
        yield EntryList(*options, id="agreement-content")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Focus the entries, on the first one that can be chosen."""
        self.sub_title = "Agreement"
        content = self.query_one("#agreement-content", EntryList)
        self.set_focus(content)
        first = next((n for n, o in enumerate(content.options) if not o.disabled), None)
        if first is not None:
            content.highlighted = first

    @on(EntryList.OptionSelected, "#agreement-content")
    def _chosen(self, event: EntryList.OptionSelected) -> None:
        opens = self._opens[event.option_index] if event.option_index < len(self._opens) else ""
        if opens and not opens.startswith("agreement:"):
            self.track2.open_case(opens)

    def action_add_to_briefing(self) -> None:
        """Add the agreement to the working briefing."""
        self.track2.add_to_briefing(f"agreement:{self.agreement_id}", Text(self.title_text).plain)
