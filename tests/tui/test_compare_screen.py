"""Compare: pick a second case from the library or a case, see both field by field."""

from __future__ import annotations

from collections.abc import Callable

from tests.tui.helpers import screen_text, settle
from tui.app import Track2App
from tui.screens.compare import CompareScreen
from tui.screens.picker import CasePicker

MakeApp = Callable[..., Track2App]


async def test_c_picks_a_case_and_compares_side_by_side(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")  # the highlighted case: Harbour Talks
        await settle(pilot)
        assert isinstance(app.screen, CasePicker)
        await pilot.press(*"lantern")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.left, screen.right) == ("harbour-talks", "lantern-channel")
        text = screen_text(app)
        for field in ("Period", "Track", "Regions", "Themes", "Actors", "Outcome", "Lessons"):
            assert field in text
        assert "1998-03 to 2004" in text and "2010 to 2011-06" in text
        assert "Steady funding keeps a channel alive" in text
        assert "Messengers need the trust of both capitals" in text
        await pilot.press("s")
        assert (screen.left, screen.right) == ("lantern-channel", "harbour-talks")
        await pilot.press("r")
        await settle(pilot)
        await pilot.press(*"markup", "enter")
        await settle(pilot)
        assert screen.right == "markup-trap"
        await pilot.press("j", "k", "escape")
        assert not isinstance(app.screen, CompareScreen)


async def test_escape_in_the_picker_cancels(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_case("lantern-channel")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CasePicker)
        assert "lantern-channel" not in [r.id for r in app.screen.query_one("#picker-list").rows]  # type: ignore[attr-defined]
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, (CasePicker, CompareScreen))
