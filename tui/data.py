"""The data the screens share: the search index, the case rows, and cases read on demand.

The index is opened in a worker thread (see LibraryScreen), so nothing here runs at import
time or while the first frame is drawn. Full cases are read one file at a time when a screen
needs them: listing never parses YAML, and opening a case parses one file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.cache import LRUCache

from cases.paths import display_path

if TYPE_CHECKING:
    # Only for types: importing the case model loads pydantic, which the first frame
    # does not need (cases are read when a screen opens one).
    from cases.document.agreement import LinkedCase
    from cases.glossary import Glossary
    from cases.library import Library, LibraryDir
    from cases.loader import Loaded
    from cases.model import Case
    from cases.pax import AgreementSet
    from cases.problems import Problem
    from search_index import CaseRow, Hit, SearchIndex, SearchResult

Progress = Callable[[int, int], None]
CASES_KEPT = 256
"""Cases kept in memory once read (a briefing or a compare needs a few; a list needs none)."""
IndexOpener = Callable[[list["LibraryDir"], Path | None, "Progress | None"], "SearchIndex"]


def open_search_index(
    dirs: list[LibraryDir], cache_root: Path | None, progress: Progress | None
) -> SearchIndex:
    """Open (building or updating as needed) the on-disk index of ``dirs``."""
    from search_index import SearchIndex

    return SearchIndex.open(dirs, cache_root=cache_root, progress=progress)


class LibraryData:
    """One per app: owns the index and a small cache of loaded cases."""

    def __init__(
        self,
        dirs: list[LibraryDir],
        cache_root: Path | None = None,
        opener: IndexOpener = open_search_index,
    ) -> None:
        self.dirs = dirs
        self.cache_root = cache_root
        self._opener = opener
        self.index: SearchIndex | None = None
        self.rows: list[CaseRow] = []
        """Every case, from the index's stored fields, in period order."""
        self.problems: list[Problem] = []
        self._by_id: dict[str, CaseRow] = {}
        self._lock = threading.Lock()
        self._files: dict[str, tuple[Path, str]] | None = None
        # Cases read from their files, the most recently used kept: a long session over a
        # large library must not keep every case it ever opened.
        self._cases: LRUCache[str, Loaded[Case]] = LRUCache(CASES_KEPT)
        self._glossary: Loaded[Glossary] | None = None

    @property
    def ready(self) -> bool:
        """True once the index is open."""
        return self.index is not None

    def open(self, progress: Progress | None = None) -> None:
        """Open the index and read the case rows (call from a worker thread)."""
        index = self._opener(self.dirs, self.cache_root, progress)
        rows = sorted(index.cases(), key=lambda r: (r.start, r.title.lower()))
        with self._lock:
            self.index = index
            self.rows = rows
            self._by_id = {r.id: r for r in rows}
            self.problems = list(index.problems)

    def reload_changed(self) -> int:
        """Re-index the library files changed, added or removed since the last look (call
        from a worker thread); returns how many were. Changed cases are read again."""
        if self.index is None:
            return 0
        with self._lock:
            stats = self.index.update()
            if not stats.touched:
                return 0
            rows = sorted(self.index.cases(), key=lambda r: (r.start, r.title.lower()))
            self.rows = rows
            self._by_id = {r.id: r for r in rows}
            self.problems = list(self.index.problems)
            self._cases.clear()
            self._files = None
        return stats.added + stats.changed + stats.removed

    def close(self) -> None:
        """Close the index (on exit)."""
        with self._lock:
            if self.index is not None:
                self.index.close()

    def row(self, case_id: str) -> CaseRow | None:
        """The listed row of a case, or None."""
        return self._by_id.get(case_id)

    def title(self, case_id: str) -> str:
        """A case's title (its id when unknown)."""
        row = self.row(case_id)
        return row.title if row else case_id

    def search(
        self,
        query: str,
        filters: dict[str, str] | None = None,
        kind: str | None = None,
        limit: int = 50,
        typeahead: bool = True,
        wanted: Callable[[], bool] | None = None,
        autocorrect: bool = True,
    ) -> SearchResult | None:
        """Run a query against the index (never raises; the index must be open).

        Searches run one at a time; ``wanted`` is asked once this one's turn comes, and
        None is returned when it says no (a newer keystroke made the query stale).
        """
        assert self.index is not None
        with self._lock:
            if wanted is not None and not wanted():
                return None
            return self.index.search(
                query,
                kind=kind,
                limit=limit,
                typeahead=typeahead,
                filters=filters or None,
                autocorrect=autocorrect,
            )

    def items(self, kind: str | None = None, tag: str | None = None) -> list[Hit]:
        """Every lesson, challenge and recommendation (optionally of one kind or tag)."""
        assert self.index is not None
        with self._lock:
            return self.index.items(kind=kind, tag=tag)

    def more_like(self, case_id: str, limit: int = 8) -> list[Hit]:
        """Cases that read like this one."""
        if self.index is None:
            return []
        with self._lock:
            return self.index.more_like(case_id, limit=limit)

    def _file_map(self) -> dict[str, tuple[Path, str]]:
        # stat-only walk; later folders override earlier ones, as in the library.
        if self._files is None:
            from cases.library import case_files

            files: dict[str, tuple[Path, str]] = {}
            for d in self.dirs:
                if d.path.is_dir():
                    for path in case_files(d.path):
                        files[path.stem] = (path, d.label)
            self._files = files
        return self._files

    def load(self, case_id: str) -> Loaded[Case] | None:
        """The loaded file of a case (cached), or None when no file has that name."""
        cached = self._cases.get(case_id)
        if cached is not None:
            return cached
        found = self._file_map().get(case_id)
        if found is None:
            return None
        from cases.loader import Loaded, load_case

        path, label = found
        loaded = load_case(path, display_path(path), label)
        if loaded.value is not None and loaded.value.id != case_id:
            # A file named unlike its id (validate reports it): read the library to find it.
            from cases.library import load_library

            case = load_library(self.dirs).get(case_id)
            loaded = Loaded(case.path, case) if case else Loaded(str(path), None)
        self._cases[case_id] = loaded
        return loaded

    def case(self, case_id: str) -> Case | None:
        """The full case, read from its file, or None."""
        loaded = self.load(case_id)
        return loaded.value if loaded else None

    def library_for(self, case_ids: Iterable[str]) -> Library:
        """A library holding just these cases (what briefings need to render)."""
        from cases.library import Library

        lib = Library(dirs=self.dirs)
        for cid in dict.fromkeys(case_ids):
            loaded = self.load(cid)
            if loaded is not None and loaded.value is not None:
                lib.add(loaded, loaded.value.origin)
        return lib

    def agreements(self) -> tuple[AgreementSet | None, str | None]:
        """The imported PA-X agreements (None when not imported) and why they cannot be read
        (None when they can). Cached by the file's size and mtime, so a new import shows."""
        from cases.pax import try_load_store

        return try_load_store()

    def linked_cases(self, agreement_id: int) -> tuple[list[LinkedCase], tuple[str, str] | None]:
        """The cases that link to a PA-X agreement (found in the index, read from their files)
        and the name and date the first of them records for it."""
        from cases.citations import strip_markers
        from cases.document.agreement import LinkedCase

        if self.index is None:
            return [], None
        with self._lock:
            found = self.index.search(f"pax:{agreement_id}", kind="case", limit=1000, facets=False)
        out: list[LinkedCase] = []
        stored: tuple[str, str] | None = None
        for hit in found.hits:
            case = self.case(hit.case_id)
            for link in case.agreements if case else []:
                if link.pax == agreement_id:
                    note = strip_markers(link.note or "")
                    out.append(
                        LinkedCase(hit.case_id, case.title if case else "", link.relation, note)
                    )
                    stored = stored or (link.name, link.date)
        out.sort(key=lambda c: c.title.lower())
        return out, stored

    def glossary(self) -> Loaded[Glossary]:
        """The glossary, checked against the listed case ids (read once)."""
        if self._glossary is None:
            from cases.glossary import load_glossary

            self._glossary = load_glossary({r.id for r in self.rows})
        return self._glossary
