"""Helpers for Pilot tests: wait for workers, read what is on screen (public APIs only)."""

from __future__ import annotations

import html
import re
from typing import Any

from rich.cells import cell_len
from textual.app import App
from textual.pilot import Pilot

from tui.app import Track2App


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


def record_notifications(app: Track2App) -> list[str]:
    """Record every notification the app shows from now on (call before ``run_test``)."""
    seen: list[str] = []
    original = app.notify

    def notify(message: str, *args: object, **kwargs: object) -> None:
        seen.append(str(message))
        original(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    return seen
