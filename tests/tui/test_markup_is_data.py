"""Case text is data: markup and escape sequences in YAML show literally and never raise."""

from __future__ import annotations

from collections.abc import Callable

from tests.tui.helpers import screen_text, settle
from tui.app import Track2App
from tui.screens.briefing import BriefingScreen
from tui.screens.case import CaseScreen
from tui.screens.compare import CompareScreen

MakeApp = Callable[..., Track2App]

TITLE = "Markup [bold]trap[/bold] case [/] [link=https://evil.example]click[/link]"


def no_escape_codes(app: Track2App) -> None:
    text = screen_text(app)
    assert "\x1b" not in text and "\x07" not in text


async def test_library_row_and_search_hit_show_markup_literally(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(230, 30)) as pilot:
        await settle(pilot)
        assert TITLE in screen_text(app)
        await pilot.press("slash", *"markup")
        await settle(pilot)
        text = screen_text(app)
        assert TITLE in text
        assert "[red]markup[/red]" in text
        no_escape_codes(app)


async def test_every_part_of_the_case_shows_markup_and_escapes_literally(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        app.open_case("markup-trap")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        text = screen_text(app)
        assert TITLE in text
        assert "Text with [red]markup[/red], [/] and an escape [31mRED[0m sequence" in text
        assert "[b]more[/b]" in text
        assert "[italic]tags[/italic] and $variables and [@click=app.quit]quit[/]" in text
        no_escape_codes(app)
        await pilot.press("2")
        assert "Event [bold]one[/bold]." in screen_text(app)
        await pilot.press("3")
        text = screen_text(app)
        assert "Lesson [reverse]title[/reverse]" in text
        assert "[link=x]a link[/link]" in text and "]8;;http://x" in text
        no_escape_codes(app)
        await pilot.press("7")
        assert "Source [bold]title[/]" in screen_text(app)
        # Find marks matches inside text that looks like markup, without reading it as markup.
        await pilot.press("3", "ctrl+f", *"[link=x]")
        await settle(pilot)
        text = screen_text(app)
        assert "1/1" in text and "[link=x]a link[/link]" in text
        assert isinstance(app.screen, CaseScreen)  # [@click=app.quit] in the text did nothing


async def test_compare_and_briefing_show_markup_literally(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        app.push_screen(CompareScreen("markup-trap", "harbour-talks"))
        await settle(pilot)
        text = screen_text(app)
        assert "Text with [red]markup[/red]" in text
        no_escape_codes(app)
        await pilot.press("escape")
        app.saved.add_to_briefing("markup-trap")
        app.saved.add_to_briefing("markup-trap/literal-lesson")
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, BriefingScreen)
        text = screen_text(app)
        assert "Lesson [reverse]title[/reverse]" in text or "[bold]trap[/bold]" in text
        no_escape_codes(app)


async def test_notifications_quote_titles_literally(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(140, 30), notifications=True) as pilot:
        await settle(pilot)
        app.add_to_briefing("markup-trap", TITLE)
        await pilot.pause()
        await pilot.pause(0.1)
        assert any(TITLE in n for n in app.notices)
        # The toast (run_test shows none unless asked), wrapped; the list's row holds the title
        # too, but cut before "click[/link]".
        text = screen_text(app)
        assert "Added to the briefing" in text and "[bold]trap[/bold] case [/]" in text
        assert "[link=https://evil.example]click[/link]" in text


async def test_a_screens_notification_is_literal_too(make_app: MakeApp) -> None:
    """Screens notify through Textual's Widget.notify, which passes ``markup`` on: the app
    accepts it and still shows the message as typed."""
    app = make_app()
    async with app.run_test(size=(140, 30), notifications=True) as pilot:
        await settle(pilot)
        app.screen.notify("[b]Saved[/b] [@click=app.quit]x[/]", markup=True)
        await pilot.pause()
        await pilot.pause(0.1)
        assert "[b]Saved[/b] [@click=app.quit]x[/]" in screen_text(app)
