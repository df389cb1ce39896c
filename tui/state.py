"""What the explorer remembers between runs: bookmarks, recently viewed cases, the working
briefing and the theme, kept as one JSON file in the user data folder.

The file is small and written whole (to a temporary file, then renamed) after every change, so
a crash never leaves half a file; a file that cannot be read is set aside, never fatal.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cases.paths import user_data_dir

STATE_FILE = "tui-state.json"
RECENT_MAX = 20


@dataclass
class WorkingBriefing:
    """The briefing being built in the explorer: a title and refs ("case" or "case/item").

    An empty title lets the briefing composer choose one from what the briefing holds.
    """

    title: str = ""
    refs: list[str] = field(default_factory=list)


@dataclass
class State:
    """Everything the explorer persists."""

    bookmarks: list[str] = field(default_factory=list)
    recent: list[str] = field(default_factory=list)
    briefing: WorkingBriefing = field(default_factory=WorkingBriefing)
    theme: str | None = None


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _from_json(data: Any) -> State:
    if not isinstance(data, dict):
        return State()
    raw = data.get("briefing")
    brief: dict[str, Any] = raw if isinstance(raw, dict) else {}
    title = brief.get("title") if isinstance(brief.get("title"), str) else None
    theme = data.get("theme")
    return State(
        bookmarks=_strings(data.get("bookmarks")),
        recent=_strings(data.get("recent"))[:RECENT_MAX],
        briefing=WorkingBriefing(title or "", _strings(brief.get("refs"))),
        theme=theme if isinstance(theme, str) else None,
    )


class StateStore:
    """Reads the state once and writes it back after each change."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else user_data_dir()
        self.path = self.folder / STATE_FILE
        self.notice: str | None = None
        """Set when the saved state could not be read or written (shown to the user once)."""
        self.state = self._read()

    def _read(self) -> State:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return State()
        except OSError as exc:
            self.notice = f"could not read {self.path}: {exc.strerror}"
            return State()
        try:
            return _from_json(json.loads(text))
        except ValueError:
            # Keep the damaged file for the curious, start afresh.
            self.notice = f"{self.path} was damaged; it was renamed to {STATE_FILE}.bad"
            with contextlib.suppress(OSError):
                self.path.replace(self.path.with_suffix(".json.bad"))
            return State()

    def save(self) -> None:
        """Write the state; a failure becomes ``notice`` rather than an exception."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tui-state-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(asdict(self.state), out, indent=2)
            os.replace(tmp, self.path)
        except OSError as exc:
            self.notice = f"could not save {self.path}: {exc.strerror or exc}"

    def toggle_bookmark(self, case_id: str) -> bool:
        """Add or remove a bookmark; True when the case is now bookmarked."""
        marks = self.state.bookmarks
        if case_id in marks:
            marks.remove(case_id)
            added = False
        else:
            marks.append(case_id)
            added = True
        self.save()
        return added

    def viewed(self, case_id: str) -> None:
        """Put a case first in the recently viewed list."""
        recent = [c for c in self.state.recent if c != case_id]
        self.state.recent = [case_id, *recent][:RECENT_MAX]
        self.save()

    def add_to_briefing(self, ref: str) -> bool:
        """Add a ref to the working briefing; False when it was already there."""
        refs = self.state.briefing.refs
        if ref in refs:
            return False
        refs.append(ref)
        self.save()
        return True

    def remove_from_briefing(self, ref: str) -> None:
        """Drop a ref from the working briefing."""
        if ref in self.state.briefing.refs:
            self.state.briefing.refs.remove(ref)
            self.save()

    def move_in_briefing(self, ref: str, step: int) -> int:
        """Move a ref up (-1) or down (+1); return its new position."""
        refs = self.state.briefing.refs
        i = refs.index(ref)
        j = max(0, min(len(refs) - 1, i + step))
        refs[i], refs[j] = refs[j], refs[i]
        self.save()
        return j

    def set_briefing_title(self, title: str) -> None:
        """Rename the working briefing (blank: let the composer choose a title)."""
        self.state.briefing.title = title.strip()
        self.save()

    def clear_briefing(self) -> None:
        """Start a new, empty working briefing."""
        self.state.briefing = WorkingBriefing()
        self.save()

    def set_theme(self, theme: str) -> None:
        """Remember the chosen theme."""
        self.state.theme = theme
        self.save()
