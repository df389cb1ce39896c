"""The explorer over a library with files PyYAML cannot construct: it opens, lists the good
cases, names the bad file, and a case broken while the explorer runs opens as a message."""

from __future__ import annotations

from pathlib import Path

from cases.library import LibraryDir
from tests.tui.conftest import FIXTURE_LIBRARY
from tests.tui.helpers import screen_text, settle
from tui.screens.case import CaseScreen
from tui.screens.problems import ProblemsScreen

BAD_DATE = ('start: "2000"', "start: 2023-02-30")


async def test_library_opens_and_names_the_bad_file(make_app, write_case, tmp_path: Path) -> None:
    write_case("bad-date-case", lambda t: t.replace(*BAD_DATE))
    write_case("good-user-case")
    dirs = [LibraryDir(FIXTURE_LIBRARY, "fixtures"), LibraryDir(write_case.folder, "mine")]
    app = make_app(dirs, cache_root=tmp_path / "cache")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "could not be opened" not in text
        assert "Good user case" in text and "Harbour" in text
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        text = screen_text(app)
        assert "bad-date-case.yaml" in text and "not a real day" in text


async def test_a_case_broken_while_open_shows_why(make_app, write_case, tmp_path: Path) -> None:
    path = write_case("soon-broken")
    dirs = [LibraryDir(write_case.folder, "mine")]
    app = make_app(dirs, cache_root=tmp_path / "cache")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        path.write_text(path.read_text(encoding="utf-8").replace(*BAD_DATE), encoding="utf-8")
        app.open_case("soon-broken")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        text = screen_text(app)
        assert "could not be read" in text and "not a real day" in text
