"""A briefing joined to the library: the cases and items each of its references names."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from briefings.loader import BriefingProblem, dangling
from briefings.model import Briefing, agreement_of, split_ref
from cases.document.agreement import LinkedCase
from cases.library import Library
from cases.model import Case, Item
from cases.pax import Agreement, AgreementSet


@dataclass(frozen=True)
class Part:
    """One reference, resolved: a whole case (``item`` is None) or one of its items."""

    ref: str
    case: Case
    kind: str
    """"case", "lesson", "challenge" or "recommendation"."""
    item: Item | None
    titled: bool = True
    """False for a whole case under a section heading that already is the case's title."""


@dataclass(frozen=True)
class AgreementPart:
    """A PA-X agreement in a briefing: the imported record (None when not imported), the
    cases of the library that link to it, and the name and date the first of them stores."""

    ref: str
    agreement_id: int
    agreement: Agreement | None
    linked: list[LinkedCase]
    stored: tuple[str, str] | None = None


@dataclass(frozen=True)
class ResolvedSection:
    """A section with its references resolved."""

    heading: str
    text: str | None
    parts: list[Part | AgreementPart]


@dataclass(frozen=True)
class Resolved:
    """Everything the briefing's document is built from."""

    briefing: Briefing
    sections: list[ResolvedSection]
    cases: list[Case]
    """The cases referred to, in order of first mention."""
    revision: str
    """A short hash of the cited cases' contents, printed in footers."""

    def part(self, ref: str) -> Part | None:
        """The resolved case or item part for ``ref`` wherever it appears."""
        return next(
            (p for s in self.sections for p in s.parts if p.ref == ref and isinstance(p, Part)),
            None,
        )

    def case_parts(self) -> list[Part]:
        """Every case and item part, in order (agreements left out)."""
        return [p for s in self.sections for p in s.parts if isinstance(p, Part)]


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


def agreement_part(
    lib: Library, ref: str, agreement_id: int, pax: AgreementSet | None
) -> AgreementPart:
    """An agreement part: the imported record, and the library's cases that link to it."""
    from cases.citations import strip_markers

    linked: list[LinkedCase] = []
    stored: tuple[str, str] | None = None
    for case in lib.sorted_cases():
        for link in case.agreements:
            if link.pax == agreement_id:
                linked.append(
                    LinkedCase(case.id, case.title, link.relation, strip_markers(link.note or ""))
                )
                stored = stored or (link.name, link.date)
    found = pax.get(agreement_id) if pax else None
    return AgreementPart(ref, agreement_id, found, linked, stored)


def resolve_part(
    lib: Library, ref: str, heading: str = "", pax: AgreementSet | None = None
) -> Part | AgreementPart:
    """The part ``ref`` names (it must resolve)."""
    agreement_id = agreement_of(ref)
    if agreement_id is not None:
        return agreement_part(lib, ref, agreement_id, pax)
    case_id, item_id = split_ref(ref)
    case = lib.cases[case_id]
    found = case.item(item_id) if item_id else None
    kind, item = found if found else ("case", None)
    return Part(ref, case, kind, item, item is not None or heading != case.title)


def resolve(briefing: Briefing, lib: Library) -> Resolved:
    """Join ``briefing`` to ``lib``; raise BriefingProblem naming the first dangling reference."""
    for ref in briefing.refs():
        message = dangling(ref, lib)
        if message:
            where = f"{briefing.path}: " if briefing.path else ""
            raise BriefingProblem(f"{where}briefing '{briefing.id}': {message}")
    pax: AgreementSet | None = None
    if briefing.agreement_ids():
        from cases.pax import try_load_store

        pax, _ = try_load_store()  # unreadable: the parts say how to import
    sections = [
        ResolvedSection(s.heading, s.text, [resolve_part(lib, r, s.heading, pax) for r in s.refs])
        for s in briefing.sections
    ]
    cases = [lib.cases[cid] for cid in briefing.case_ids()]
    return Resolved(briefing, sections, cases, library_revision(lib, briefing.case_ids()))
