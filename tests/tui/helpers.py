"""Helpers for Pilot tests: wait for workers, read what is on screen (public APIs only)."""

from __future__ import annotations

import html
import re
from typing import Any, TypeVar

from rich.cells import cell_len
from textual.app import App
from textual.pilot import Pilot

from search_index import CaseRow, Hit
from tui.app import Track2App
from tui.screens.library import LibraryScreen

RowT = TypeVar("RowT", CaseRow, Hit)


async def settle(pilot: Pilot[int], rounds: int = 3) -> None:
    """Let every worker (index opening, searches) finish and the screen redraw."""
    await pilot.pause()
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if all(w.is_finished for w in pilot.app.workers):
            return


async def typed(pilot: Pilot[int], text: str) -> None:
    """Type ``text`` key by key, then settle."""
    await pilot.press(*list(text))
    await settle(pilot)


def burst(pilot: Pilot[Any], *keys: str) -> None:
    """Send keys as a terminal does when they come faster than the app reads them: every
    key queued at once, none waiting for the one before to be handled (``Pilot.press``
    waits after each key, so it never shows a key that reaches the wrong widget).

    Each of ``keys`` is a string of characters (``"/oslo"``) or a key name (``"escape"``).
    """
    from textual import events
    from textual.keys import _character_to_key

    app = pilot.app
    for text in keys:
        named = len(text) > 1 and text in ("escape", "enter", "tab", "backspace")
        pairs = [(text, "\x1b" if text == "escape" else None)] if named else []
        for char in [] if named else text:
            pairs.append((char if char.isalnum() else _character_to_key(char), char))
        for key, character in pairs:
            event = events.Key(key, character)
            event.set_sender(app)
            app.post_message(event)


_SVG_TEXT = re.compile(
    r'<text class="[^"]*" x="(?P<x>[\d.]+)" y="[\d.]+" textLength="(?P<length>[\d.]+)" '
    r'clip-path="url\(#[\w-]+-line-(?P<line>\d+)\)">(?P<text>[^<]*)</text>'
)
"""One run of text in Rich's SVG export: its line, its x (column times the cell width) and
its width (characters times the cell width)."""


def screen_text(app: App[Any]) -> str:
    """The plain text on screen now, line by line (what a user reads), read from the app's
    public screenshot (``App.export_screenshot``), overlays and notifications included."""
    runs: dict[int, dict[int, str]] = {}
    for match in _SVG_TEXT.finditer(app.export_screenshot()):
        text = html.unescape(match["text"]).replace("\xa0", " ")
        cell = float(match["length"]) / len(text)
        runs.setdefault(int(match["line"]), {})[round(float(match["x"]) / cell)] = text
    lines = []
    for y in range(app.size.height):
        line = ""
        for column, text in sorted(runs.get(y, {}).items()):
            line += " " * (column - cell_len(line)) + text
        lines.append(line.rstrip())
    return "\n".join(lines)


def rows_of(screen: LibraryScreen, kind: type[RowT]) -> list[RowT]:
    """The rows of the library list, which must all be of ``kind``."""
    rows = list(screen.results.rows)
    assert all(isinstance(row, kind) for row in rows), rows
    return [row for row in rows if isinstance(row, kind)]


def case_rows(screen: LibraryScreen) -> list[CaseRow]:
    """The rows of the library list, which must all be cases (the list with no search)."""
    return rows_of(screen, CaseRow)


def hit_rows(screen: LibraryScreen) -> list[Hit]:
    """The rows of the library list, which must all be search hits."""
    return rows_of(screen, Hit)


def record_notifications(app: Track2App) -> list[str]:
    """Record every notification the app shows from now on (call before ``run_test``)."""
    seen: list[str] = []
    original = app.notify

    def notify(message: str, *args: object, **kwargs: object) -> None:
        seen.append(str(message))
        original(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    return seen
