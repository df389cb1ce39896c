"""The glossary: browse and filter terms, open the cases a term names."""

from __future__ import annotations

from collections.abc import Callable

from tests.tui.helpers import screen_text, settle
from tui.app import Track2App
from tui.screens.case import CaseScreen
from tui.screens.glossary import GlossaryScreen

MakeApp = Callable[..., Track2App]


async def test_g_opens_the_glossary_and_typing_filters_terms(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        assert len(screen.shown_terms) > 5
        # The filter box has the focus on open: typing filters at once.
        await pilot.press(*"track 1.5")
        await settle(pilot)
        assert [t.term for t in screen.shown_terms] == ["Track 1.5"]
        assert "A hybrid channel in which serving officials" in screen_text(app)
        await pilot.press("enter")  # to the list; then / goes back to the filter
        assert app.focused is not None and app.focused.id == "glossary-terms"
        await pilot.press("slash")
        assert app.focused is not None and app.focused.id == "glossary-filter"
        await pilot.press("ctrl+u", *"zebra")
        await settle(pilot)
        assert screen.shown_terms == [] and "No term matches" in screen_text(app)


async def test_cases_outside_the_library_are_named_not_opened(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.action_glossary("track-ii")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        assert "(not in this library)" in screen_text(app)
        await pilot.press("enter", "end", "enter")
        await settle(pilot)
        assert app.screen is screen


async def test_enter_on_a_term_case_opens_it(make_app: MakeApp) -> None:
    from cases.library import default_library_dirs

    app = make_app(default_library_dirs(env=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.action_glossary("track-ii")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        await pilot.press("enter")  # from the term list into the term
        opens = [cid for cid in screen.related_cases if cid]
        assert opens, "a term names at least one case"
        await pilot.press("end", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        assert app.screen.case_id == opens[-1]
