"""What the explorer remembers between runs: bookmarks, recently viewed cases, the working
briefing and the theme, kept as one JSON file in the user data folder.

The file is small. Every change is applied, under a lock, to the file as it is on disk at that
moment and written back whole (to a temporary file, synced, then renamed): two explorers open
at once keep each other's bookmarks and recent cases, and a crash never leaves half a file.
A file that cannot be read is set aside with a notice, never fatal; a write that fails is
reported once, saying what was not saved and where.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cases.paths import user_data_dir

STATE_FILE = "tui-state.json"
LOCK_FILE = ".tui-state.lock"
TEMP_PREFIX = ".tui-state-"
STALE_TEMP_SECONDS = 60.0
RECENT_MAX = 20


@dataclass
class WorkingBriefing:
    """The briefing being built in the explorer: a title and refs ("case" or "case/item").

    An empty title lets the briefing composer choose one from what the briefing holds.
    """

    title: str = ""
    refs: list[str] = field(default_factory=list)
    audience: str = ""
    """Who it is for (blank: the composer's default audience)."""
    purpose: str = ""
    """What it is for (blank: the composer's default purpose)."""
    saved_as: str = ""
    """The id it was last saved under: a save under a new title replaces that file."""
    saved_sha: str = ""
    """The SHA-256 of what that save wrote: the old file is removed only if still so."""


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
        briefing=WorkingBriefing(
            title or "",
            _strings(brief.get("refs")),
            *(
                v if isinstance(v := brief.get(k), str) else ""
                for k in ("audience", "purpose", "saved_as", "saved_sha")
            ),
        ),
        theme=theme if isinstance(theme, str) else None,
    )


