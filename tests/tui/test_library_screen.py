"""The library screen: the first frame, the case list, search as you type, facets, keys."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cases.library import LibraryDir
from search_index import CaseRow, SearchResult
from tests.tui.conftest import BROKEN_LIBRARY, FIXTURE_LIBRARY
from tests.tui.helpers import burst, case_rows, hit_rows, screen_text, settle, typed
from tui.app import Track2App
from tui.data import open_search_index
from tui.screens.case import CaseScreen
from tui.screens.library import LibraryScreen
from tui.screens.problems import ProblemsScreen
from tui.widgets.rows import Suggestion

MakeApp = Callable[..., Track2App]


def library(app: Track2App) -> LibraryScreen:
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    return screen


async def test_lists_every_case_with_years_and_track(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Harbour Talks: a fictional maritime dialogue" in text
        assert "The Lantern Channel" in text
        assert "1998-2004" in text
        assert "1.5, II" in text
        assert "3 cases" in text


async def test_first_frame_is_drawn_before_the_index_opens(make_app: MakeApp) -> None:
    release = threading.Event()
    calls: list[tuple[int, int]] = []

    def slow_opener(dirs, cache_root, progress):
        if progress:
            progress(1, 4)
            calls.append((1, 4))
        release.wait(10)
        return open_search_index(dirs, cache_root, progress)

    app = make_app(opener=slow_opener)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(20):
            await pilot.pause(0.02)
            if calls:
                break
        await pilot.pause()
        text = screen_text(app)
        assert "Building the search index: 1/4" in text
        assert app.screen.query_one("#progress").display
        assert not app.data.ready
        release.set()
        await settle(pilot)
        assert app.data.ready
        assert not app.screen.query_one("#progress").display
        assert "3 cases" in screen_text(app)


async def test_typing_searches_and_shows_highlighted_hits(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert app.focused is library(app).search_box
        await typed(pilot, "funding")
        screen = library(app)
        assert screen.last_result is not None and screen.last_result.total >= 1
        kinds = {row.kind for row in hit_rows(screen)}
        assert kinds & {"lesson", "recommendation"}
        text = screen_text(app)
        assert "results for funding" in text
        assert "Steady funding keeps a channel alive" in text
        assert "Harbour Talks: a fictional maritime dialogue \u00b7" in text


async def test_stale_results_are_dropped(make_app: MakeApp) -> None:
    """The answer to an earlier keystroke that arrives last is not drawn over the newest."""
    import time

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        search = app.data.search

        def slow_for_funding(query: str, *args: Any, **kwargs: Any) -> SearchResult | None:
            found = search(query, *args, **kwargs)
            if query.strip() == "funding":
                time.sleep(0.4)  # answered, but late: after "lantern" was typed and shown
            return found

        app.data.search = slow_for_funding  # type: ignore[method-assign]
        screen = library(app)
        screen.search_box.value = "funding"
        await pilot.pause(0.05)
        screen.search_box.value = "lantern"
        await pilot.pause(0.6)
        await settle(pilot)
        assert {getattr(r, "case_id", "") for r in screen.results.rows} == {"lantern-channel"}
        assert "results for lantern" in screen_text(app)


async def test_keys_typed_in_a_burst_after_slash_reach_the_search_box(make_app: MakeApp) -> None:
    """A terminal delivers "/lantern" typed fast (or pasted by tmux send-keys) in one read:
    the letters after "/" belong to the search box, not to the list's keys (l: lessons)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        burst(pilot, "/lantern")
        await settle(pilot)
        screen = library(app)
        assert screen.search_box.value == "lantern"
        assert app.focused is screen.search_box
        assert "The Lantern Channel" in screen_text(app)
        burst(pilot, "/x")  # in the box, "/" is a character like any other
        await settle(pilot)
        assert screen.search_box.value == "lantern/x"


