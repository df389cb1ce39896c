"""The library: the curated cases, then the user's folders layered over them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

# Re-exported: folder logic lives in cases.dirs (no pydantic) but callers know it from here.
from cases.dirs import CURATED as CURATED
from cases.dirs import ENV_VAR as ENV_VAR
from cases.dirs import LibraryDir as LibraryDir
from cases.dirs import case_files as case_files
from cases.dirs import curated_dir as curated_dir
from cases.dirs import default_library_dirs as default_library_dirs
from cases.dirs import scan_folder
from cases.loader import Loaded, load_case
from cases.model import Case
from cases.paths import display_path
from cases.problems import Problem

if TYPE_CHECKING:
    from cases.pax import AgreementSet


@dataclass
class Library:
    """Every case that loaded, in title order, and every problem found on the way."""

    dirs: list[LibraryDir]
    cases: dict[str, Case] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    overridden: dict[str, list[str]] = field(default_factory=dict)
    """Case id -> the origins it shadowed (a user case replacing a curated one)."""
    _related_at: dict[str, list[Problem]] = field(default_factory=dict, repr=False)
    """Case id -> where each of its ``related`` ids stands (kept instead of the parsed file,
    whose marks for every value cost more memory than the case itself)."""
    _agreements_at: dict[str, list[Problem]] = field(default_factory=dict, repr=False)
    """Case id -> where each of its ``agreements`` entries stands (for the PA-X check)."""

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
        self._related_at[case.id] = [
            loaded.problem_at(("related", n, "case"), "") for n in range(len(case.related))
        ]
        if case.agreements:
            self._agreements_at[case.id] = [
                loaded.problem_at(("agreements", n, "pax"), "", "warning")
                for n in range(len(case.agreements))
            ]

    def check_references(self) -> None:
        """Add a problem for every ``related`` id that names no case in the library."""
        for case_id, marks in self._related_at.items():
            case = self.cases[case_id]
            for rel, at in zip(case.related, marks, strict=True):
                if rel.case not in self.cases:
                    message = f"no case with id '{rel.case}' in the library"
                    self.problems.append(replace(at, message=message))

    def check_agreements(self, imported: AgreementSet) -> list[Problem]:
        """Warnings for agreement links that the imported PA-X data does not bear out: an id
        it does not hold, or a name or date that differs from PA-X's (both are named)."""
        from cases.pax import same_name

        out: list[Problem] = []
        for case_id, marks in self._agreements_at.items():
            case = self.cases.get(case_id)
            if case is None:
                continue
            for link, at in zip(case.agreements, marks, strict=True):
                found = imported.get(link.pax)
                if found is None:
                    message = f"PA-X agreement {link.pax} is not in the imported PA-X data"
                    out.append(replace(at, message=message))
                    continue
                if not same_name(link.name, found.name):
                    message = (
                        f"PA-X {link.pax}: the case says '{link.name}', PA-X says '{found.name}'"
                    )
                    out.append(replace(at, field=at.field.replace("pax", "name"), message=message))
                if not found.date.startswith(link.date):
                    message = f"PA-X {link.pax}: the case dates it {link.date}, PA-X {found.date}"
                    out.append(replace(at, field=at.field.replace("pax", "date"), message=message))
        return out

    def tags_in_use(self) -> dict[str, int]:
        """Lesson tag -> how many items carry it, across the library."""
        counts: dict[str, int] = {}
        for case in self.cases.values():
            for _, item in case.items():
                for tag in item.tags:
                    counts[tag] = counts.get(tag, 0) + 1
        return counts


def load_cases(dirs: Iterable[LibraryDir] | None, case_ids: Iterable[str]) -> Library:
    """A library holding only the named cases (and the cases they relate to), read from their
    files alone: a case's id is its file name, so nothing else needs parsing. Unknown ids are
    simply absent; a later folder overrides an earlier one, as in ``load_library``."""
    lib = Library(dirs=list(dirs) if dirs is not None else default_library_dirs())
    files: dict[str, tuple[Path, str]] = {}
    for d in lib.dirs:
        if d.path.is_dir():
            for name, _ in scan_folder(d.path).files:
                path = Path(name)
                files[path.stem] = (path, d.label)
    wanted = list(dict.fromkeys(case_ids))
    for round_ in range(2):  # the named cases, then the ones they link to (for their titles)
        for case_id in wanted:
            if case_id in lib.cases or case_id not in files:
                continue
            path, label = files[case_id]
            lib.add(load_case(path, display_path(path), label), label)
        if round_ == 0:
            wanted = [r.case for c in list(lib.cases.values()) for r in c.related]
    return lib


def load_library(dirs: Iterable[LibraryDir] | None = None, files: Sequence[Path] = ()) -> Library:
    """Load every folder in order, then ``files`` (as the user's own); check references."""
    lib = Library(dirs=list(dirs) if dirs is not None else default_library_dirs())
    for d in lib.dirs:
        if not d.path.is_dir():
            if d.label != CURATED:
                lib.problems.append(Problem(str(d.path), 0, 0, "", "library folder not found"))
            continue
        found = scan_folder(d.path)
        lib.problems.extend(found.problems)
        for name, _ in found.files:
            path = Path(name)
            lib.add(load_case(path, display_path(path), d.label), d.label)
    for path in files:
        lib.add(load_case(path, display_path(path), str(path.parent)), str(path.parent))
    lib.check_references()
    return lib