class SavedState:
    """The saved state: read at start, and changed one merged step at a time."""

    def __init__(
        self, folder: Path | None = None, on_failure: Callable[[str], None] | None = None
    ) -> None:
        self.folder = folder if folder is not None else user_data_dir()
        self.path = self.folder / STATE_FILE
        self.notice: str | None = None
        """Set when the saved state could not be read or written (shown to the user once)."""
        self.on_failure = on_failure
        """Called with a sentence when a change could not be saved (the app shows it)."""
        self._told: set[str] = set()
        self._clean_stale_temps()
        self.state = self._read()

    # Reading ------------------------------------------------------------------------------

    def _read(self) -> State:
        """The saved state at start-up; a problem becomes ``notice`` and a fresh state."""
        try:
            return self._read_disk()
        except OSError as exc:
            self.notice = f"could not read {self.path}: {exc.strerror}"
            return State()

    def _read_disk(self) -> State:
        """The state on disk now; raises OSError when the file exists but cannot be read."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return State()
        try:
            return _from_json(json.loads(raw.decode("utf-8-sig")))
        except (ValueError, RecursionError):
            # Bad JSON, bad UTF-8 or absurd nesting: keep the file for the curious, start afresh.
            bad = self.path.with_suffix(".json.bad")
            self.notice = f"{self.path} was damaged; it was renamed to {bad.name}"
            with contextlib.suppress(OSError):
                self.path.replace(bad)
            return State()

    def _clean_stale_temps(self) -> None:
        """Remove temporary files left by a process killed while saving."""
        cutoff = time.time() - STALE_TEMP_SECONDS
        with contextlib.suppress(OSError):
            for tmp in self.folder.glob(TEMP_PREFIX + "*.json"):
                with contextlib.suppress(OSError):
                    if tmp.stat().st_mtime < cutoff:
                        tmp.unlink()

    # Writing ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the state lock (a no-op where fcntl is missing)."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            yield
            return
        fd = os.open(self.folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def _change(self, what: str, apply: Callable[[State], None]) -> bool:
        """Apply ``apply`` to the latest saved state and save it; False when saving failed.

        ``what`` names the change for the user ("your bookmark of oslo-back-channel").
        Whatever happens, ``apply`` also changes the state in memory, so the explorer shows it.
        """
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with self._locked():
                fresh = self._read_disk()
                apply(fresh)
                self._write(fresh)
                self.state = fresh
            return True
        except OSError as exc:
            apply(self.state)
            reason = exc.strerror or str(exc)
            message = f"Could not save {what} to {self.path}: {reason}. It lasts until you quit."
            self.notice = message
            # Once per kind of failure: a read-only folder would otherwise say so on every key.
            if self.on_failure is not None and reason not in self._told:
                self._told.add(reason)
                self.on_failure(message)
            return False

    def _write(self, state: State) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=TEMP_PREFIX, suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(asdict(state), out, indent=2)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

    def save(self) -> None:
        """Write the whole state as it is in memory (merging nothing); failures as notices."""
        snapshot = self.state

        def overwrite(fresh: State) -> None:
            fresh.bookmarks, fresh.recent = snapshot.bookmarks, snapshot.recent
            fresh.briefing, fresh.theme = snapshot.briefing, snapshot.theme

        self._change("the explorer's state", overwrite)

    # Changes ------------------------------------------------------------------------------

    def toggle_bookmark(self, case_id: str) -> bool:
        """Add or remove a bookmark; True when the case is now bookmarked."""
        added = case_id not in self.state.bookmarks

        def apply(state: State) -> None:
            if added and case_id not in state.bookmarks:
                state.bookmarks.append(case_id)
            elif not added and case_id in state.bookmarks:
                state.bookmarks.remove(case_id)

        self._change(f"your bookmark of {case_id}", apply)
        return added

    def viewed(self, case_id: str) -> None:
        """Put a case first in the recently viewed list."""

        def apply(state: State) -> None:
            rest = [c for c in state.recent if c != case_id]
            state.recent = [case_id, *rest][:RECENT_MAX]

        self._change("the recently viewed list", apply)

    def add_to_briefing(self, ref: str) -> bool:
        """Add a ref to the working briefing; False when it was already there."""
        if ref in self.state.briefing.refs:
            return False

        def apply(state: State) -> None:
            if ref not in state.briefing.refs:
                state.briefing.refs.append(ref)

        self._change("the working briefing", apply)
        return True

    def remove_from_briefing(self, ref: str) -> None:
        """Drop a ref from the working briefing."""

        def apply(state: State) -> None:
            if ref in state.briefing.refs:
                state.briefing.refs.remove(ref)

        self._change("the working briefing", apply)

    def move_in_briefing(self, ref: str, step: int) -> int:
        """Move a ref up (-1) or down (+1); return its new position."""

        def apply(state: State) -> None:
            refs = state.briefing.refs
            if ref in refs:
                i = refs.index(ref)
                j = max(0, min(len(refs) - 1, i + step))
                refs[i], refs[j] = refs[j], refs[i]

        self._change("the working briefing", apply)
        refs = self.state.briefing.refs
        return refs.index(ref) if ref in refs else 0

    def set_briefing_title(self, title: str) -> None:
        """Rename the working briefing (blank: let the composer choose a title)."""

        def apply(state: State) -> None:
            state.briefing.title = title.strip()

        self._change("the briefing's title", apply)

    def set_briefing_field(self, name: str, value: str) -> None:
        """Set the working briefing's ``audience`` or ``purpose`` (blank: the default)."""
        if name not in ("audience", "purpose"):
            raise ValueError(name)

        def apply(state: State) -> None:
            setattr(state.briefing, name, value.strip())

        self._change(f"the briefing's {name}", apply)

    def briefing_saved(self, briefing_id: str, sha256: str) -> None:
        """Remember where the working briefing was saved, and what was written."""

        def apply(state: State) -> None:
            state.briefing.saved_as, state.briefing.saved_sha = briefing_id, sha256

        self._change("where the briefing was saved", apply)

    def clear_briefing(self) -> None:
        """Start a new, empty working briefing."""

        def apply(state: State) -> None:
            state.briefing = WorkingBriefing()

        self._change("the new briefing", apply)

    def set_theme(self, theme: str) -> None:
        """Remember the chosen theme."""

        def apply(state: State) -> None:
            state.theme = theme

        self._change("the theme", apply)
