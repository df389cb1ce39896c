"""A briefing as a document (``cases.document`` blocks): the full briefing and the short brief.

Sources are numbered in order of first citation by the parts the briefing includes, and only
those are listed.
"""

from __future__ import annotations

from briefings.model import Briefing
from briefings.resolve import AgreementPart, Part, Resolved, resolve
from cases.document import (
    Block,
    BriefingCiter,
    CaseHead,
    Document,
    ItemEntry,
    Items,
    Prose,
    Reference,
    Related,
    RelatedRow,
    Section,
    Span,
)
from cases.document.case import KIND_HEADINGS, case_subtitle, item_entry, items_block
from cases.library import Library
from cases.model import Case, Item, track_label
from cases.version import track2_version
from cases.vocab import vocabulary

SHORT_POINTS = 8
"""At most this many points to make in the short brief (and at most 8 key lessons)."""


def _plain(text: str | None) -> tuple[tuple[Span, ...], ...]:
    # Briefing prose is the briefing author's own words: no citation markers in it.
    if not text:
        return ()
    return tuple((Span(p.strip()),) for p in text.split("\n") if p.strip())


def _meta(res: Resolved) -> tuple[tuple[str, str], ...]:
    b = res.briefing
    rows = [("Audience", b.audience), ("Purpose", b.purpose), ("As of", b.as_of.isoformat())]
    if b.query:
        rows.append(("Query", b.query))
    rows.append(("Revision", res.revision))
    return tuple(rows)


def _footer(res: Resolved) -> str:
    return f"track2 {track2_version()} \u00b7 library revision {res.revision}"


def _part_blocks(part: Part | AgreementPart, citer: BriefingCiter) -> list[Block]:
    if isinstance(part, AgreementPart):
        from cases.document.agreement import (
            agreement_blocks,
            agreement_subtitle,
            agreement_title,
        )

        head = CaseHead(
            agreement_title(part.agreement, part.agreement_id, part.stored),
            agreement_subtitle(part.agreement, part.agreement_id),
            "",
        )
        return [
            head,
            *agreement_blocks(part.agreement, part.agreement_id, part.linked, part.stored),
        ]
    case = part.case
    if part.item is not None:
        return [Items(part.kind, (item_entry(case, part.kind, part.item, citer, outside=True),))]
    title = case.title if part.titled else ""
    blocks: list[Block] = [CaseHead(title, case_subtitle(case), case.id)]
    blocks.append(Prose(citer.paras(case, case.summary)))
    blocks.append(Prose(citer.paras(case, case.outcome), label="Outcome"))
    for kind in KIND_HEADINGS:
        block = items_block(case, kind, citer)
        if block.entries:
            blocks.append(block)
    return blocks


def _merge_items(blocks: list[Block]) -> list[Block]:
    """Consecutive single items of one kind become one list."""
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if isinstance(block, Items) and isinstance(last, Items) and last.kind == block.kind:
            out[-1] = Items(last.kind, last.entries + block.entries)
        else:
            out.append(block)
    return out


def _cases_list(res: Resolved) -> Related:
    v = vocabulary()
    return Related(
        tuple(
            RelatedRow(
                c.id,
                c.title,
                f"{c.years} \u00b7 Track {track_label(c.track)}",
                ", ".join(v.label("themes", t) for t in c.themes),
            )
            for c in res.cases
        )
    )


def build_briefing(briefing: Briefing, lib: Library) -> Document:
    """The whole briefing: title block, summary, sections, the cases drawn on, references."""
    res = resolve(briefing, lib)
    citer = BriefingCiter()
    sections = [Section("summary", "Executive summary", (Prose(_plain(briefing.summary)),))]
    for n, rs in enumerate(res.sections, 1):
        blocks: list[Block] = [Prose(_plain(rs.text))] if rs.text else []
        for part in rs.parts:
            blocks += _part_blocks(part, citer)
        sections.append(Section(f"section-{n}", rs.heading, tuple(_merge_items(blocks))))
    if res.cases:
        sections.append(Section("cases", "Cases drawn on", (_cases_list(res),)))
    return Document(
        kind="briefing",
        id=briefing.id,
        title=briefing.title,
        meta=_meta(res),
        marking=briefing.marking_line,
        sections=tuple(sections),
        references=_references(res, citer),
        footer=_footer(res),
    )


def build_short(briefing: Briefing, lib: Library) -> Document:
    """The short brief (two pages at most): purpose, points to make, key lessons, references."""
    res = resolve(briefing, lib)
    citer = BriefingCiter()
    parts = res.case_parts()
    items: list[CaseItem] = [
        (p.case, k, i)
        for p in parts
        for k, i in ([(p.kind, p.item)] if p.item is not None else p.case.items())
    ]
    if briefing.points_to_make:
        points = []
        for point in briefing.points_to_make[:SHORT_POINTS]:
            numbers: set[int] = set()
            for ref in point.refs:
                found = res.part(ref)
                if found is not None and found.item is not None:
                    numbers |= set(citer.numbers(found.case, found.item.sources))
            points.append(ItemEntry("point", point.text, (), tuple(sorted(numbers))))
    else:
        points = [
            ItemEntry("point", i.title, (), citer.numbers(c, i.sources))
            for c, k, i in _spread(items, "recommendation")
        ]
    lessons = [
        ItemEntry(
            "lesson",
            i.title,
            (),
            citer.numbers(c, i.sources),
            ref=f"{c.id}/{i.id}",
            source_case=f"{c.title} ({c.years})",
        )
        for c, k, i in _spread(items, "lesson")
    ]
    sections = [
        Section("purpose", "Purpose", (Prose(_plain(briefing.purpose)),)),
        Section("points", "Points to make", (Items("point", tuple(points)),)),
        Section("lessons", "Key lessons", (Items("lesson", tuple(lessons)),)),
    ]
    return Document(
        kind="short",
        id=briefing.id,
        title=briefing.title,
        subtitle="Short brief",
        meta=_meta(res),
        marking=briefing.marking_line,
        sections=tuple(s for s in sections if any(_filled(b) for b in s.blocks)),
        references=_references(res, citer),
        footer=_footer(res),
    )


def _references(res: Resolved, citer: BriefingCiter) -> tuple[Reference, ...]:
    """The sources cited, then PA-X's own citation when the briefing includes agreements."""
    refs = tuple(citer.references())
    if not res.briefing.agreement_ids():
        return refs
    from cases.document.agreement import pax_reference

    return (*refs, pax_reference(len(refs) + 1))


def _filled(block: object) -> bool:
    return bool(getattr(block, "entries", None) or getattr(block, "paras", None))


CaseItem = tuple[Case, str, Item]


def _spread(items: list[CaseItem], kind: str) -> list[CaseItem]:
    """Up to SHORT_POINTS items of ``kind``, taking one per case in turn so no case crowds out."""
    by_case: dict[str, list[CaseItem]] = {}
    for c, k, i in items:
        if k == kind:
            by_case.setdefault(c.id, []).append((c, k, i))
    out: list[CaseItem] = []
    while len(out) < SHORT_POINTS and any(by_case.values()):
        for queue in by_case.values():
            if queue and len(out) < SHORT_POINTS:
                out.append(queue.pop(0))
    return out
