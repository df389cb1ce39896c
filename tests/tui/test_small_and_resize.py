"""Small windows and resizing: every screen works at 60x20 and survives resizes; NO_COLOR."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.helpers import screen_text, settle
from tui.app import Track2App
from tui.screens.briefing import BriefingScreen
from tui.screens.case import CaseScreen
from tui.screens.compare import CompareScreen
from tui.screens.dialogs import ExportDialog
from tui.screens.glossary import GlossaryScreen
from tui.screens.help import HelpScreen
from tui.screens.lessons import LessonsScreen
from tui.screens.library import LibraryScreen

MakeApp = Callable[..., Track2App]
SIZES = [(60, 20), (100, 30), (40, 12), (80, 24), (200, 60), (60, 20)]


async def visit_every_screen(pilot: Pilot[int], app: Track2App) -> None:
    await settle(pilot)
    await pilot.press("slash", *"trust", "enter")
    await settle(pilot)
    assert isinstance(app.screen, CaseScreen)
    for key in "123456789":
        await pilot.press(key)
    await pilot.press("ctrl+f", *"the", "enter", "escape", "b", "escape")
    await pilot.press("escape")
    await pilot.press("l")
    await settle(pilot)
    assert isinstance(app.screen, LessonsScreen)
    await pilot.press("j", "enter")
    await settle(pilot)
    await pilot.press("escape", "escape", "c")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, CompareScreen)
    await pilot.press("escape", "w")
    await settle(pilot)
    assert isinstance(app.screen, BriefingScreen)
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(app.screen, ExportDialog)
    await pilot.press("escape", "p", "p", "escape", "g")
    await settle(pilot)
    assert isinstance(app.screen, GlossaryScreen)
    await pilot.press("escape", "question_mark")
    await settle(pilot)
    assert isinstance(app.screen, HelpScreen)
    await pilot.press("escape")
    assert isinstance(app.screen, LibraryScreen)


@pytest.mark.long
async def test_every_screen_works_at_60_by_20(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await visit_every_screen(pilot, app)
        text = screen_text(app)
        assert "Harbour Talks" in text  # the list still shows at 60 columns
        assert app.screen.has_class("-narrow")


@pytest.mark.parametrize(
    "screen_keys, screen, shown",
    [
        ([], LibraryScreen, "Harbour Talks"),
        (["open"], CaseScreen, "Harbour Talks"),
        (["l"], LessonsScreen, "Steady funding keeps a channel alive"),
        (["w"], BriefingScreen, "Your working briefing is empty."),
        (["question_mark"], HelpScreen, "Track II and Track 1.5 diplomacy cases"),
    ],
)
async def test_resizing_never_crashes(
    make_app: MakeApp, screen_keys: list[str], screen: type, shown: str
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for key in screen_keys:
            if key == "open":
                app.open_case("harbour-talks")
            else:
                await pilot.press(key)
            await settle(pilot)
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            await settle(pilot, rounds=1)
            assert screen_text(app).strip()
        # Back at 60x20: the same screen, its content and the footer's keys are on screen.
        assert isinstance(app.screen, screen)
        text = screen_text(app)
        assert shown in text
        assert "q Quit" in text.splitlines()[-1]


async def test_ten_by_five_does_not_crash(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(10, 5)) as pilot:
        await settle(pilot)
        app.open_case("harbour-talks")
        await settle(pilot)
        await pilot.press("3", "ctrl+f", "x")
        await settle(pilot)
        # The keys still reach the case at 10x5: the find box holds the "x" typed into it.
        screen = app.screen
        assert isinstance(screen, CaseScreen) and screen.case_id == "harbour-talks"
        assert screen.query_one("#find-input", Input).value == "x"
        assert "Harbou" in screen_text(app)  # the title, cut to the width


async def test_no_color_strips_colour(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.no_color
        svg = app.export_screenshot()
    # Monochrome turns every colour grey: no saturated fill is left in the screenshot.
    import re

    fills = set(re.findall(r"fill: (#[0-9a-f]{6})", svg))
    assert fills
    for colour in fills:
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert max(r, g, b) - min(r, g, b) <= 8, colour


@pytest.mark.parametrize("opener", ["library", "lessons"])
async def test_f_shows_the_filters_on_a_narrow_screen(make_app: MakeApp, opener: str) -> None:
    from textual.widgets import Select

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        if opener == "lessons":
            await pilot.press("l")
            await settle(pilot)
        panel = app.screen.query_one("#facets" if opener == "library" else "#lessons-side")
        assert not panel.display or panel.region.width == 0
        await pilot.press("f")
        await settle(pilot)
        assert panel.region.width > 0
        assert isinstance(app.focused, Select)
        await pilot.press("f")
        await settle(pilot)
        assert panel.region.width == 0
        assert not isinstance(app.focused, Select)


async def test_the_footer_ends_with_the_palette_key_at_60_columns(make_app: MakeApp) -> None:
    """Keys that do not fit go under the command palette's key, which reaches the edge: no
    letter of them shows after it ("^p palettel")."""
    from textual.widgets import Footer

    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        footer = app.screen.query_one(Footer)
        [palette] = [k for k in footer.query("FooterKey") if k.has_class("-command-palette")]
        assert palette.region.right == footer.region.right
        last_line = screen_text(app).splitlines()[-1]
        assert last_line.rstrip().endswith("palette")


async def test_help_lines_that_wrap_stay_right_of_their_label(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        at = next(n for n, line in enumerate(lines) if line.lstrip().startswith("Find "))
        text_column = lines[at].index("/ and type")
        wrapped = lines[at + 1]
        assert wrapped[:text_column].strip() == "" and wrapped[text_column:].strip()
