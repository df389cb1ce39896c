"""A case as a document: the one structure every writer and the explorer's case view use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cases.document.blocks import (
    ActorRow,
    Actors,
    AgreementRow,
    Agreements,
    Block,
    Disputed,
    DisputedEntry,
    Document,
    Event,
    Facts,
    ItemEntry,
    Items,
    Position,
    Prose,
    Questions,
    Related,
    RelatedRow,
    Section,
    Span,
    Timeline,
)
from cases.document.cite import Citer
from cases.model import Case, Item, Recommendation, track_label
from cases.vocab import vocabulary

if TYPE_CHECKING:
    from cases.pax import Agreement, AgreementSet

KIND_HEADINGS = {
    "lesson": "Lessons",
    "challenge": "Challenges",
    "recommendation": "Recommendations",
}
SECTION_IDS = {"lesson": "lessons", "challenge": "challenges", "recommendation": "recommendations"}


def period_label(case: Case) -> str:
    """``1992-12 to 1993-09-13``, or ``... to ongoing``."""
    return f"{case.period.start} to {case.period.end or 'ongoing'}"


def case_subtitle(case: Case) -> str:
    """The line under a case's title: years and tracks."""
    return f"{case.years} \u00b7 Track {track_label(case.track)}"


def facts(case: Case) -> Facts:
    """Period, tracks, regions, countries, themes, where it came from and when reviewed."""
    v = vocabulary()
    rows = [
        ("Period", period_label(case)),
        ("Track", track_label(case.track)),
        ("Regions", ", ".join(v.label("regions", r) for r in case.regions)),
        ("Countries", ", ".join(v.label("countries", c) for c in case.countries)),
        ("Themes", ", ".join(v.label("themes", t) for t in case.themes)),
        ("Library", case.origin if case.origin and case.origin != "curated" else ""),
        ("Reviewed", case.last_reviewed),
    ]
    return Facts(tuple((label, value) for label, value in rows if value))


def item_entry(case: Case, kind: str, item: Item, citer: Citer, outside: bool = False) -> ItemEntry:
    """One lesson, challenge or recommendation; ``outside`` names its case (in a briefing)."""
    v = vocabulary()
    audience = item.audience if isinstance(item, Recommendation) else []
    return ItemEntry(
        kind=kind,
        title=item.title,
        text=citer.paras(case, item.text),
        cites=citer.numbers(case, item.sources),
        ref=f"{case.id}/{item.id}",
        tags=tuple(v.label("tags", t) for t in item.tags),
        audience=tuple(v.label("audiences", a) for a in audience),
        source_case=f"{case.title} ({case.years})" if outside else "",
    )


def items_block(case: Case, kind: str, citer: Citer) -> Items:
    """Every item of one kind."""
    return Items(kind, tuple(item_entry(case, k, i, citer) for k, i in case.items() if k == kind))


def case_sections(
    case: Case,
    citer: Citer,
    titles: dict[str, str] | None = None,
    pax: AgreementSet | None = None,
) -> list[Section]:
    """Every part of a case, in reading order; parts with nothing in them are left out.

    ``titles`` maps the ids of cases in the library to their titles (related links); ``pax``
    is the imported PA-X data, whose key facts then follow the case's agreement links.
    """
    v = vocabulary()
    out: list[Section] = []

    def add(sid: str, heading: str, *blocks: Block) -> None:
        if any(_has_content(b) for b in blocks):
            out.append(Section(sid, heading, tuple(blocks)))

    add("summary", "Summary", Prose(citer.paras(case, case.summary)))
    add("facts", "Facts", facts(case))
    add("background", "Background", Prose(citer.paras(case, case.background)))
    add(
        "actors",
        "Actors",
        Actors(
            tuple(
                ActorRow(
                    a.name,
                    v.label("actor_types", a.type),
                    v.label("actor_roles", a.role),
                    a.affiliation or "",
                    a.side or "",
                )
                for a in case.actors
            )
        ),
    )
    add(
        "timeline",
        "Timeline",
        Timeline(
            tuple(Event(e.date, e.event, citer.numbers(case, e.sources)) for e in case.timeline)
        ),
    )
    add("outcome", "Outcome", Prose(citer.paras(case, case.outcome)))
    add("track", "Which track, and why", Prose(citer.paras(case, case.track_note)))
    for kind, heading in KIND_HEADINGS.items():
        add(SECTION_IDS[kind], heading, items_block(case, kind, citer))
    add("questions", "Discussion questions", Questions(tuple(case.discussion_questions)))
    known = titles or {}
    add(
        "related",
        "Related cases",
        Related(
            tuple(
                RelatedRow(
                    r.case,
                    known.get(r.case, r.case),
                    v.label("relations", r.relation),
                    r.note or "",
                    in_library=titles is None or r.case in known,
                )
                for r in case.related
            )
        ),
    )
    add(
        "disputed",
        "Disputed points",
        Disputed(
            tuple(
                DisputedEntry(
                    d.claim,
                    tuple(
                        Position(
                            _source_title(case, p.source), p.says, citer.number(case, p.source)
                        )
                        for p in d.positions
                    ),
                    citer.paras(case, d.note),
                )
                for d in case.disputed
            )
        ),
    )
    add(
        "agreements",
        "Agreements",
        Agreements(
            tuple(
                AgreementRow(a.pax, a.name, a.date, a.relation, a.url, citer.paras(case, a.note))
                for a in case.agreements
            )
        ),
        *_pax_details(case, pax),
    )
    return out


