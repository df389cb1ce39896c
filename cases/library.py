"""The library: the curated cases, then the user's folders layered over them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Re-exported: folder logic lives in cases.dirs (no pydantic) but callers know it from here.
from cases.dirs import CURATED as CURATED
from cases.dirs import ENV_VAR as ENV_VAR
from cases.dirs import LibraryDir as LibraryDir
from cases.dirs import case_files as case_files
from cases.dirs import curated_dir as curated_dir
from cases.dirs import default_library_dirs as default_library_dirs
from cases.loader import Loaded, load_case
from cases.model import Case
from cases.problems import Problem


@dataclass
class Library:
    """Every case that loaded, in title order, and every problem found on the way."""

    dirs: list[LibraryDir]
    cases: dict[str, Case] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    overridden: dict[str, list[str]] = field(default_factory=dict)
    """Case id -> the origins it shadowed (a user case replacing a curated one)."""
    _loaded: dict[str, Loaded[Case]] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.cases)

    def get(self, case_id: str) -> Case | None:
        """The case with this id, or None."""
        return self.cases.get(case_id)

    def sorted_cases(self) -> list[Case]:
        """Cases ordered by the start of their period, then title."""
        return sorted(self.cases.values(), key=lambda c: (c.period.start, c.title.lower()))

    def add(self, loaded: Loaded[Case], origin: str) -> None:
        """Put one loaded file in the library (a later origin overrides an earlier one)."""
        self.problems.extend(loaded.problems)
        case = loaded.value
        if case is None:
            return
        if case.id in self.cases:
            self.overridden.setdefault(case.id, []).append(self.cases[case.id].origin)
        self.cases[case.id] = case
        self._loaded[case.id] = loaded

    def check_references(self) -> None:
        """Add a problem for every ``related`` id that names no case in the library."""
        for case_id, loaded in self._loaded.items():
            case = self.cases[case_id]
            for n, rel in enumerate(case.related):
                if rel.case not in self.cases:
                    self.problems.append(
                        loaded.problem_at(
                            ("related", n, "case"), f"no case with id '{rel.case}' in the library"
                        )
                    )

    def locate(self, case_id: str, loc: tuple[str | int, ...]) -> Problem | None:
        """A Problem-shaped position (file, line, column) of a field of a loaded case."""
        loaded = self._loaded.get(case_id)
        return loaded.problem_at(loc, "") if loaded else None

    def tags_in_use(self) -> dict[str, int]:
        """Lesson tag -> how many items carry it, across the library."""
        counts: dict[str, int] = {}
        for case in self.cases.values():
            for _, item in case.items():
                for tag in item.tags:
                    counts[tag] = counts.get(tag, 0) + 1
        return counts


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_library(dirs: Iterable[LibraryDir] | None = None, files: Sequence[Path] = ()) -> Library:
    """Load every folder in order, then ``files`` (as the user's own); check references."""
    lib = Library(dirs=list(dirs) if dirs is not None else default_library_dirs())
    for d in lib.dirs:
        if not d.path.is_dir():
            if d.label != CURATED:
                lib.problems.append(Problem(str(d.path), 0, 0, "", "library folder not found"))
            continue
        for path in case_files(d.path):
            lib.add(load_case(path, _display(path), d.label), d.label)
    for path in files:
        lib.add(load_case(path, _display(path), str(path.parent)), str(path.parent))
    lib.check_references()
    return lib
