"""Snapshot tests: what each main screen looks like, at a fixed size, over the fixture library.

Update after an intended change with ``pytest tests/tui/test_snapshots.py --snapshot-update``
and look at the new SVGs in ``__snapshots__`` before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.helpers import settle
from tui.app import LIGHT_THEME, Track2App

MakeApp = Callable[..., Track2App]
SIZE = (100, 30)


def steps(*actions: Any) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """A run_before that settles, performs ``actions`` (keys or callables), stops blinking."""

    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for action in actions:
            if callable(action):
                action(pilot.app)
            else:
                await pilot.press(action)
            await settle(pilot)
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False
        await pilot.pause()

    return run


def test_library(snap_compare: Any, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=steps("j"))


def test_library_search(snap_compare: Any, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=steps("slash", *"funding"))


def test_case_lessons(snap_compare: Any, make_app: MakeApp) -> None:
    assert snap_compare(
        make_app(),
        terminal_size=SIZE,
        run_before=steps(lambda app: app.open_case("harbour-talks"), "3"),
    )


def test_library_at_80_by_24(snap_compare: Any, make_app: MakeApp) -> None:
    """A standard terminal: headers, titles readable, footer keys whole."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=steps("j"))


def test_case_lessons_at_80_by_24(snap_compare: Any, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=steps("enter", "3", "j"))


def test_case_overview_narrow(snap_compare: Any, make_app: MakeApp) -> None:
    assert snap_compare(
        make_app(),
        terminal_size=(60, 20),
        run_before=steps(lambda app: app.open_case("lantern-channel")),
    )


def test_lessons_explorer(snap_compare: Any, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=steps("l", "j"))


def test_compare(snap_compare: Any, make_app: MakeApp) -> None:
    from tui.screens.compare import CompareScreen

    def compare(app: Track2App) -> None:
        app.push_screen(CompareScreen("harbour-talks", "lantern-channel"))

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=steps(compare))


def test_help(snap_compare: Any, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=steps("question_mark"))


def test_light_theme_library(snap_compare: Any, make_app: MakeApp) -> None:
    assert snap_compare(make_app(theme=LIGHT_THEME), terminal_size=SIZE, run_before=steps("j"))


def test_light_theme_case(snap_compare: Any, make_app: MakeApp) -> None:
    assert snap_compare(
        make_app(theme=LIGHT_THEME),
        terminal_size=SIZE,
        run_before=steps(lambda app: app.open_case("harbour-talks"), "3", "j"),
    )
