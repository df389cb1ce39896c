"""Keys: every binding has an id and is listed in help; help, quit, palette, theme."""

from __future__ import annotations

import importlib
import io
import re
from collections.abc import Callable
from functools import cache

import pytest
from rich.console import Console
from textual.binding import Binding
from textual.dom import DOMNode

from tests.conftest import REPO
from tests.tui.helpers import screen_text, settle
from tui.app import DARK_THEME, LIGHT_THEME, Track2App
from tui.palette import Track2Commands
from tui.screens.case import CaseScreen
from tui.screens.help import HelpScreen, binding_sections, help_renderable
from tui.screens.library import LibraryScreen

MakeApp = Callable[..., Track2App]


def defined_bindings() -> list[tuple[str, Binding]]:
    """(class, binding) for every binding any app, screen or widget class in ``tui`` declares,
    found by importing every module: independent of the list the help screen is built from."""
    found: list[tuple[str, Binding]] = []
    # Every file, not pkgutil: screens/ and widgets/ are namespace packages, which it skips.
    for path in sorted((REPO / "tui").rglob("*.py")):
        name = ".".join(path.relative_to(REPO).with_suffix("").parts)
        if name.endswith(("__main__", "__init__")):
            continue
        module = importlib.import_module(name)
        for cls in vars(module).values():
            if (
                isinstance(cls, type)
                and issubclass(cls, DOMNode)
                and cls.__module__ == module.__name__
                and "BINDINGS" in vars(cls)
            ):
                found += [(cls.__name__, b) for b in cls.BINDINGS if isinstance(b, Binding)]
    return found


@cache
def help_text() -> str:
    """Help as printed at 200 columns (drawn once: it is the same for every test)."""
    console = Console(width=200, file=io.StringIO(), record=True)
    console.print(help_renderable())
    return console.export_text()


@cache
def help_rows() -> frozenset[tuple[str, str]]:
    """(key as shown, what it does) for every row of the help table."""
    rows: set[tuple[str, str]] = set()
    for line in help_text().splitlines():
        cells = re.split(r" {2,}", line.strip())
        if len(cells) == 2:
            rows.add((cells[0], cells[1]))
    return frozenset(rows)


SHOWN = {"question_mark": "?", "slash": "/", "escape": "esc", "pagedown": "pgdn", "pageup": "pgup"}
"""How help names keys that have a symbol (what people press, not Textual's key names)."""


def shown_keys(key: str) -> set[str]:
    return {k.strip() for k in key.split(" / ")}


def test_every_binding_has_a_unique_id_per_screen() -> None:
    for where, bindings in binding_sections():
        ids = [b.id for b in bindings]
        assert all(ids), f"a binding in {where} has no id"
        keys = [b.key for b in bindings]
        assert len(set(keys)) == len(keys), f"a key is bound twice in {where}"


@pytest.mark.parametrize(
    "owner, binding", defined_bindings(), ids=lambda v: v.id if isinstance(v, Binding) else v
)
def test_every_binding_in_the_code_appears_in_help(owner: str, binding: Binding) -> None:
    """A screen whose bindings help forgets (one not in its list) fails here."""
    keys = binding.key_display or SHOWN.get(binding.key.split(",")[0], binding.key.split(",")[0])
    rows = [(k, d) for k, d in help_rows() if d == binding.description]
    assert any(keys in shown_keys(k) for k, _ in rows), f"{owner}: {binding} not in help"
    text = help_text()
    assert "app.command_palette" not in text and f" {binding.id}" not in text  # no internal names


def test_every_key_in_the_readme_is_in_help() -> None:
    """The README's table of the explorer's keys is a promise help keeps."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("## The explorer", 1)[1].split("\n## ", 1)[0]
    promised = {
        SHOWN.get(key, key)
        for line in table.splitlines()
        if line.startswith("| `")
        for key in re.findall(r"`([^`]+)`", line.split(" | ")[0])
    }
    assert {"/", "esc", "ctrl+f", "b", "w", "c", "l", "g", "q", "ctrl+p"} <= promised
    listed = {k for key, _ in help_rows() for k in shown_keys(key)}
    assert promised <= listed, promised - listed


def test_help_lists_these_rows() -> None:
    """What help says, written out here rather than read from the code."""
    expected = {
        ("ctrl+p", "Command palette: open a case, search, theme"),
        ("?", "Help"),
        ("q", "Quit"),
        ("/", "Search"),
        ("esc", "Back"),
        ("b", "Add to briefing"),
        ("c", "Compare"),
        ("l", "Lessons"),
        ("w", "Briefing"),
        ("g", "Glossary"),
        ("ctrl+t", "Light/dark"),
        ("ctrl+f", "Find"),
        ("t", "Look up term"),
        ("m", "Bookmark"),
        ("p", "Problems"),
        ("e", "Export"),
        ("/", "Filter terms"),
    }
    assert expected <= help_rows(), expected - help_rows()


def test_no_binding_uses_keys_terminals_swallow() -> None:
    swallowed = {"ctrl+h", "ctrl+enter", "ctrl+i", "ctrl+m", "ctrl+[", "super", "cmd"}
    for _, b in defined_bindings():
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
        assert app.saved.state.theme == LIGHT_THEME
        names = [h.text async for h in provider.discover()]
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


async def test_the_footer_is_redrawn_only_when_its_keys_change(make_app: MakeApp) -> None:
    from textual.widgets._footer import FooterKey

    from tui.widgets.key_footer import KeyFooter

    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)

        def drawn() -> list[tuple[FooterKey, str]]:
            return [(key, key.description) for key in footer.query(FooterKey)]

        assert "Open" in [text for _key, text in drawn()]  # the case list has focus
        await pilot.press("slash", "tab", "tab")  # the first filter: no "Open" key
        await settle(pilot)
        first_filter, before = app.focused, drawn()
        assert "Open" not in [text for _key, text in before]
        await pilot.press("tab")  # the next filter: the same keys, so the same widgets
        await settle(pilot)
        assert app.focused is not first_filter
        assert drawn() == before
        await pilot.press("shift+tab", "shift+tab")  # back on the case list: drawn anew
        await settle(pilot)
        assert "Open" in [text for _key, text in drawn()]
        assert not {key for key, _text in drawn()} & {key for key, _text in before}
