"""The working briefing: preview as `track2 brief` renders it, reorder, rename, save, export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from textual.pilot import Pilot
from textual.screen import Screen

from tests.tui.helpers import screen_text, settle
from tui.app import Track2App
from tui.screens.briefing import BriefingScreen
from tui.screens.case import CaseScreen
from tui.screens.dialogs import ExportDialog, PromptDialog

MakeApp = Callable[..., Track2App]


async def open_briefing(pilot: Pilot[int], *refs: str) -> BriefingScreen:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, Track2App)
    for ref in refs:
        app.saved.add_to_briefing(ref)
    await pilot.press("w")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, BriefingScreen)
    return screen


async def test_empty_briefing_explains_how_to_add(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_briefing(pilot)
        assert "Your working briefing is empty." in screen_text(app)
        await pilot.press("e", "s")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)


async def test_preview_is_what_the_briefing_renders(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_briefing(pilot, "harbour-talks/steady-funding", "lantern-channel")
        briefing, lib = screen.compose_briefing()
        from briefings import briefing_document
        from briefings.writers.rich_writer import render

        console = Console(width=200, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
        console.print(render(briefing_document(briefing, lib)))
        expected = console.export_text()
        text = screen_text(app)
        assert briefing.title in text
        assert "Executive summary" in expected and "Executive summary" in text
        assert "Steady funding keeps a channel alive" in text
        assert "2 parts" in text


async def test_reorder_remove_rename_and_open(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_briefing(
            pilot, "harbour-talks/steady-funding", "lantern-channel", "lantern-channel/leaks"
        )
        await pilot.press("J")
        assert screen.refs[:2] == ["lantern-channel", "harbour-talks/steady-funding"]
        await pilot.press("K")
        assert screen.refs[0] == "harbour-talks/steady-funding"
        await pilot.press("d")
        assert screen.refs == ["lantern-channel", "lantern-channel/leaks"]
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, PromptDialog)
        prompt = app.screen.query_one("#prompt-input")
        prompt.value = "Back channels for the [bold]delegation[/]"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert app.saved.state.briefing.title == "Back channels for the [bold]delegation[/]"
        assert "Back channels for the [bold]delegation[/]" in screen_text(app)
        await pilot.press("enter")  # opens the part under the cursor
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen) and app.screen.case_id == "lantern-channel"


async def open_export(pilot: Pilot[int]) -> Screen[object]:
    """Press e on the briefing screen and return the export dialog it opens."""
    await pilot.press("e")
    await settle(pilot)
    return pilot.app.screen


async def test_export_to_html_and_markdown_at_a_chosen_path(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_briefing(pilot, "harbour-talks")
        dialog = await open_export(pilot)
        assert isinstance(dialog, ExportDialog)
        target = tmp_path / "out" / "brief.html"
        target.parent.mkdir()
        dialog.query_one("#export-path").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
        html = target.read_text(encoding="utf-8")
        assert html.lstrip().lower().startswith("<!doctype html") and "Harbour Talks" in html
        dialog = await open_export(pilot)
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-format").value = "md"  # type: ignore[attr-defined]
        await settle(pilot)
        path_box = dialog.query_one("#export-path")
        assert path_box.value.endswith(".md")  # type: ignore[attr-defined]
        path_box.value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")  # the file exists: asked to press enter again
        await settle(pilot)
        assert "exists: press enter again" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert target.read_text(encoding="utf-8").split("\n\n")[1].startswith("# ")


async def test_export_to_a_missing_folder_reports_the_error(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_briefing(pilot, "harbour-talks")
        dialog = await open_export(pilot)
        dialog.query_one("#export-path").value = str(tmp_path / "nope" / "x.html")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        assert "Could not export" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, BriefingScreen)


async def test_save_writes_a_briefing_that_track2_brief_can_read(
    make_app: MakeApp, isolated_user_folders: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_briefing(pilot, "harbour-talks/steady-funding")
        await pilot.press("s")
        await settle(pilot)
        saved = list((isolated_user_folders / "data").rglob("*.yaml"))
        assert len(saved) == 1
        assert "harbour-talks/steady-funding" in saved[0].read_text(encoding="utf-8")


async def test_the_briefing_persists_between_runs(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("b")
    again = make_app()
    assert again.saved.state.briefing.refs == app.saved.state.briefing.refs != []


async def test_export_to_pdf_and_word_from_the_dialog(make_app: MakeApp, tmp_path: Path) -> None:
    from pypdf import PdfReader

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_briefing(pilot, "harbour-talks")
        for fmt, magic in (("pdf", b"%PDF"), ("docx", b"PK")):
            dialog = await open_export(pilot)
            assert isinstance(dialog, ExportDialog)
            dialog.query_one("#export-format").value = fmt  # type: ignore[attr-defined]
            await settle(pilot)
            path_box = dialog.query_one("#export-path")
            assert path_box.value.endswith(f".{fmt}")  # type: ignore[attr-defined]
            path_box.value = str(tmp_path / f"brief.{fmt}")  # type: ignore[attr-defined]
            await pilot.press("enter")
            await settle(pilot)
            assert (tmp_path / f"brief.{fmt}").read_bytes().startswith(magic)
        pages = PdfReader(str(tmp_path / "brief.pdf")).pages
        assert "Harbour Talks" in pages[0].extract_text()


async def test_the_short_brief_switch_changes_preview_and_export(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_briefing(pilot, "harbour-talks")
        await pilot.press("v")
        await settle(pilot)
        assert screen.short and "Points to make" in screen_text(app)
        dialog = await open_export(pilot)
        dialog.query_one("#export-format").value = "md"  # type: ignore[attr-defined]
        await settle(pilot)
        dialog.query_one("#export-path").value = str(tmp_path / "s.md")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert "## Points to make" in (tmp_path / "s.md").read_text(encoding="utf-8")


async def test_audience_and_purpose_can_be_set_and_are_kept(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_briefing(pilot, "harbour-talks")
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, PromptDialog)
        assert "enter: done" in screen_text(app) and "escape: cancel" in screen_text(app)
        await pilot.press(*"Fisheries officials", "enter")
        await pilot.press("u")
        await settle(pilot)
        await pilot.press(*"Prepare the spring round", "enter")
        await settle(pilot)
        briefing, _ = app.screen.compose_briefing()  # type: ignore[attr-defined]
        assert briefing.audience == "Fisheries officials"
        assert briefing.purpose == "Prepare the spring round"
        assert "Fisheries officials" in screen_text(app)
    assert app.saved.state.briefing.audience == "Fisheries officials"


async def test_saving_after_a_retitle_moves_the_file_but_never_one_changed_since(
    make_app: MakeApp, isolated_user_folders: Path
) -> None:
    folder = isolated_user_folders / "data" / "briefings"
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_briefing(pilot, "harbour-talks/steady-funding")
        await pilot.press("s")
        await settle(pilot)
        [first] = list(folder.glob("*.yaml"))
        app.saved.set_briefing_title("Harbour funding")
        await pilot.press("s")
        await settle(pilot)
        assert [p.name for p in folder.glob("*.yaml")] == ["harbour-funding.yaml"]
        assert not first.exists()
        # A file changed by someone else since it was saved is left alone.
        moved = folder / "harbour-funding.yaml"
        moved.write_text(moved.read_text(encoding="utf-8") + "# edited by hand\n", encoding="utf-8")
        app.saved.set_briefing_title("Harbour money")
        await pilot.press("s")
        await settle(pilot)
        assert sorted(p.name for p in folder.glob("*.yaml")) == [
            "harbour-funding.yaml",
            "harbour-money.yaml",
        ]
