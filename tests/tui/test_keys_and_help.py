"""Keys: every binding has an id and is listed in help; help, quit, palette, theme."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from rich.console import Console
from textual.binding import Binding

from tests.tui.helpers import screen_text, settle
from tui.app import DARK_THEME, LIGHT_THEME, Track2App
from tui.screens.case import CaseScreen
from tui.screens.commands import Track2Commands
from tui.screens.help import HelpScreen, binding_sections, help_renderable
from tui.screens.library import LibraryScreen

MakeApp = Callable[..., Track2App]


def all_bindings() -> list[Binding]:
    return [b for _, bindings in binding_sections() for b in bindings]


def help_text() -> str:
    console = Console(width=200, file=io.StringIO(), record=True)
    console.print(help_renderable())
    return console.export_text()


def test_every_binding_has_a_unique_id_per_screen() -> None:
    for where, bindings in binding_sections():
        ids = [b.id for b in bindings]
        assert all(ids), f"a binding in {where} has no id"
        keys = [b.key for b in bindings]
        assert len(set(keys)) == len(keys), f"a key is bound twice in {where}"


@pytest.mark.parametrize("binding", all_bindings(), ids=lambda b: b.id or b.key)
def test_every_binding_appears_in_help(binding: Binding) -> None:
    text = help_text()
    assert binding.description in text
    assert "app.command_palette" not in text and f" {binding.id}" not in text  # no internal names


def test_no_binding_uses_keys_terminals_swallow() -> None:
    swallowed = {"ctrl+h", "ctrl+enter", "ctrl+i", "ctrl+m", "ctrl+[", "super", "cmd"}
    for b in all_bindings():
        for key in b.key.split(","):
            assert not any(key.strip().startswith(s) for s in swallowed), b


async def test_question_mark_opens_help_and_closes_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Find      / and type" in text and "library.search" not in text
        await pilot.press("j", "k", "question_mark")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("question_mark", "escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_footer_shows_the_main_keys(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        for label in (
            "/ Search",
            "b Add to briefing",
            "c Compare",
            "q Quit",
            "? Help",
            "l Lessons",
            "w Briefing",
        ):
            assert label in footer


async def test_q_quits(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_case("harbour-talks")
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_q_in_the_search_box_is_a_letter(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "q")
        await settle(pilot)
        assert app.is_running
        screen = app.screen
        assert isinstance(screen, LibraryScreen) and screen.search_box.value == "q"


async def test_palette_opens_any_case(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"lantern channel")
        await pilot.pause(0.5)
        assert "Open case: The Lantern Channel" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen) and app.screen.case_id == "lantern-channel"


async def test_palette_runs_a_search_and_switches_theme(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_case("harbour-talks")
        await settle(pilot)
        provider = Track2Commands(app.screen)
        hits = [h async for h in provider.search("funding")]
        search = next(h for h in hits if h.text == "Search the library for funding")
        search.command()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen) and screen.search_box.value == "funding"
        assert screen.last_result is not None and screen.last_result.total >= 1
        light = next(
            h for h in [h async for h in provider.search("light")] if h.text == "Theme: light"
        )
        light.command()
        await pilot.pause()
        assert app.theme == LIGHT_THEME
        assert app.memory.state.theme == LIGHT_THEME
        names = [h.text async for h in provider.discover()]  # type: ignore[attr-defined]
        assert "Lessons explorer" in names


async def test_ctrl_t_toggles_the_theme_and_it_is_remembered(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == DARK_THEME
        await pilot.press("ctrl+t")
        assert app.theme == LIGHT_THEME
    again = make_app()
    assert again.theme == LIGHT_THEME
    assert make_app(theme=DARK_THEME).theme == DARK_THEME


async def test_tab_moves_between_panes(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        start = app.focused
        await pilot.press("tab")
        assert app.focused is not start
        await pilot.press("shift+tab")
        assert app.focused is start
