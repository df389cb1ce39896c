"""Where the index lives and how it is opened, checked, built, swapped in and updated.

Layout, under ``<cache>/index/<key>/`` (the key is a hash of the library folders)::

    lock                 flock()ed by whoever opens, builds or updates the index
    current/             the live Whoosh index and its manifest
    build-<pid>-<hex>/   a full build in progress (left behind by a killed build: deleted)

A full build is written beside the live index and renamed into place only when complete, so
a build killed at any moment leaves the previous index (or none) and never half of one. The
first index of a layered library (the curated cases and a folder of one's own) starts from a
copy of the index of the folders beneath it, when that one is current: only the new folder's
files are read and indexed, not the whole library again. An incremental update commits in
place: Whoosh's commit is atomic (a new table of contents), and the manifest is replaced
after it, so a kill in between only makes the next update redo some work. The manifest also
records the size and mtime of every index file; if they differ on open, the files were
changed behind our back and the index is rebuilt, not trusted.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import RamStorage
from whoosh.searching import Searcher

from cases.dirs import LibraryDir
from search_index.locking import IndexLock
from search_index.manifest import (
    Manifest,
    dir_list,
    index_file_stats,
    read_manifest,
    write_manifest,
)
from search_index.model import UpdateStats
from search_index.schema import build_schema
from search_index.updating import Progress, manifest_changed, run_update

CURRENT = "current"
LOCK_WAIT = 120.0
"""Seconds to wait for another process that is building or updating the index."""
# Segments stay as separate files: Whoosh copies each part of a compound segment into
# memory when it opens it (150 MB and 60 ms at 10,000 cases, on every start).
LIMIT_MB = 256
"""Memory for postings before Whoosh spills them to disk: enough for ~2,000 cases."""


@dataclass
class Store:
    """An open index: the Whoosh index, its manifest, and its folder (None: in memory)."""

    ix: Any
    manifest: Manifest
    folder: Path | None
    reader: Any = None
    """The reader that checked the index on open, kept for the first searcher (None once
    used, or when the index changed since)."""

    @property
    def in_memory(self) -> bool:
        """True when the index is not on disk."""
        return self.folder is None

    def drop_reader(self) -> None:
        """Close the reader kept from opening."""
        if self.reader is not None:
            self.reader.close()
            self.reader = None

    def searcher(self) -> Any:
        """A searcher, on the reader kept from opening when there is one."""
        if self.reader is not None:
            reader, self.reader = self.reader, None
            return Searcher(reader, fromindex=self.ix)
        return self.ix.searcher()


def _key(dirs: list[LibraryDir]) -> str:
    return hashlib.sha256(repr(dir_list(dirs)).encode("utf-8")).hexdigest()[:16]


def index_home(dirs: list[LibraryDir], cache_root: Path) -> Path:
    """The folder of the index for this set of library folders."""
    return cache_root / "index" / _key(dirs)


def _writer_factory(ix: Any, disk: bool) -> Callable[[int], Any]:
    # One writer in this process, never Whoosh's multiprocess writer: its forked children
    # outlived a killed parent, kept the inherited index lock and stalled every later search,
    # and two of them gained only about 6% on this 2-core machine.
    def make(count: int) -> Any:
        return ix.writer(limitmb=LIMIT_MB, compound=False)

    return make


def build_in_memory(dirs: list[LibraryDir], progress: Progress | None) -> tuple[Store, UpdateStats]:
    """A complete index in RAM (the cache folder could not be written)."""
    ix = RamStorage().create_index(build_schema())
    manifest, stats = run_update(Manifest(), dirs, _writer_factory(ix, False), progress)
    return Store(ix, manifest, None), replace_rebuilt(stats, len(manifest.indexed))


def replace_rebuilt(stats: UpdateStats, indexed: int) -> UpdateStats:
    """The stats of a full build of ``indexed`` cases (a new index: every case is added,
    even those copied from the index beneath it)."""
    return UpdateStats(indexed, 0, 0, stats.seconds, rebuilt=True, extras=stats.extras)


def copy_lower_index(home: Path, dirs: list[LibraryDir], build: Path) -> Manifest | None:
    """Copy into ``build`` the live index of the most of ``dirs``' first folders that has one.

    Returns its manifest, or None when no such index is current (nothing is left in
    ``build`` then). No lock is taken on the other index: index files are written once and
    never changed in place, so a copy whose every file has the size and mtime that index's
    manifest records is that index exactly; any other copy (an update ran meanwhile, a file
    was damaged) is discarded.
    """
    for count in range(len(dirs) - 1, 0, -1):
        lower = dirs[:count]
        folder = home.parent / _key(lower) / CURRENT
        manifest = read_manifest(folder)
        if manifest is None or not manifest.compatible(lower):
            continue
        try:
            for name in manifest.index_files:
                shutil.copy2(folder / name, build / name)
            if index_file_stats(build) == manifest.index_files:
                return manifest
        except OSError:
            pass
        for child in build.iterdir():
            child.unlink()
        return None
    return None


def open_current(home: Path, dirs: list[LibraryDir]) -> Store | None:
    """The live index if it is complete, untouched and built for these folders; else None."""
    folder = home / CURRENT
    manifest = read_manifest(folder)
    if manifest is None or not manifest.compatible(dirs):
        return None
    try:
        if index_file_stats(folder) != manifest.index_files:
            return None
        ix = whoosh_index.open_dir(str(folder), schema=build_schema())
        # Opening a reader parses the table of contents and every segment's header.
        reader = ix.reader()
    except Exception:  # noqa: BLE001 - any failure to read the index means: rebuild it
        return None
    return Store(ix, manifest, folder, reader)


def clean_leftovers(home: Path) -> None:
    """Remove builds and old indexes left by killed processes (call with the lock held)."""
    for child in home.iterdir():
        if child.is_dir() and child.name.startswith(("build-", "old-")):
            shutil.rmtree(child, ignore_errors=True)


def full_build(
    home: Path, dirs: list[LibraryDir], progress: Progress | None, layered: bool = True
) -> tuple[Store, UpdateStats]:
    """Build a new index beside the live one and swap it in (call with the lock held).

    With ``layered``, start from the index of the folders beneath the last one if it is
    current (see :func:`copy_lower_index`); without, read every file afresh.
    """
    clean_leftovers(home)
    token = f"{os.getpid()}-{secrets.token_hex(4)}"
    build = home / f"build-{token}"
    build.mkdir()
    try:
        start = copy_lower_index(home, dirs, build) if layered else None
        if start is None:
            start = Manifest()
            ix = whoosh_index.create_in(str(build), build_schema())
        else:
            ix = whoosh_index.open_dir(str(build), schema=build_schema())
        manifest, stats = run_update(start, dirs, _writer_factory(ix, True), progress)
        ix.close()
        manifest.index_files = index_file_stats(build)
        write_manifest(build, manifest)
        current = home / CURRENT
        old = home / f"old-{token}"
        if current.exists():
            os.rename(current, old)
        os.rename(build, current)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
    ix = whoosh_index.open_dir(str(current), schema=build_schema())
    return Store(ix, manifest, current), replace_rebuilt(stats, len(manifest.indexed))


def update_store(store: Store, dirs: list[LibraryDir], progress: Progress | None) -> UpdateStats:
    """Re-index what changed since the manifest; on disk, call with the lock held."""
    factory = _writer_factory(store.ix, store.folder is not None)
    manifest, stats = run_update(store.manifest, dirs, factory, progress)
    manifest.index_files = store.manifest.index_files
    if not manifest_changed(store.manifest, manifest):
        return stats  # Nothing changed: opening writes nothing (and stays fast).
    if store.folder is not None:
        manifest.index_files = index_file_stats(store.folder)
        write_manifest(store.folder, manifest)
    store.manifest = manifest
    return stats


def open_or_build(
    home: Path,
    dirs: list[LibraryDir],
    progress: Progress | None,
    rebuild: bool = False,
    on_wait: Callable[[int | None], None] | None = None,
) -> tuple[Store, UpdateStats]:
    """Open (updating) or build the index in ``home``; raises OSError or LockTimeout."""
    home.mkdir(parents=True, exist_ok=True)
    lock = IndexLock(home, timeout=LOCK_WAIT)
    lock.acquire(on_wait)
    with lock:
        store = None if rebuild else open_current(home, dirs)
        if store is None:
            return full_build(home, dirs, progress, layered=not rebuild)
        try:
            stats = update_store(store, dirs, progress)
        except OSError:
            store.drop_reader()
            raise
        except Exception:  # noqa: BLE001 - a segment that fails mid-update: start again
            store.drop_reader()
            store.ix.close()
            return full_build(home, dirs, progress, layered=False)
        if stats.touched:
            store.drop_reader()
        return store, stats


def open_read_only(home: Path, dirs: list[LibraryDir]) -> Store | None:
    """The live index without taking the lock, if nothing in the library changed since."""
    store = open_current(home, dirs)
    if store is None:
        return None
    from search_index.updating import plan_update

    if not plan_update(store.manifest, dirs, None).empty:
        store.drop_reader()
        store.ix.close()
        return None
    return store
