"""A briefing joined to the library: the cases and items it names, and one citation list.

Every output format (Rich, HTML, Markdown, JSON) is written from this one structure, so they
hold the same sections, entries and numbered sources.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefings.loader import BriefingProblem, dangling
from briefings.model import Briefing, split_ref
from cases.library import Library
from cases.model import Case, Item, Source

KIND_LABELS = {
    "case": "Case",
    "lesson": "Lesson",
    "challenge": "Challenge",
    "recommendation": "Recommendation",
}


@dataclass(frozen=True)
class Entry:
    """One reference, resolved: a whole case (``item`` is None) or one of its items."""

    ref: str
    case: Case
    kind: str
    """"case", "lesson", "challenge" or "recommendation"."""
    item: Item | None
    cites: tuple[int, ...]
    """The citation numbers of the case's sources."""
    titled: bool = True
    """False for a whole case under a section heading that already is the case's title."""


@dataclass(frozen=True)
class ResolvedSection:
    """A section with its references resolved."""

    heading: str
    text: str | None
    entries: list[Entry]


@dataclass
class Citation:
    """One numbered source in the citation list, and the cases that rely on it."""

    number: int
    source: Source
    case_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Resolved:
    """Everything an output format needs."""

    briefing: Briefing
    sections: list[ResolvedSection]
    cases: list[Case]
    """The cases referred to, in order of first mention."""
    citations: list[Citation]
    revision: str
    """A short hash of the library's case contents, printed in footers."""


def _source_key(src: Source) -> str:
    # The same work is often cited by several cases with different ids: match on the URL when
    # there is one, else on title, author and year.
    if src.url:
        return src.url.rstrip("/").lower().removeprefix("https://").removeprefix("http://")
    return "|".join(str(x).strip().lower() for x in (src.title, src.author, src.year))


def library_revision(lib: Library, case_ids: Iterable[str] | None = None) -> str:
    """Twelve hex digits that change whenever the given cases (default: all) change.

    A briefing's footer uses the cases it cites, so the same briefing carries the same revision
    whether it is printed from the whole library (the CLI) or from just its cases (the TUI).
    """
    digest = hashlib.sha256()
    for case_id in sorted(set(lib.cases if case_ids is None else case_ids) & set(lib.cases)):
        digest.update(case_id.encode())
        digest.update(lib.cases[case_id].model_dump_json().encode())
    return digest.hexdigest()[:12]


def resolve(briefing: Briefing, lib: Library) -> Resolved:
    """Join ``briefing`` to ``lib``; raise BriefingProblem naming the first dangling reference."""
    for ref in briefing.refs():
        message = dangling(ref, lib)
        if message:
            where = f"{briefing.path}: " if briefing.path else ""
            raise BriefingProblem(f"{where}briefing '{briefing.id}': {message}")
    cases = [lib.cases[cid] for cid in briefing.case_ids()]
    citations: list[Citation] = []
    by_key: dict[str, Citation] = {}
    cites: dict[str, tuple[int, ...]] = {}
    for case in cases:
        numbers: list[int] = []
        for src in case.sources:
            key = _source_key(src)
            cit = by_key.get(key)
            if cit is None:
                cit = Citation(len(citations) + 1, src)
                by_key[key] = cit
                citations.append(cit)
            if case.id not in cit.case_ids:
                cit.case_ids.append(case.id)
            if cit.number not in numbers:
                numbers.append(cit.number)
        cites[case.id] = tuple(numbers)
    sections = []
    for section in briefing.sections:
        entries = []
        for ref in section.refs:
            case_id, item_id = split_ref(ref)
            case = lib.cases[case_id]
            found = case.item(item_id) if item_id else None
            kind, item = found if found else ("case", None)
            titled = item is not None or section.heading != case.title
            entries.append(Entry(ref, case, kind, item, cites[case_id], titled))
        sections.append(ResolvedSection(section.heading, section.text, entries))
    return Resolved(
        briefing, sections, cases, citations, library_revision(lib, briefing.case_ids())
    )


def number_ranges(numbers: tuple[int, ...]) -> list[tuple[int, int]]:
    """``(1, 2, 3, 5)`` -> ``[(1, 3), (5, 5)]``: runs of consecutive citation numbers."""
    runs: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def cite_label(numbers: tuple[int, ...]) -> str:
    """``(1, 2, 3, 5)`` -> ``[1-3, 5]``: a case cites many sources, so runs are shortened."""
    runs = number_ranges(numbers)
    return "[" + ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs) + "]"


def case_label(case: Case) -> str:
    """The case's title, followed by its years unless the title already gives them."""
    return case.title if case.period.start[:4] in case.title else f"{case.title} ({case.years})"