def _pax_details(case: Case, pax: AgreementSet | None) -> tuple[Block, ...]:
    """What the imported PA-X data adds to a case's agreement links: one line of key facts
    each, and PA-X's credit."""
    if pax is None:
        return ()
    from cases.document.agreement import credit, provision_summary
    from cases.pax import codebook

    nearby = nearby_agreements(case, pax)
    found_near: tuple[Block, ...] = ()
    if nearby:
        found_near = (
            Prose(
                (
                    (
                        Span(
                            "Also in PA-X for the case's countries and years (the case does "
                            "not link them):"
                        ),
                    ),
                )
            ),
            Agreements(
                tuple(
                    AgreementRow(a.id, a.name, a.date, "same countries and years", a.link)
                    for a in nearby
                )
            ),
        )
    if not case.agreements:
        return (*found_near, credit()) if nearby else ()
    book = codebook()
    rows = []
    for link in case.agreements:
        found = pax.get(link.pax)
        if found is None:
            rows.append((f"PA-X {link.pax}", "not in the imported PA-X data"))
            continue
        bits = [found.date, found.process, book.stage(found.stage) if found.stage else ""]
        summary = provision_summary(found, limit=4)
        if summary:
            bits.append("provisions: " + summary)
        rows.append((f"PA-X {link.pax}", " \u00b7 ".join(b for b in bits if b)))
    return (Facts(tuple(rows)), *found_near, credit())


NEARBY = 8
"""Agreements of the case's countries and years listed beside its own links, at most."""


def nearby_agreements(case: Case, pax: AgreementSet, limit: int = NEARBY) -> list[Agreement]:
    """Imported agreements located in one of the case's countries and signed within its
    period, that the case does not already link: the latest first (what it may have fed)."""
    import datetime as dt

    linked = {link.pax for link in case.agreements}
    countries = set(case.countries)
    start = case.period.start
    end = case.period.end or dt.date.today().isoformat()
    found = [
        a
        for a in pax.agreements.values()
        if a.id not in linked
        and countries & set(a.countries)
        and start <= a.date[: len(start)]
        and a.date[: len(end)] <= end
    ]
    found.sort(key=lambda a: (a.date, a.id), reverse=True)
    return found[:limit]


def _source_title(case: Case, source_id: str) -> str:
    src = case.source(source_id)
    return src.title if src else source_id


def _has_content(block: Block) -> bool:
    for name in ("paras", "rows", "entries", "events", "items"):
        if hasattr(block, name):
            return bool(getattr(block, name))
    return True


def build_case(
    case: Case, titles: dict[str, str] | None = None, pax: AgreementSet | None = None
) -> Document:
    """The whole case as a document, its citations numbered by the case's own source list
    (with the imported PA-X facts of its agreements when ``pax`` is given)."""
    citer = Citer()
    return Document(
        kind="case",
        id=case.id,
        title=case.title,
        subtitle=f"{case.id} \u00b7 {case_subtitle(case)}",
        sections=tuple(case_sections(case, citer, titles, pax)),
        references=citer.references_of(case),
        footer=f"track2 case {case.id}, reviewed {case.last_reviewed}",
    )


def questions_handout(case: Case) -> Document:
    """A printable handout of a case's discussion questions, with its summary for context."""
    citer = Citer()
    sections = [
        Section("summary", "The case", (Prose(citer.paras(case, case.summary)),)),
        Section(
            "questions", "Questions for discussion", (Questions(tuple(case.discussion_questions)),)
        ),
    ]
    used = {
        n
        for s in sections
        for b in s.blocks
        if isinstance(b, Prose)
        for p in b.paras
        for span in p
        for n in span.cites
    }
    refs = tuple(r for r in citer.references_of(case) if r.number in used)
    return Document(
        kind="questions",
        id=f"{case.id}-questions",
        title=f"Discussion questions: {case.title}",
        subtitle=case_subtitle(case),
        sections=tuple(sections),
        references=refs,
        footer=f"track2 case {case.id}",
    )
