"""What every track2 screen shares: pane keys with ids, and escape to go back."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.binding import Binding, BindingType
from textual.screen import Screen

if TYPE_CHECKING:
    from tui.app import Track2App
    from tui.data import LibraryData
    from tui.state import SavedState

PANE_BINDINGS: list[BindingType] = [
    Binding("tab", "app.focus_next", "Next pane", show=False, id="pane.next"),
    Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="pane.previous"),
]
BACK = Binding("escape", "back", "Back", id="screen.back")
HELP = Binding("question_mark", "app.help", "Help", key_display="?", id="screen.help")
QUIT = Binding("q", "app.quit", "Quit", id="screen.quit")
ESSENTIAL: list[BindingType] = [HELP, QUIT]
"""First in every screen's bindings, so the footer shows them even when it is narrow."""


class AppAccess:
    """Typed access to the app's shared objects."""

    @property
    def track2(self) -> Track2App:
        """The running app, typed."""
        return cast("Track2App", self.app)  # type: ignore[attr-defined]

    @property
    def data(self) -> LibraryData:
        """The index and cases."""
        return self.track2.data

    @property
    def saved(self) -> SavedState:
        """Bookmarks, recent cases, the working briefing."""
        return self.track2.saved


class Track2Screen(AppAccess, Screen[None]):
    """A full screen that escape leaves."""

    BINDINGS: ClassVar[list[BindingType]] = [*ESSENTIAL, BACK, *PANE_BINDINGS]

    def action_back(self) -> None:
        """Return to the previous screen."""
        if len(self.app.screen_stack) > 1:
            self.dismiss()