async def test_keys_typed_right_after_leaving_a_screen_are_not_commands(
    make_app: MakeApp,
) -> None:
    """escape from the lessons explorer, then "/balloon" at once: no "b" (add to briefing),
    no "l" (lessons again); the letters are the search."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert not isinstance(app.screen, LibraryScreen)
        burst(pilot, "escape", "/harbour")
        await settle(pilot)
        screen = library(app)
        assert screen.search_box.value == "harbour"
        assert app.saved.state.briefing.refs == []


async def test_did_you_mean_is_offered_and_chosen_with_enter(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await typed(pilot, "lanterm")
        screen = library(app)
        # The word is still being typed: no correction for it yet.
        assert list(screen.results.rows) == [] and "Did you mean" not in screen_text(app)
        await typed(pilot, " ")
        # Finished and matching nothing: the correction's results, said so.
        assert any(getattr(r, "case_id", "") == "lantern-channel" for r in screen.results.rows)
        assert "nothing matches lanterm" in screen_text(app)
        await pilot.press("ctrl+o")  # one key: search as typed after all
        await settle(pilot)
        rows = list(screen.results.rows)
        assert len(rows) == 1 and isinstance(rows[0], Suggestion)
        assert "Did you mean lantern?" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.search_box.value == "lantern"
        assert any(getattr(r, "case_id", "") == "lantern-channel" for r in screen.results.rows)
        # Taking the suggestion leaves the user in the search box: letters are typed, not keys.
        assert app.focused is screen.search_box
        await typed(pilot, " b")
        assert screen.search_box.value == "lantern b" and app.saved.state.briefing.refs == []


async def test_escape_clears_the_search_and_enter_opens_the_top_hit(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await typed(pilot, "lantern")
        await pilot.press("escape")
        await settle(pilot)
        screen = library(app)
        assert screen.search_box.value == ""
        assert len(screen.results.rows) == 3
        await typed(pilot, "lantern")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        assert app.screen.case_id == "lantern-channel"
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_j_k_move_and_enter_opens_the_case(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = library(app)
        first = screen.results.highlighted_row
        await pilot.press("j")
        assert screen.results.cursor == 1
        await pilot.press("k")
        assert screen.results.highlighted_row == first
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        assert app.screen.case_id == case_rows(screen)[1].id


async def test_theme_facet_filters_the_list(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = library(app)
        screen.query_one("#facet-theme").value = "maritime-security"  # type: ignore[attr-defined]
        await settle(pilot)
        assert [r.id for r in case_rows(screen)] == ["harbour-talks"]
        assert "1 of 3 cases" in screen_text(app)
        screen.query_one("#facet-decade").value = "2010s"  # type: ignore[attr-defined]
        await settle(pilot)
        assert screen.results.rows == []
        assert "No cases match these filters" in screen_text(app)


async def test_facets_apply_to_a_search_too(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = library(app)
        await pilot.press("slash")
        await typed(pilot, "trust")
        assert {r.case_id for r in hit_rows(screen)} >= {"harbour-talks", "lantern-channel"}
        screen.query_one("#facet-region").value = "europe"  # type: ignore[attr-defined]
        await settle(pilot)
        assert {r.case_id for r in hit_rows(screen)} == {"lantern-channel"}


async def test_b_adds_the_highlighted_case_and_m_bookmarks_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = library(app)
        highlighted = screen.results.highlighted_row
        assert isinstance(highlighted, CaseRow)
        case_id = highlighted.id
        await pilot.press("b")
        assert app.saved.state.briefing.refs == [case_id]
        await pilot.press("m")
        assert app.saved.state.bookmarks == [case_id]
        screen.query_one("#facet-list").value = "bookmarks"  # type: ignore[attr-defined]
        await settle(pilot)
        assert [r.id for r in case_rows(screen)] == [case_id]
        assert screen_text(app).count("* ") >= 1


async def test_problems_panel_lists_broken_files_with_lines(make_app: MakeApp) -> None:
    dirs = [LibraryDir(FIXTURE_LIBRARY, "fixtures"), LibraryDir(BROKEN_LIBRARY, "broken")]
    app = make_app(dirs)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        # Two broken files, and the fixture case whose text looks like a malformed citation.
        assert "3 file(s) with problems: press p" in screen_text(app)
        assert len(library(app).results.rows) == 3
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        text = screen_text(app)
        assert "misspelt-field.yaml:4:1: summry: unknown field; did you mean 'summary'?" in text
        assert "bad-yaml.yaml:" in text
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_an_index_that_cannot_open_is_reported_not_fatal(make_app: MakeApp) -> None:
    def broken_opener(dirs, cache_root, progress):
        raise OSError("disk on fire")

    app = make_app(opener=broken_opener)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "Could not open the index: OSError: disk on fire" in screen_text(app)
        await pilot.press("slash")
        await typed(pilot, "x")
        await pilot.press("l", "w", "enter")
        await settle(pilot)


async def test_recent_list_shows_viewed_cases_latest_first(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_case("lantern-channel")
        await settle(pilot)
        await pilot.press("escape")
        app.open_case("harbour-talks")
        await settle(pilot)
        await pilot.press("escape")
        screen = library(app)
        screen.query_one("#facet-list").value = "recent"  # type: ignore[attr-defined]
        await settle(pilot)
        assert [r.id for r in case_rows(screen)] == ["harbour-talks", "lantern-channel"]


async def test_an_unwritable_cache_is_said_once_and_search_still_works(
    make_app: MakeApp, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    app = make_app(cache_root=blocker)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.data.index is not None and app.data.index.notice
        assert app.notices == [app.data.index.notice]
        await pilot.press("slash", *"lantern")
        await settle(pilot)
        assert any(
            getattr(r, "case_id", "") == "lantern-channel" for r in library(app).results.rows
        )


async def test_country_facet_and_actor_box_filter_the_list_and_a_search(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        screen = library(app)
        rows = case_rows(screen)
        country = rows[0].countries[0]
        actor = rows[0].actors[0]
        screen.query_one("#facet-country").value = country  # type: ignore[attr-defined]
        await settle(pilot)
        assert screen.results.rows and all(country in r.countries for r in case_rows(screen))
        screen.query_one("#facet-country").clear()  # type: ignore[attr-defined]
        screen.query_one("#facet-actor").value = actor.split()[-1].upper()  # type: ignore[attr-defined]
        await settle(pilot)
        shown = case_rows(screen)
        assert shown and all(any(actor in a for a in r.actors) for r in shown)
        await pilot.press("slash")
        await typed(pilot, "channel")
        assert {getattr(r, "case_id", "") for r in screen.results.rows} <= {r.id for r in shown}


async def test_a_preview_of_the_highlighted_case_shows_when_there_is_room(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(150, 30)) as pilot:
        await settle(pilot)
        screen = library(app)
        second = case_rows(screen)[1]
        await pilot.press("j")
        await pilot.pause(0.3)
        text = " ".join(screen_text(app).split())
        assert screen.query_one("#preview").display
        assert "1 lesson · 1 challenge · 1 recommendation" in text  # counts, singular here
        assert f"{second.years} · Track" in text and "enter opens it" in text
    narrow = make_app()
    async with narrow.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not library(narrow).query_one("#preview").display


async def test_edited_case_files_reload_without_a_restart(
    make_app: MakeApp,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import tui.screens.library as library_module

    monkeypatch.setattr(library_module, "WATCH_EVERY", 0.2)
    folder = tmp_path / "mine"
    folder.mkdir()
    for path in FIXTURE_LIBRARY.glob("*.yaml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    app = make_app([LibraryDir(folder, "mine")], cache_root=tmp_path / "cache")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        lantern = folder / "lantern-channel.yaml"
        text = lantern.read_text(encoding="utf-8")
        lantern.write_text(
            text.replace("The Lantern Channel", "The Beacon Channel", 1), encoding="utf-8"
        )
        for _ in range(40):
            await pilot.pause(0.1)
            if "The Beacon Channel" in screen_text(app):
                break
        assert "The Beacon Channel" in screen_text(app)
        # A file broken while the explorer is open goes to the problems panel; the rest stays.
        lantern.write_text("id: lantern-channel\ntitle: [unclosed\n", encoding="utf-8")
        for _ in range(40):
            await pilot.pause(0.1)
            if "file(s) with problems" in screen_text(app) and "Beacon" not in screen_text(app):
                break
        text_now = screen_text(app)
        assert "Harbour Talks" in text_now and "Beacon" not in text_now
        assert any(p.path.endswith("lantern-channel.yaml") for p in app.data.problems)
