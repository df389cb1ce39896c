"""SearchIndex: the one object front ends hold. It opens, builds, updates and searches."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cases.dirs import CURATED, LibraryDir
from cases.paths import user_cache_dir
from cases.problems import Problem
from search_index.fieldvalues import BadValue, canonical_field, normalise
from search_index.locking import IndexLock, LockTimeout
from search_index.model import ITEM_KINDS, KINDS, CaseRow, Hit, SearchResult, UpdateStats
from search_index.query import parse
from search_index.searching import Session, case_rows, item_hits, more_like, run_search
from search_index.store import (
    LOCK_WAIT,
    Store,
    build_in_memory,
    index_home,
    open_or_build,
    open_read_only,
    update_store,
)
from search_index.updating import Progress
from search_index.whoosh_internals import segment_count


class SearchIndex:
    """The search index of a library: open it with :meth:`open`, then search it.

    ``notice`` holds one sentence for the user when the index could not be kept on disk;
    ``problems`` lists every file of the library that did not load.
    """

    def __init__(
        self,
        store: Store,
        dirs: list[LibraryDir],
        root: Path,
        home: Path | None,
        stats: UpdateStats,
        notice: str | None,
    ) -> None:
        self._store = store
        self._dirs = dirs
        self._root = root
        self.home = home
        """The index's folder in the cache (None when it is kept in memory only)."""
        self.last_update = stats
        """What opening (or the last :meth:`update`) did."""
        self.notice = notice
        self._lock = threading.RLock()
        self._session: Session | None = None

    # Opening -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        dirs: list[LibraryDir],
        cache_root: Path | None = None,
        progress: Progress | None = None,
        rebuild: bool = False,
        on_wait: Callable[[int | None], None] | None = None,
    ) -> SearchIndex:
        """Open the index of ``dirs``, building or updating it first as needed.

        Only files whose size, mtime and hash changed are read again. When the cache folder
        cannot be written or stays locked, the index is built in memory and ``notice`` says so.
        ``on_wait(pid)`` is called when another process holds the index lock and we wait.
        """
        root = cache_root if cache_root is not None else user_cache_dir()
        home = index_home(dirs, root)
        try:
            store, stats = open_or_build(home, dirs, progress, rebuild=rebuild, on_wait=on_wait)
            return cls(store, dirs, root, home, stats, None)
        except LockTimeout as exc:
            who = f"track2 process {exc.holder}" if exc.holder else "another process"
            reason = f"{who} held its lock for {LOCK_WAIT:.0f} s"
        except OSError as exc:
            reason = exc.strerror or str(exc)
            if not rebuild:
                found = _try_read_only(home, dirs)
                if found is not None:
                    return cls(found, dirs, root, home, UpdateStats(), None)
        store, stats = build_in_memory(dirs, progress)
        notice = f"search index kept in memory: cannot use {home} ({reason})"
        return cls(store, dirs, root, None, stats, notice)

    @property
    def in_memory(self) -> bool:
        """True when the index lives in memory only (and is rebuilt by every run)."""
        return self._store.in_memory

    @property
    def problems(self) -> list[Problem]:
        """Problems in the library's files (and library folders that do not exist)."""
        out = [
            Problem(str(d.path), 0, 0, "", "library folder not found")
            for d in self._dirs
            if d.label != CURATED and not d.path.is_dir()
        ]
        return out + self._store.manifest.problems()

    def update(self, progress: Progress | None = None) -> UpdateStats:
        """Re-index the files that changed, were added or were removed since the last look."""
        with self._lock:
            self._drop_session()
            if self._store.folder is None or self.home is None:
                stats = update_store(self._store, self._dirs, progress)
            else:
                try:
                    with IndexLock(self.home):
                        stats = update_store(self._store, self._dirs, progress)
                except (OSError, LockTimeout):
                    # The cache went away or became read-only under us: carry on in memory.
                    self._store, stats = build_in_memory(self._dirs, progress)
                    self.notice = f"search index kept in memory: cannot update {self.home}"
                    self.home = None
            self.last_update = stats
            return stats

    def rebuild(self, progress: Progress | None = None) -> UpdateStats:
        """Throw the index away and build it again from every file."""
        with self._lock:
            self._drop_session()
            fresh = SearchIndex.open(self._dirs, self._root, progress, rebuild=True)
            self._store, self.home, self.notice = fresh._store, fresh.home, fresh.notice
            self.last_update = fresh.last_update
            return self.last_update

    def close(self) -> None:
        """Close the searcher and the index."""
        with self._lock:
            self._drop_session()
            self._store.ix.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Searching -------------------------------------------------------------------------

    def _session_now(self) -> Session:
        # Kept between calls: opening a searcher per keystroke is what makes type-ahead slow.
        if self._session is None:
            self._session = Session(self._store.searcher(), self._store.folder)
        return self._session

    def _drop_session(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None
        self._store.drop_reader()

    def _recover(self, rebuild: bool) -> None:
        """After a read error: reopen (files replaced by another process), or rebuild."""
        self._drop_session()
        if self.home is None and not rebuild:
            return
        fresh = SearchIndex.open(self._dirs, self._root, rebuild=rebuild)
        self._store, self.home, self.notice = fresh._store, fresh.home, fresh.notice

    def _guarded(self, work: Any, fallback: Any) -> Any:
        """Run ``work(session)``; after a read error reopen and retry, then rebuild and retry.

        Whoosh's files carry no checksums, so damage is often found only when a query
        reads the damaged part; the index is then rebuilt rather than trusted.
        """
        with self._lock:
            for attempt in range(3):
                try:
                    return work(self._session_now())
                except Exception as exc:  # noqa: BLE001 - searching must never break the caller
                    if attempt == 2:
                        return fallback(exc)
                    try:
                        self._recover(rebuild=attempt == 1)
                    except Exception:  # noqa: BLE001
                        return fallback(exc)
            return fallback(RuntimeError("unreachable"))

    def search(
        self,
        query: str,
        kind: str | None = None,
        limit: int = 20,
        typeahead: bool = False,
        filters: dict[str, str] | None = None,
        facets: bool = True,
        autocorrect: bool = True,
    ) -> SearchResult:
        """Search cases and items; never raises (a bad query comes back with ``error`` set).

        When nothing matches and a spelling fixes that, the corrected query's results come
        back, with ``corrected_from`` holding what was typed (``autocorrect=False``: never).

        ``kind`` is one of case, lesson, challenge, recommendation, or "item" for any of the
        last three. ``typeahead`` treats the last word as a prefix (from 3 letters, titles and names
        only); ``filters`` maps field names (kind, track, theme, region, country, tag,
        decade, year) to one value each, read like the same field in the query.
        """
        text = query if isinstance(query, str) else str(query)
        parsed = parse(text)
        for name, value in (filters or {}).items():
            field = canonical_field(str(name))
            if field is None or field in ("title", "name"):
                parsed.errors.append(f"unknown filter '{name}'")
            else:
                parsed.add_filter(field, str(value))
        wanted_kind: str | None = None
        if kind in ("item", "items"):
            wanted_kind = "item"
        elif kind:
            try:
                wanted_kind = normalise("kind", kind)[0]
            except BadValue as exc:
                parsed.errors.append(str(exc))
        size = max(0, min(int(limit), 1000))

        def work(session: Session) -> SearchResult:
            found = run_search(session, parsed, wanted_kind, size, typeahead, facets)
            if found.total or not found.suggestion or not autocorrect:
                return found
            fixed = parse(found.suggestion)
            fixed.filters, fixed.excludes = parsed.filters, parsed.excludes
            fixed.years = parsed.years
            again = run_search(session, fixed, wanted_kind, size, typeahead, facets)
            if not again.total:
                return found
            again.corrected_from = text
            again.suggestion = None
            again.error = found.error
            return again

        def failed(exc: Exception) -> SearchResult:
            return SearchResult(query=text, error=f"search failed: {exc.__class__.__name__}")

        result: SearchResult = self._guarded(work, failed)
        return result

    def more_like(self, case_id: str, item_id: str | None = None, limit: int = 10) -> list[Hit]:
        """Cases and items of other cases most like this case (or this item)."""
        found: list[Hit] = self._guarded(
            lambda s: more_like(s, case_id, item_id, max(0, limit)), lambda exc: []
        )
        return found

    def cases(self) -> list[CaseRow]:
        """Every case in the index, from stored fields (no YAML is read)."""
        found: list[CaseRow] = self._guarded(case_rows, lambda exc: [])
        return found

    def items(self, kind: str | None = None, tag: str | None = None) -> list[Hit]:
        """Every lesson, challenge and recommendation (optionally one kind, one tag)."""
        if kind is not None and kind not in ITEM_KINDS:
            return []
        found: list[Hit] = self._guarded(lambda s: item_hits(s, kind, tag), lambda exc: [])
        return found

    def stats(self) -> dict[str, Any]:
        """Figures for ``track2 index --stats``: documents by kind, size, segments, location."""

        def work(session: Session) -> dict[str, Any]:
            kinds = {k: v.bit_count() for k, v in session.facets.values["kind"].items()}
            size = 0
            if self._store.folder is not None:
                size = sum(p.stat().st_size for p in self._store.folder.iterdir() if p.is_file())
            return {
                "location": str(self._store.folder) if self._store.folder else None,
                "in_memory": self.in_memory,
                "documents": session.reader.doc_count(),
                "by_kind": {k: kinds.get(k, 0) for k in KINDS},
                "segments": segment_count(self._store.ix),
                "bytes": size,
                "files": len(self._store.manifest.files),
                "problems": len(self.problems),
                "engine": self._store.manifest.engine,
                "schema_version": self._store.manifest.schema_version,
            }

        found: dict[str, Any] = self._guarded(work, lambda exc: {"error": str(exc)})
        return found


def _try_read_only(home: Path, dirs: list[LibraryDir]) -> Store | None:
    try:
        return open_read_only(home, dirs)
    except Exception:  # noqa: BLE001 - unreadable: the caller builds in memory
        return None
