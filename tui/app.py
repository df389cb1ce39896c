"""The track2 explorer: a Textual app over the case library, its search index and briefings.

``create_app`` is the one factory: ``track2`` / ``track2 browse`` call it, and so do the tests
(with a cache folder of their own). Screens other than the library are imported when first
opened, so the first frame waits only for what it shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel

from tui.data import IndexOpener, LibraryData, open_search_index
from tui.keyorder import KeyOrder
from tui.screens.library import LibraryScreen
from tui.state import SavedState

if TYPE_CHECKING:
    from textual.command import Provider

    from cases.library import LibraryDir


def _commands() -> type[Provider]:
    # Imported when the palette first opens: textual.command is not needed for the first frame.
    from tui.palette import Track2Commands

    return Track2Commands


LIGHT_THEME = "textual-light"
DARK_THEME = "textual-dark"


class Track2App(KeyOrder, App[int]):
    """The explorer. ``data`` holds the index and cases; ``saved`` what persists."""

    CSS_PATH = "app.tcss"
    TITLE = "track2"
    SUB_TITLE = "Track II diplomacy cases"
    COMMANDS: ClassVar = App.COMMANDS | {_commands}
    # Below 100 columns the filter panels fold away (f shows them); below 80 the case's
    # list of parts does too.
    # From 140 columns the library shows a preview of the highlighted case beside the list.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-medium"), (100, "-wide"), (140, "-roomy")]

    BINDINGS: ClassVar[list[BindingType]] = [
        # Shown by each screen (first, so a narrow footer keeps them); these serve dialogs.
        Binding("question_mark", "help", "Help", key_display="?", show=False, id="app.help"),
        Binding("q", "quit", "Quit", show=False, id="app.quit"),
        Binding("l", "lessons", "Lessons", id="app.lessons"),
        Binding("w", "briefing", "Briefing", id="app.briefing"),
        Binding("g", "glossary", "Glossary", show=False, id="app.glossary"),
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False, id="app.toggle_theme"),
    ]

    def __init__(
        self,
        data: LibraryData,
        saved: SavedState,
        *,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.data = data
        """The index, the case rows and cases read on demand."""
        self.saved = saved
        """Bookmarks, recently viewed cases, the working briefing, the theme."""
        self.notices: list[str] = []
        """Every notification shown, as plain text, oldest first."""
        saved.on_failure = lambda message: self.notify(message, severity="error", timeout=10)
        chosen = theme or saved.state.theme
        if chosen in self.available_themes:
            self.theme = chosen

    def on_mount(self) -> None:
        """Show the library; say once if the saved state could not be read."""
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.saved.notice:
            self.notify(self.saved.notice, severity="warning")

    def get_default_screen(self) -> LibraryScreen:
        """The library is the first screen and the one escape returns to."""
        return LibraryScreen()

    def _remember_theme(self, theme: object) -> None:
        name = getattr(theme, "name", None)
        if isinstance(name, str) and name != self.saved.state.theme:
            self.saved.set_theme(name)

    def on_unmount(self) -> None:
        """Close the index cleanly."""
        self.data.close()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Notifications often quote case text: never read them as markup.

        ``markup`` is ignored, but it stays: Textual's ``Widget.notify`` (what a screen's
        ``self.notify`` calls) always passes it, and an override keeps ``App.notify``'s
        signature."""
        from tui.widgets.rows import literal

        plain = literal(message).plain
        self.notices.append(plain)
        super().notify(plain, title=title, severity=severity, timeout=timeout, markup=False)

    def action_help(self) -> None:
        """Open the help screen (every binding, by screen)."""
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_lessons(self) -> None:
        """Open the lessons explorer."""
        from tui.screens.lessons import LessonsScreen

        if self.data.ready and not isinstance(self.screen, LessonsScreen):
            self.push_screen(LessonsScreen())

    def action_briefing(self) -> None:
        """Open the working briefing."""
        from tui.screens.briefing import BriefingScreen

        if not isinstance(self.screen, BriefingScreen):
            self.push_screen(BriefingScreen())

    def action_glossary(self, term: str | None = None) -> None:
        """Open the glossary (at a term, if given)."""
        from tui.screens.glossary import GlossaryScreen

        if self.data.ready and not isinstance(self.screen, GlossaryScreen):
            self.push_screen(GlossaryScreen(term))

    def action_toggle_theme(self) -> None:
        """Switch between the light and the dark theme."""
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    def open_case(self, case_id: str, item_id: str | None = None) -> None:
        """Open a case (at one of its items)."""
        from tui.screens.case import CaseScreen

        if self.data.ready:
            self.push_screen(CaseScreen(case_id, item_id))

    def open_agreement(self, agreement_id: int) -> None:
        """Open a PA-X agreement (what is imported, or what the cases record of it)."""
        from tui.screens.agreement import AgreementScreen

        if self.data.ready:
            self.push_screen(AgreementScreen(agreement_id))

    def open_ref(self, ref: str, item_id: str | None = None) -> None:
        """Open what a row or a link names: ``agreement:N``, ``term:ID``, or a case."""
        kind, _, rest = ref.partition(":")
        if kind == "agreement" and rest.isdigit():
            self.open_agreement(int(rest))
        elif kind == "term" and rest:
            self.action_glossary(rest)
        else:
            self.open_case(ref, item_id)

    def open_link(self, url: str) -> None:
        """Open a link in the system browser (in a thread: a browser may take a while to
        start); say so when there is none, and show the link so it can be copied."""
        import threading
        import webbrowser

        def run() -> None:
            try:
                opened = webbrowser.open(url)
            except Exception:  # noqa: BLE001 - no browser is not an error of ours
                opened = False
            if not opened:
                self.call_from_thread(
                    self.notify, f"No browser to open it; the link is {url}", severity="warning"
                )

        self.notify(f"Opening {url}")
        threading.Thread(target=run, daemon=True).start()

    def add_to_briefing(self, ref: str, label: str) -> None:
        """Add a case or item ref to the working briefing and say so."""
        n = len(self.saved.state.briefing.refs)
        if self.saved.add_to_briefing(ref):
            parts = f"{n + 1} part{'' if n == 0 else 's'}"
            self.notify(f"Added to the briefing ({parts}; w shows it): {label}")
        else:
            self.notify(f"Already in the briefing: {label}", severity="warning")


def create_app(
    dirs: list[LibraryDir],
    *,
    cache_root: Path | None = None,
    data_dir: Path | None = None,
    theme: str | None = None,
    opener: IndexOpener = open_search_index,
) -> Track2App:
    """The explorer over library folders ``dirs``.

    ``cache_root`` (index) and ``data_dir`` (bookmarks, briefing) default to the user folders;
    ``theme`` overrides the saved theme; ``opener`` opens the index (tests slow it down).
    """
    return Track2App(LibraryData(dirs, cache_root, opener), SavedState(data_dir), theme=theme)
