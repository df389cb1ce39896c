"""The help screen: what each screen is for, and every key binding, read from the code."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from tui.screens.base import BACK, PANE_BINDINGS, QUIT, Track2Screen
from tui.widgets.key_footer import KeyFooter
from tui.widgets.rows import styled

INTRO = """\
track2: Track II and Track 1.5 diplomacy cases, their lessons, briefings.

 Find      / and type (try: balloon); enter opens the highlighted result
 Read      1-9, 0 or left/right: parts of the case (overview, lessons...)
           ctrl+f: find text in the case; enter on a related case opens it
           0: the agreements it fed; enter opens one (PA-X, once imported)
 Brief     b: add the case, or the lesson under the cursor, to the briefing
           w: the briefing; there e exports (HTML, Markdown, text, SVG)
 Compare   c, then choose the other case
 Explore   l: all lessons, challenges and recommendations; g: glossary
           t (in a case): look up a term in the text under the cursor
 More      ctrl+p: open any case, search, switch theme; ctrl+t: light/dark
 Leave     escape goes back; q quits
"""


def intro_renderable() -> Group:
    """The introduction, its keys as a grid: a line that wraps stays right of its label."""
    first, *lines = INTRO.splitlines()
    table = Table(box=None, expand=False, show_header=False, pad_edge=False, padding=0)
    table.add_column(width=LABEL_WIDTH, no_wrap=True)
    table.add_column()
    for line in lines:
        table.add_row(Text(line[:LABEL_WIDTH].rstrip()), Text(line[LABEL_WIDTH:]))
    return Group(Text(first), table)


LABEL_WIDTH = 11
"""Columns of the introduction's labels (" Find" and its spaces)."""


def binding_sections() -> list[tuple[str, list[Binding]]]:
    """(where, bindings) for every screen and widget of the app, in the order users meet them."""
    from tui.app import Track2App
    from tui.screens.agreement import AgreementScreen
    from tui.screens.briefing import BriefingScreen
    from tui.screens.case import CaseScreen
    from tui.screens.compare import CompareScreen
    from tui.screens.dialogs import ExportDialog, PromptDialog
    from tui.screens.glossary import GlossaryScreen
    from tui.screens.lessons import LessonsScreen
    from tui.screens.library import LibraryScreen
    from tui.screens.picker import CasePicker
    from tui.screens.problems import ProblemsScreen
    from tui.widgets.entry_list import EntryList
    from tui.widgets.find_bar import FindBar
    from tui.widgets.virtual_list import VirtualList

    owners: list[tuple[str, list[BindingType]]] = [
        ("Everywhere", Track2App.BINDINGS),
        ("Library", LibraryScreen.BINDINGS),
        ("Lists", VirtualList.BINDINGS),
        ("Case", CaseScreen.BINDINGS),
        ("Case text", EntryList.BINDINGS),
        ("Agreement (PA-X)", AgreementScreen.BINDINGS),
        ("Find in case", FindBar.BINDINGS),
        ("Lessons explorer", LessonsScreen.BINDINGS),
        ("Compare", CompareScreen.BINDINGS),
        ("Working briefing", BriefingScreen.BINDINGS),
        ("Export dialog", ExportDialog.BINDINGS),
        ("Choose a case", CasePicker.BINDINGS),
        ("Text prompt", PromptDialog.BINDINGS),
        ("Glossary", GlossaryScreen.BINDINGS),
        ("Problems", ProblemsScreen.BINDINGS),
        ("Help", HelpScreen.BINDINGS),
    ]
    return [(where, [b for b in found if isinstance(b, Binding)]) for where, found in owners]


def _key_label(binding: Binding) -> str:
    if binding.key_display:
        return binding.key_display
    names = {
        "question_mark": "?",
        "slash": "/",
        "escape": "esc",
        "pagedown": "pgdn",
        "pageup": "pgup",
    }
    keys = [names.get(k.strip(), k.strip()) for k in binding.key.split(",")]
    return " / ".join(keys)


def help_renderable() -> Table:
    """Every binding as a table: the key and what it does, in people's words (the bindings'
    ids stay in the code, for keymaps, and are not shown)."""
    table = Table(box=None, expand=False, show_header=False, pad_edge=False, padding=(0, 2, 0, 0))
    table.add_column(no_wrap=True, style="bold")
    table.add_column()
    table.add_row(Text("ctrl+p"), Text("Command palette: open a case, search, theme"))
    for where, bindings in binding_sections():
        table.add_row(Text(""), Text(""))
        table.add_row(styled(where, "bold underline"), Text(""))
        seen: set[str] = set()
        for b in bindings:
            if b.id in seen:
                continue
            seen.add(b.id or "")
            table.add_row(Text(_key_label(b)), Text(b.description))
    return table


class HelpScreen(Track2Screen):
    """Every key, by screen. Escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "back", "Close help", key_display="?", id="help.close"),
        QUIT,
        BACK,
        *PANE_BINDINGS,
        Binding("j,down", "scroll(1)", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False, id="help.up"),
    ]

    def compose(self) -> ComposeResult:
        """The introduction and the table of keys."""
        yield Header()
        with VerticalScroll(id="help-view"):
            yield Static(intro_renderable(), id="help-intro")
            yield Static(help_renderable(), id="help-keys")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Focus the scrolling view."""
        self.sub_title = "Help"
        self.set_focus(self.query_one("#help-view"))

    def action_scroll(self, step: int) -> None:
        """Scroll the help by a line."""
        self.query_one("#help-view", VerticalScroll).scroll_relative(y=step, animate=False)
