"""PA-X agreements in the explorer: the case's Agreements part, the agreement screen, the Kind
filter and search as you type, with and without an import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from cases.library import LibraryDir
from cases.pax import write_store
from cases.pax_import import read_csv
from tests.tui.conftest import FIXTURE_LIBRARY
from tests.tui.helpers import hit_rows, screen_text, settle, typed
from tui.app import Track2App
from tui.screens.agreement import AgreementScreen
from tui.screens.case import CaseScreen
from tui.screens.library import LibraryScreen

MakeApp = Callable[..., Track2App]
FULL = Path(__file__).resolve().parents[1] / "fixtures" / "pax" / "pax-synthetic.csv"
AGREEMENTS = "\n".join(
    [
        "agreements:",
        "  - pax: 90002",
        "    name: Synthetic General Peace Agreement for Ruritania (test data)",
        '    date: "1992-10-04"',
        "    relation: outcome",
        "    note: What the harbour talks fed [@harbour-report].",
        "",
    ]
)


@pytest.fixture
def linked_dirs(tmp_path: Path) -> list[LibraryDir]:
    """The fixture library, with harbour-talks linking to the synthetic agreement 90002."""
    folder = tmp_path / "linked"
    folder.mkdir()
    for path in FIXTURE_LIBRARY.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if path.stem == "harbour-talks":
            text = text.replace(
                'last_reviewed: "2026-01-01"', AGREEMENTS + 'last_reviewed: "2026-01-01"'
            )
        (folder / path.name).write_text(text, encoding="utf-8")
    return [LibraryDir(folder, "fixtures")]


def words(app: Track2App) -> str:
    """The screen's text with every run of spaces and line ends made one space."""
    return " ".join(screen_text(app).split())


def import_fixture() -> None:
    result = read_csv(FULL)
    write_store(result.agreements, result.source(FULL))


async def open_agreements_part(pilot: Pilot[int]) -> CaseScreen:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, Track2App)
    app.open_case("harbour-talks")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CaseScreen)
    await pilot.press("0")
    await pilot.pause()
    return screen


async def test_without_an_import_the_part_lists_the_case_links_and_enter_says_how(
    make_app: MakeApp, linked_dirs: list[LibraryDir], tmp_path: Path
) -> None:
    app = make_app(linked_dirs, cache_root=tmp_path / "cache")
    async with app.run_test(size=(110, 32)) as pilot:
        await open_agreements_part(pilot)
        text = screen_text(app)
        assert "Synthetic General Peace Agreement for Ruritania" in text
        assert "outcome · PA-X 90002" in text
        assert "Ruritania peace process" not in text  # nothing imported: no PA-X details
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AgreementScreen)
        text = screen_text(app)
        assert "as the case records it" in text
        assert "track2 agreements import FILE.csv" in words(app)


async def test_with_an_import_the_part_adds_pax_facts_and_opens_the_record(
    make_app: MakeApp, linked_dirs: list[LibraryDir], tmp_path: Path
) -> None:
    import_fixture()
    app = make_app(linked_dirs, cache_root=tmp_path / "cache")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agreements_part(pilot)
        text = screen_text(app)
        assert "Ruritania peace process" in text and "provisions: Groups" in text
        assert "Badanjak" in text  # the credit, wherever PA-X data shows
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AgreementScreen)
        text = screen_text(app)
        assert "Government of Ruritania; Ruritanian National Resistance" in text
        assert "Framework-substantive, comprehensive" in text
        assert "level 1 of 3: Women, girls and gender" in text
        await pilot.press("b")
        await pilot.pause()
        assert app.saved.state.briefing.refs == ["agreement:90002"]
        await pilot.press("w")
        await settle(pilot)
        text = words(app)
        assert "Agreement Synthetic General" in text  # the part, labelled as an agreement
        assert "Briefing: peace agreements" in text
        assert "Framework-substantive, comprehensive" in text  # the preview prints it
        await pilot.press("escape")
        await settle(pilot)
        # The case that fed it is listed; enter on it opens the case.
        content = screen.query_one("#agreement-content")
        index = next(n for n, opens in enumerate(screen.linked_cases) if opens == "harbour-talks")
        content.highlighted = index  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen) and app.screen.case_id == "harbour-talks"


async def test_kind_filter_and_search_as_you_type_cover_agreements(
    make_app: MakeApp, tmp_path: Path
) -> None:
    import_fixture()
    app = make_app(cache_root=tmp_path / "cache")
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        screen.query_one("#facet-kind").value = "agreement"  # type: ignore[attr-defined]
        await settle(pilot)
        assert {r.kind for r in hit_rows(screen)} == {"agreement"}
        assert len(screen.results.rows) == 5
        await pilot.press("slash")
        await typed(pilot, "graustark")
        assert {r.ref for r in hit_rows(screen)} == {"agreement:90004", "agreement:90005"}
        assert "Agrmt." in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AgreementScreen)


async def test_kind_agreements_without_an_import_says_how_to_import(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app(cache_root=tmp_path / "cache")
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        screen.query_one("#facet-kind").value = "agreement"  # type: ignore[attr-defined]
        await settle(pilot)
        assert screen.results.rows == []
        assert "track2 agreements import FILE.csv" in words(app)


async def test_the_part_offers_agreements_of_the_cases_countries_and_years(
    make_app: MakeApp, tmp_path: Path
) -> None:
    from cases.pax import Agreement

    near = Agreement(id=7001, name="Synthetic harbour accord", date="2001-05-02", countries=["CN"])
    far = Agreement(id=7002, name="Synthetic later accord", date="2015-01-01", countries=["CN"])
    write_store([near, far], {})
    app = make_app(cache_root=tmp_path / "cache")
    async with app.run_test(size=(110, 32)) as pilot:
        screen = await open_agreements_part(pilot)
        text = words(app)
        assert "Also in PA-X for the case's countries and years" in text
        assert "Synthetic harbour accord" in text and "Synthetic later accord" not in text
        entry = next(
            n
            for n, e in enumerate(screen.tabs[screen.tab_index].entries)
            if e.opens == "agreement:7001"
        )
        screen.content.highlighted = entry
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AgreementScreen) and "Synthetic harbour accord" in words(app)
