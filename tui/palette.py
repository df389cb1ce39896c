"""Commands for the palette (ctrl+p): open any case, search the library, switch theme, go to
a screen. Case titles are matched as plain text, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from tui.app import Track2App


class Track2Commands(Provider):
    """Cases by title, "search for ...", themes and screens."""

    @property
    def track2(self) -> Track2App:
        """The app, typed."""
        return cast("Track2App", self.app)

    def _fixed(self) -> list[tuple[str, Callable[[], object], str]]:
        app = self.track2
        return [
            (
                "Theme: light",
                partial(setattr, app, "theme", "textual-light"),
                "Switch to the light theme",
            ),
            (
                "Theme: dark",
                partial(setattr, app, "theme", "textual-dark"),
                "Switch to the dark theme",
            ),
            ("Lessons explorer", app.action_lessons, "Every lesson, challenge and recommendation"),
            ("Working briefing", app.action_briefing, "Preview, save or export your briefing"),
            ("Glossary", app.action_glossary, "Terms used in the cases"),
            ("Help: keys", app.action_help, "Every key binding"),
        ]

    async def discover(self) -> Hits:
        """What the palette lists before anything is typed."""
        for name, run, help_text in self._fixed():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        """Match cases and commands; always offer to search the library for the query."""
        matcher = self.matcher(query)
        app = self.track2
        for name, run, help_text in self._fixed():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, text=name, help=help_text)
        for row in app.data.rows:
            name = f"Open case: {row.title}"
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(app.open_case, row.id),
                    text=name,
                    help=f"{row.years}, track {', '.join(row.track)}",
                )
        if query.strip() and app.data.ready:
            label = Content("Search the library for ") + Content.styled(query.strip(), "bold")
            yield Hit(
                0.01,
                label,
                partial(self._run_search, query.strip()),
                text=f"Search the library for {query.strip()}",
                help="Cases and lessons matching these words",
            )

    def _run_search(self, query: str) -> None:
        from tui.screens.library import LibraryScreen

        app = self.track2
        while len(app.screen_stack) > 1 and not isinstance(app.screen, LibraryScreen):
            app.pop_screen()
        screen = app.screen
        if isinstance(screen, LibraryScreen):
            screen.search_box.value = query
            screen.results.focus()
