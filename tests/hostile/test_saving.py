"""A save never silently replaces another; saved state survives two explorers, crashes,
read-only folders and damaged files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefings import BriefingExists, save_briefing
from briefings.compose import compose_from_cases, slugify
from briefings.loader import user_dir
from cases.library import LibraryDir, load_library
from tests.conftest import run_cli
from tests.tui.conftest import FIXTURE_LIBRARY
from tests.tui.helpers import record_notifications, settle
from tui.state import STATE_FILE, TEMP_PREFIX, SavedState


def _lib():
    return load_library([LibraryDir(FIXTURE_LIBRARY, "fixtures")])


@pytest.mark.parametrize(
    ("a", "b"), [("和平对话", "Переговоры"), ("対話", "대화"), ("Ελλάδα", "Ελλάς")]
)
def test_non_latin_titles_get_distinct_ids(a: str, b: str) -> None:
    assert slugify(a) != slugify(b)
    assert slugify(a) == slugify(a)
    assert slugify("Réunion à Oslo") == "reunion-a-oslo"


def test_a_second_briefing_with_the_same_id_is_refused(isolated_user_folders: Path) -> None:
    lib = _lib()
    first = compose_from_cases(lib, ["harbour-talks"], title="Oslo lessons")
    second = compose_from_cases(lib, ["lantern-channel"], title="Oslo  lessons!")
    assert first.id == second.id
    path = save_briefing(first)
    before = path.read_text(encoding="utf-8")
    with pytest.raises(BriefingExists):
        save_briefing(second)
    assert path.read_text(encoding="utf-8") == before
    save_briefing(first)  # the same briefing again is fine
    save_briefing(second, replace=True)
    assert "lantern-channel" in path.read_text(encoding="utf-8")
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".briefing-")]


def test_cli_save_needs_force_to_replace(isolated_user_folders: Path) -> None:
    lib = str(FIXTURE_LIBRARY)
    args = ["--library", lib, "brief", "--title", "Same title", "--save", "--format", "text"]
    assert run_cli(*args, "--case", "harbour-talks").returncode == 0
    refused = run_cli(*args, "--case", "lantern-channel")
    assert refused.returncode == 1 and "--force" not in refused.stdout
    assert "holds another briefing" in refused.stderr
    saved = (user_dir() / "same-title.yaml").read_text(encoding="utf-8")
    assert "harbour-talks" in saved and "lantern-channel" not in saved
    assert run_cli(*args, "--case", "lantern-channel", "--force").returncode == 0
    assert "lantern-channel" in (user_dir() / "same-title.yaml").read_text(encoding="utf-8")


def test_cli_output_file_needs_force(tmp_path: Path) -> None:
    out = tmp_path / "b.md"
    out.write_text("mine", encoding="utf-8")
    args = ["--library", str(FIXTURE_LIBRARY), "brief", "--case", "harbour-talks", "-o", str(out)]
    refused = run_cli(*args)
    assert refused.returncode == 1 and out.read_text(encoding="utf-8") == "mine"
    assert run_cli(*args, "--force").returncode == 0
    assert out.read_text(encoding="utf-8") != "mine"


async def test_explorer_asks_before_replacing_a_saved_briefing(
    make_app, isolated_user_folders
) -> None:
    lib = _lib()
    other = compose_from_cases(lib, ["lantern-channel"], title="Harbour talks")
    path = save_briefing(other)
    before = path.read_text(encoding="utf-8")
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.saved.add_to_briefing("harbour-talks")
        app.saved.set_briefing_title("Harbour talks")
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == before
        assert any("Press s again" in m for m in seen)
        await pilot.press("s")
        await pilot.pause()
        assert "harbour-talks" in path.read_text(encoding="utf-8")


# The saved state -------------------------------------------------------------------------


def test_two_explorers_keep_each_others_changes(tmp_path: Path) -> None:
    a, b = SavedState(tmp_path), SavedState(tmp_path)
    a.toggle_bookmark("from-a")
    b.toggle_bookmark("from-b")
    a.viewed("seen-by-a")
    b.viewed("seen-by-b")
    b.add_to_briefing("x/y")
    a.set_theme("textual-light")
    fresh = SavedState(tmp_path).state
    assert set(fresh.bookmarks) == {"from-a", "from-b"}
    assert fresh.recent[:2] == ["seen-by-b", "seen-by-a"]
    assert fresh.briefing.refs == ["x/y"] and fresh.theme == "textual-light"


def test_a_failed_save_is_told_once_with_what_and_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    store = SavedState(tmp_path, on_failure=told.append)

    def refuse(*args: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(os, "replace", refuse)
    assert store.toggle_bookmark("oslo") is True
    store.toggle_bookmark("aceh")
    assert store.state.bookmarks == ["oslo", "aceh"]  # kept for this run
    assert len(told) == 1
    assert "bookmark of oslo" in told[0] and str(tmp_path) in told[0]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]


async def test_the_explorer_shows_a_failed_save(make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)

        def refuse(*args: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", refuse)
        app.add_to_briefing("harbour-talks", "Harbour talks")
        await pilot.pause()
        assert any("Could not save the working briefing" in m and "No space" in m for m in seen)


@pytest.mark.parametrize(
    ("content", "kept"),
    [
        (b"\xff\xfe{not utf8", False),
        (b"[" * 100_000 + b"]" * 100_000, False),
        (b"\xef\xbb\xbf" + json.dumps({"bookmarks": ["bom-case"]}).encode(), True),
    ],
    ids=["bad utf-8", "deep json", "byte-order mark"],
)
def test_a_damaged_state_file_is_set_aside(tmp_path: Path, content: bytes, kept: bool) -> None:
    (tmp_path / STATE_FILE).write_bytes(content)
    store = SavedState(tmp_path)
    if kept:
        assert store.state.bookmarks == ["bom-case"] and store.notice is None
    else:
        assert store.state.bookmarks == [] and "damaged" in (store.notice or "")
        assert (tmp_path / "tui-state.json.bad").read_bytes() == content


async def test_explorer_starts_on_a_damaged_state_file(make_app, isolated_user_folders) -> None:
    data = isolated_user_folders / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / STATE_FILE).write_bytes(b"\xff\xfe\x00garbage")
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert any("damaged" in m for m in seen)


def test_stale_temp_files_are_cleaned(tmp_path: Path) -> None:
    old = tmp_path / f"{TEMP_PREFIX}abc.json"
    old.write_text("{}", encoding="utf-8")
    os.utime(old, (1, 1))
    fresh = tmp_path / f"{TEMP_PREFIX}new.json"
    fresh.write_text("{}", encoding="utf-8")  # perhaps another explorer's save in flight
    SavedState(tmp_path)
    assert not old.exists() and fresh.exists()
