"""What the explorer remembers: bookmarks, recent cases, the working briefing, the theme."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.state import RECENT_MAX, STATE_FILE, SavedState


def test_state_round_trips_through_the_user_data_folder(isolated_user_folders: Path) -> None:
    store = SavedState()
    assert store.path == isolated_user_folders / "data" / STATE_FILE
    store.toggle_bookmark("a")
    store.viewed("b")
    store.viewed("c")
    store.viewed("b")
    assert store.add_to_briefing("a/x")
    assert not store.add_to_briefing("a/x")
    store.add_to_briefing("c")
    store.move_in_briefing("c", -1)
    store.set_briefing_title("  My brief ")
    store.set_theme("textual-light")
    again = SavedState().state
    assert again.bookmarks == ["a"]
    assert again.recent == ["b", "c"]
    assert again.briefing.refs == ["c", "a/x"]
    assert again.briefing.title == "My brief"
    assert again.theme == "textual-light"
    store.toggle_bookmark("a")
    store.remove_from_briefing("c")
    store.clear_briefing()
    assert SavedState().state.bookmarks == []
    assert SavedState().state.briefing.refs == []


def test_recent_keeps_the_latest_few(tmp_path: Path) -> None:
    store = SavedState(tmp_path)
    for n in range(RECENT_MAX + 5):
        store.viewed(f"case-{n}")
    assert len(store.state.recent) == RECENT_MAX
    assert store.state.recent[0] == f"case-{RECENT_MAX + 4}"


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"bookmarks": "oops", "recent": [1]}'])
def test_a_damaged_state_file_never_stops_the_app(tmp_path: Path, content: str) -> None:
    (tmp_path / STATE_FILE).write_text(content, encoding="utf-8")
    store = SavedState(tmp_path)
    assert store.state.bookmarks == [] and store.state.recent == []
    if content.startswith("{not"):
        assert store.notice and "damaged" in store.notice
        assert (tmp_path / (STATE_FILE + ".bad")).exists()


def test_a_folder_that_is_a_file_becomes_a_notice(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    store = SavedState(blocker / "data")
    store.toggle_bookmark("a")
    assert store.notice and "could not save" in store.notice.lower()
    assert store.state.bookmarks == ["a"]  # still remembered for this run


def test_the_file_is_plain_json(tmp_path: Path) -> None:
    store = SavedState(tmp_path)
    store.toggle_bookmark("x")
    data = json.loads((tmp_path / STATE_FILE).read_text(encoding="utf-8"))
    assert data["bookmarks"] == ["x"]
