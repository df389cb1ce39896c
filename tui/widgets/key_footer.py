"""The footer of every screen: Textual's ``Footer``, redrawn only when its keys change.

Textual's footer rebuilds all of its key widgets whenever the screen's bindings may have
changed, which is on every change of focus. Most of those changes leave the keys it shows
as they were (moving between the search box and the list of the library screen, stepping
through a dialog): in the Pilot tests 236 of 341 rebuilds showed the same keys, and each
rebuild mounts, styles and lays out ten widgets while the key that caused it waits.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[Binding, bool, str], ...]


def keys_shown(screen: Screen[object]) -> Shown:
    """What a footer on ``screen`` shows: each binding it lists, enabled or not, and the
    command palette's key (the footer draws everything else from these)."""
    palette = screen.app.COMMAND_PALETTE_BINDING
    return tuple(
        (binding, enabled, tooltip)
        for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show or key == palette
    )


class KeyFooter(Footer):
    """A compact footer that is rebuilt only when the keys it would show have changed."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._shown: Shown | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            shown = keys_shown(screen)
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)
