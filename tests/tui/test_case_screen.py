"""The case screen: its ten parts, keys 1-9 and 0, find-in-case, related cases, briefing, glossary."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.tui.helpers import screen_text, settle
from tui.app import Track2App
from tui.case_tabs import TABS
from tui.screens.case import CaseScreen
from tui.screens.glossary import GlossaryScreen
from tui.screens.library import LibraryScreen
from tui.widgets.find_bar import FindBar

MakeApp = Callable[..., Track2App]


async def open_case(pilot: Pilot[int], case_id: str, item_id: str | None = None) -> CaseScreen:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, Track2App)
    app.open_case(case_id, item_id)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CaseScreen)
    return screen


async def test_overview_shows_summary_facts_and_background(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_case(pilot, "harbour-talks")
        text = screen_text(app)
        assert "Harbour Talks: a fictional maritime dialogue" in text
        assert "A fictional Track II dialogue used by the explorer's tests." in text
        assert "1998-03 to 2004" in text
        assert "Maritime security" in text  # vocabulary labels, not ids
        assert re.search(r"Library +fixtures", text)
        assert app.saved.state.recent == ["harbour-talks"]


async def test_number_keys_and_arrows_switch_parts(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_case(pilot, "harbour-talks")
        expected = {
            "2": "First meeting in a port city.",
            "3": "Steady funding keeps a channel alive",
            "4": "Navies share little",
            "5": "Spread the funding",
            "6": "Why did the dialogue end?",
            "7": "Report of the Harbour Talks",
            "8": "The Lantern Channel: a fictional back channel",
            "9": "Nothing recorded for this case.",
            "1": "Background",
        }
        for key, needle in expected.items():
            await pilot.press(key)
            await pilot.pause()
            assert screen.tab_index == int(key) - 1
            assert needle in screen_text(app), key
        await pilot.press("right")
        assert screen.tab_index == 1
        await pilot.press("left", "left")
        assert screen.tab_index == len(TABS) - 1


async def test_opening_at_an_item_shows_that_item(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_case(pilot, "harbour-talks", "many-funders")
        assert screen.tabs[screen.tab_index].id == "recommendations"
        entry = screen.current_entry()
        assert entry is not None and entry.ref == "harbour-talks/many-funders"


async def test_find_in_case_steps_through_matches_across_parts(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_case(pilot, "harbour-talks")
        await pilot.press("ctrl+f")
        bar = screen.query_one(FindBar)
        assert bar.display and app.focused is bar.input
        await pilot.press(*"funding")
        await settle(pilot)
        # "funding" is in the timeline, a lesson, a recommendation and a related note.
        parts = [screen.tabs[t].id for t, _ in screen.find_matches]
        assert parts == ["timeline", "lessons", "recommendations", "related"]
        assert "1/4" in screen_text(app) and screen.tab_index == 1
        await pilot.press("enter")
        assert "2/4" in screen_text(app) and screen.tab_index == 2
        await pilot.press("down")
        assert "3/4" in screen_text(app)
        await pilot.press("up")
        assert "2/4" in screen_text(app)
        await pilot.press("enter", "enter", "enter")
        assert "1/4" in screen_text(app) and screen.tab_index == 1
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.display
        assert isinstance(app.screen, CaseScreen)  # escape closed the bar, not the case
        await pilot.press("n")
        assert screen.find_matches == []


async def test_find_reports_no_match(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_case(pilot, "harbour-talks")
        await pilot.press("ctrl+f", *"zebra")
        await settle(pilot)
        assert screen.find_matches == []
        assert "no match" in screen_text(app)


async def test_enter_on_a_related_case_opens_it_and_escape_comes_back(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_case(pilot, "harbour-talks")
        await pilot.press("8", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        assert app.screen.case_id == "lantern-channel"
        await pilot.press("escape")
        assert isinstance(app.screen, CaseScreen) and app.screen.case_id == "harbour-talks"
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("escape")  # escape on the first screen never leaves the app
        assert isinstance(app.screen, LibraryScreen)


async def test_b_adds_the_item_under_the_cursor_or_the_case(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_case(pilot, "harbour-talks")
        await pilot.press("3", "j", "b")
        await pilot.press("1", "b")
        assert app.saved.state.briefing.refs == ["harbour-talks/fishermen-first", "harbour-talks"]
        await pilot.press("b")  # twice: said, not added again
        assert len(app.saved.state.briefing.refs) == 2


async def test_m_bookmarks_the_case(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_case(pilot, "lantern-channel")
        await pilot.press("m")
        assert app.saved.state.bookmarks == ["lantern-channel"]
        await pilot.press("m")
        assert app.saved.state.bookmarks == []


async def test_t_looks_up_the_glossary_term_under_the_cursor(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_case(pilot, "harbour-talks")
        await pilot.press("t")  # the summary says "Track II"
        await settle(pilot)
        assert isinstance(app.screen, GlossaryScreen)
        assert "Unofficial, non-governmental contact" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("7", "t")  # a source title names no term
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)


async def test_a_missing_case_says_so(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_case("no-such-case")
        await settle(pilot)
        assert "The case 'no-such-case' could not be read." in screen_text(app)
        await pilot.press("b", "ctrl+f", "3", "escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_related_part_offers_cases_that_read_alike(make_app: MakeApp) -> None:
    from cases.library import default_library_dirs

    app = make_app(default_library_dirs(env=False))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_case(pilot, "oslo-back-channel")
        await pilot.press("8")
        related = screen.tabs[screen.tab_index]
        alike = [e for e in related.entries if e.text.plain.startswith("Reads like this case: ")]
        assert alike, "more-like-this adds at least one case"
        named = {r.case for r in app.data.case("oslo-back-channel").related}  # type: ignore[union-attr]
        assert all(e.opens not in named and e.opens != "oslo-back-channel" for e in alike)
        await pilot.press("end", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen) and app.screen.case_id == alike[-1].opens


async def test_o_opens_a_sources_link_and_y_copies_its_citation(
    make_app: MakeApp,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    import webbrowser

    from cases.library import LibraryDir
    from tests.tui.conftest import FIXTURE_LIBRARY

    text = (FIXTURE_LIBRARY / "lantern-channel.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    year: 2015\n", "    year: 2015\n    url: https://example.org/lantern\n"
    )
    (tmp_path / "lantern-channel.yaml").write_text(text, encoding="utf-8")
    opened: list[str] = []

    def fake_open(url: str, *args: object, **kwargs: object) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    app = make_app([LibraryDir(tmp_path, "mine")], cache_root=tmp_path / "cache")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_case(pilot, "lantern-channel")
        copied: list[str] = []
        monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
        await pilot.press("y")  # not on a source: the case id
        await pilot.pause()
        assert copied == ["lantern-channel"]
        await pilot.press("o")
        await pilot.pause(0.2)
        assert opened == []  # the overview has no link
        await pilot.press("7")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert copied[-1] == "[1] A. Writer, Messages in the dark, 2015 https://example.org/lantern"
        await pilot.press("o")
        for _ in range(20):
            await pilot.pause(0.05)
            if opened:
                break
        assert opened == ["https://example.org/lantern"]
