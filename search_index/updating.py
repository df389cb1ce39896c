"""Bring an index up to date with the library: re-read only what changed, then re-index it.

Shared by the first build (an empty manifest: everything is new) and by every later update.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cases.dirs import LibraryDir
from search_index.documents import documents
from search_index.extras import EXTRAS
from search_index.manifest import FileEntry, Manifest, Seen, dir_list, scan, sha256_of
from search_index.model import UpdateStats

if TYPE_CHECKING:
    # The case model (pydantic) is imported only when a file has to be read again, so a
    # search over an index that is current never loads it.
    from cases.model import Case

Progress = Callable[[int, int], None]


@dataclass
class Plan:
    """What an update will do: the new file table, the cases to (re)index and to drop."""

    files: dict[str, FileEntry]
    indexed: dict[str, str]
    """Case id -> path of the file that provides it, after the update."""
    to_index: list[str] = field(default_factory=list)
    to_remove: list[str] = field(default_factory=list)
    added: int = 0
    parsed: dict[str, Case] = field(default_factory=dict)
    stat_changed: int = 0
    """How many files had to be read (progress counts them, then the cases indexed)."""
    extras: dict[str, list[int] | None] = field(default_factory=dict)
    """Signatures of the extra sources after the update."""
    extras_changed: list[str] = field(default_factory=list)
    """Kinds of extra documents to index again."""

    @property
    def empty(self) -> bool:
        """True when the index already matches the library."""
        return not self.to_index and not self.to_remove and not self.extras_changed


def _plan_extras(manifest: Manifest, plan: Plan, dirs: list[LibraryDir]) -> Plan:
    for extra in EXTRAS:
        sig = extra.signature(dirs)
        plan.extras[extra.kind] = sig
        if manifest.extras.get(extra.kind, "unseen") != sig:
            plan.extras_changed.append(extra.kind)
    return plan


def _entry(seen: Seen, old: FileEntry | None, parsed: dict[str, Case]) -> tuple[FileEntry, bool]:
    """The file's entry, and whether its content is new (it had to be parsed)."""
    key = seen.path
    if old and (old.size, old.mtime_ns, old.label) == (seen.size, seen.mtime_ns, seen.label):
        return old, False
    try:
        raw = Path(seen.path).read_bytes()
    except OSError as exc:
        problem = {
            "path": key,
            "line": 0,
            "column": 0,
            "field": "",
            "message": f"cannot read: {exc.strerror}",
        }
        return FileEntry(key, seen.label, seen.size, seen.mtime_ns, "", False, [problem]), True
    digest = sha256_of(raw)
    if old and old.sha256 == digest and old.label == seen.label:
        # Touched, not edited: remember the new mtime and skip the parse.
        return old._replace(size=seen.size, mtime_ns=seen.mtime_ns), False
    from cases.loader import load_case

    loaded = load_case(Path(seen.path), key, seen.label)
    if loaded.value is not None:
        parsed[key] = loaded.value
    entry = FileEntry(
        key,
        seen.label,
        seen.size,
        seen.mtime_ns,
        digest,
        loaded.value is not None,
        [p.as_dict() for p in loaded.problems],
    )
    return entry, True


def plan_update(manifest: Manifest, dirs: list[LibraryDir], progress: Progress | None) -> Plan:
    """Compare the library with the manifest; parse new and changed files (with progress)."""
    seen = scan(dirs)
    parsed: dict[str, Case] = {}
    files: dict[str, FileEntry] = {}
    fresh: set[str] = set()
    changed = [s for s in seen if not _same_stat(manifest.files.get(s.path), s)]
    if not changed and len(seen) == len(manifest.files):
        # The common case on open: every file as it was. Nothing to read, nothing to index.
        return _plan_extras(
            manifest, Plan(files=dict(manifest.files), indexed=dict(manifest.indexed)), dirs
        )
    todo = len(changed)
    changed_paths = {s.path for s in changed}
    done = 0
    for s in seen:
        entry, new = _entry(s, manifest.files.get(s.path), parsed)
        files[entry.path] = entry
        if new:
            fresh.add(entry.path)
        if s.path in changed_paths:
            done += 1
            if progress:
                progress(done, todo * 2)
    indexed: dict[str, str] = {}
    for entry in files.values():
        if entry.ok:
            indexed[entry.case_id] = entry.path  # later folders win, as in the library
    plan = Plan(files=files, indexed=indexed, parsed=parsed, stat_changed=todo)
    for case_id, path in indexed.items():
        if manifest.indexed.get(case_id) != path or path in fresh:
            plan.to_index.append(case_id)
            if case_id not in manifest.indexed:
                plan.added += 1
    plan.to_remove = [c for c in manifest.indexed if c not in indexed]
    return _plan_extras(manifest, plan, dirs)


def _same_stat(old: FileEntry | None, s: Seen) -> bool:
    return old is not None and (old.size, old.mtime_ns, old.label) == (s.size, s.mtime_ns, s.label)


def apply_plan(
    writer: Any, plan: Plan, progress: Progress | None, offset: int = 0, total: int = 0
) -> None:
    """Delete the documents of changed and removed cases, then add the new ones."""
    for case_id in plan.to_index + plan.to_remove:
        writer.delete_by_term("case_id", case_id)
    labels = {entry.path: entry.label for entry in plan.files.values()}
    for n, case_id in enumerate(plan.to_index, 1):
        path = plan.indexed[case_id]
        case = plan.parsed.get(path)
        if case is None:
            # A file that was shadowed and now provides the case again: unchanged, not parsed.
            from cases.loader import load_case

            loaded = load_case(Path(path), path, labels[path])
            case = loaded.value
        if case is not None:
            for doc in documents(case, labels[path]):
                writer.add_document(**doc)
        if progress:
            progress(offset + n, max(total, offset + n))
    for extra in EXTRAS:
        if extra.kind in plan.extras_changed:
            writer.delete_by_term("kind", extra.kind)
            if plan.extras.get(extra.kind) is not None:
                for doc in extra.documents(extra.path()):
                    writer.add_document(**doc)


def run_update(
    manifest: Manifest,
    dirs: list[LibraryDir],
    writer_factory: Callable[[int], Any],
    progress: Progress | None,
) -> tuple[Manifest, UpdateStats]:
    """Plan and apply an update; returns the new manifest (not yet written) and the stats."""
    started = time.perf_counter()
    plan = plan_update(manifest, dirs, progress)
    new = Manifest(dirs=dir_list(dirs), files=plan.files, indexed=plan.indexed, extras=plan.extras)
    if not plan.empty:
        writer = writer_factory(len(plan.to_index))
        try:
            read = plan.stat_changed
            apply_plan(writer, plan, progress, read, read + len(plan.to_index))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
    stats = UpdateStats(
        added=plan.added,
        changed=len(plan.to_index) - plan.added,
        removed=len(plan.to_remove),
        seconds=time.perf_counter() - started,
        extras=tuple(plan.extras_changed),
    )
    return new, stats


def manifest_changed(old: Manifest, new: Manifest) -> bool:
    """True when the manifest must be written again (files seen, touched, added or gone)."""
    if old.indexed != new.indexed or old.files.keys() != new.files.keys():
        return True
    if old.extras != new.extras:
        return True
    return any(
        (o.size, o.mtime_ns) != (n.size, n.mtime_ns)
        for o, n in zip(old.files.values(), new.files.values(), strict=True)
    )
