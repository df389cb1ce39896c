"""The lessons explorer: every item across cases, grouped, filtered, searchable, opens cases."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from tests.tui.helpers import screen_text, settle
from tui.app import Track2App
from tui.screens.case import CaseScreen
from tui.screens.lessons import LessonsScreen
from tui.widgets.rows import GroupHeader

MakeApp = Callable[..., Track2App]


async def open_lessons(pilot: Pilot[int]) -> LessonsScreen:
    await settle(pilot)
    await pilot.press("l")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, LessonsScreen)
    return screen


def headers(screen: LessonsScreen) -> list[str]:
    return [r.title for r in screen.items_list.rows if isinstance(r, GroupHeader)]


def items(screen: LessonsScreen) -> list[str]:
    return [r.ref for r in screen.items_list.rows if not isinstance(r, GroupHeader)]


async def test_lists_every_item_grouped_by_kind(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_lessons(pilot)
        assert headers(screen) == ["Lessons", "Challenges", "Recommendations"]
        assert len(items(screen)) == 8
        text = screen_text(app)
        assert "8 items" in text
        assert "Steady funding keeps a channel alive" in text
        assert "Harbour Talks: a fictional maritime dialogue" in text


async def test_filters_by_kind_and_tag_and_groups_by_tag_or_case(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_lessons(pilot)
        screen.query_one("#lessons-kind").value = "recommendation"  # type: ignore[attr-defined]
        await settle(pilot)
        assert sorted(items(screen)) == [
            "harbour-talks/many-funders",
            "lantern-channel/close-cleanly",
        ]
        screen.query_one("#lessons-kind").clear()  # type: ignore[attr-defined]
        screen.query_one("#lessons-tag").value = "trust-building"  # type: ignore[attr-defined]
        await settle(pilot)
        assert sorted(items(screen)) == [
            "harbour-talks/fishermen-first",
            "lantern-channel/trusted-messengers",
            "markup-trap/literal-lesson",
        ]
        screen.query_one("#lessons-tag").clear()  # type: ignore[attr-defined]
        screen.query_one("#lessons-group").value = "tag"  # type: ignore[attr-defined]
        await settle(pilot)
        assert "Trust-building" in headers(screen)
        assert "Continuity of channels" in headers(screen)
        screen.query_one("#lessons-group").value = "case"  # type: ignore[attr-defined]
        await settle(pilot)
        assert "The Lantern Channel: a fictional back channel" in headers(screen)


async def test_search_narrows_the_items_and_enter_opens_the_case_there(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_lessons(pilot)
        await pilot.press("slash", *"leak")
        await settle(pilot)
        assert items(screen) == ["lantern-channel/leaks"]
        await pilot.press("enter")  # to the list, past the group header
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        entry = app.screen.current_entry()
        assert entry is not None and entry.ref == "lantern-channel/leaks"
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("escape")  # clears the search first
        await settle(pilot)
        assert app.screen is screen and len(items(screen)) == 8
        await pilot.press("escape")
        assert not isinstance(app.screen, LessonsScreen)


async def test_b_adds_the_highlighted_item(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_lessons(pilot)
        await pilot.press("b")  # on a group header: nothing
        assert app.saved.state.briefing.refs == []
        await pilot.press("j", "b")
        assert app.saved.state.briefing.refs == [items(screen)[0]]


async def test_e_exports_the_items_on_show_to_csv_and_markdown(
    make_app: MakeApp, tmp_path: Path
) -> None:
    import csv

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_lessons(pilot)
        await pilot.press("slash")
        for key in "funding":
            await pilot.press(key)
        await settle(pilot)
        screen.items_list.focus()  # out of the search box, where e is a letter
        await pilot.pause()
        await pilot.press("e")
        await settle(pilot)
        target = tmp_path / "lessons.csv"
        box = app.screen.query_one("#export-path")
        box.value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        rows = list(csv.DictReader(target.open(encoding="utf-8")))
        assert rows and {r["ref"] for r in rows} <= {h.ref for h in screen.all_items}
        assert all("fund" in (r["title"] + r["text"]).lower() for r in rows)
        # The whole text of each item, not the snippet around the match.
        full = {h.ref: "".join(s.text for s in h.snippet) for h in screen.all_items}
        assert all(r["text"] == full[r["ref"]] for r in rows)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#export-format").value = "md"  # type: ignore[attr-defined]
        await settle(pilot)
        md = tmp_path / "lessons.md"
        app.screen.query_one("#export-path").value = str(md)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert md.read_text(encoding="utf-8").startswith("# Lessons: funding")
