"""A PA-X agreement as a document section: its key facts, provisions and the cases it came from.

Used by ``track2 agreement ID``, by briefings that include ``agreement: ID`` parts, and (the
facts line) by a case's Agreements part when agreements are imported. Every section that shows
PA-X data carries its credit, as PA-X asks.
"""

from __future__ import annotations

from dataclasses import dataclass

from cases.document.blocks import (
    Block,
    Document,
    Facts,
    Para,
    Prose,
    Reference,
    Related,
    RelatedRow,
    Section,
    Span,
)
from cases.pax import CREDIT, IMPORT_HINT, SITE, Agreement, codebook
from cases.vocab import vocabulary


@dataclass(frozen=True)
class LinkedCase:
    """A case that links to an agreement, and how."""

    case_id: str
    title: str
    relation: str
    note: str = ""


def level_label(level: int) -> str:
    """``level 2 of 3``: PA-X codes most provisions 1 to 3 by how much detail is given."""
    return f"level {level} of 3" if level in (1, 2, 3) else f"coded {level}"


def provision_summary(a: Agreement, limit: int = 0) -> str:
    """``Gender (level 2 of 3), Ceasefire (level 3 of 3)``, or "none coded"."""
    cats = a.categories()
    if not cats:
        return "none coded" if a.provisions is not None else ""
    shown = cats[:limit] if limit else cats
    text = ", ".join(f"{label} ({level_label(level)})" for _, label, level, _ in shown)
    if limit and len(cats) > limit:
        text += f" and {len(cats) - limit} more"
    return text


def facts_of(a: Agreement) -> Facts:
    """Name-less key facts of an agreement, in the order a reader looks for them."""
    book = codebook()
    v = vocabulary()
    stage = book.stage(a.stage) if a.stage else ""
    if a.substage:
        sub = book.substages.get(a.substage, a.substage)
        stage = f"{stage} ({sub})" if stage else sub
    length = []
    if a.pages is not None:
        length.append(f"{a.pages} page{'s' if a.pages != 1 else ''}")
    if a.characters is not None:
        length.append(f"{a.characters:,} characters")
    rows = [
        ("PA-X id", str(a.id)),
        ("Date", a.date),
        ("Peace process", a.process),
        ("Conflict", " \u00b7 ".join(x for x in (a.conflict, a.conflict_type) if x)),
        ("Region", a.region_label),
        ("Countries", ", ".join(v.label("countries", c) for c in a.countries)),
        ("Parties", a.parties),
        ("Third parties", a.third_parties),
        ("Stage", stage),
        ("Type", book.agreement_type(a.agreement_type) if a.agreement_type else ""),
        ("Status", a.status),
        ("Length", ", ".join(length)),
        ("Interim", a.interim),
        ("Other agreements", a.other_agreements),
        ("PA-X page", a.link),
    ]
    return Facts(tuple((label, value) for label, value in rows if value))


def provisions_of(a: Agreement) -> Facts:
    """One row per provision category present: its level and the issues coded."""
    book = codebook()
    rows = []
    for _, label, level, codes in a.categories():
        issues = "; ".join(book.provision(c) for c in codes)
        rows.append((label, f"{level_label(level)}: {issues}"))
    return Facts(tuple(rows))


def _text(text: str) -> Para:
    return (Span(text),)


def credit() -> Prose:
    """The line every PA-X view carries."""
    return Prose((_text(CREDIT),))


def linked_block(linked: list[LinkedCase]) -> Related:
    """The cases that link to the agreement, as related cases."""
    return Related(tuple(RelatedRow(c.case_id, c.title, c.relation, c.note) for c in linked))


def agreement_blocks(
    a: Agreement | None,
    agreement_id: int,
    linked: list[LinkedCase],
    stored: tuple[str, str] | None = None,
) -> tuple[Block, ...]:
    """The blocks of one agreement in a briefing: facts with a provisions summary, the cases
    that fed it, the credit. ``a`` is None when nothing is imported (or the id is not in the
    import): then what a case stored (``stored``: name, date) and how to import."""
    blocks: list[Block] = []
    if a is not None:
        if a.description:
            blocks.append(Prose((_text(a.description),)))
        facts = facts_of(a)
        summary = provision_summary(a)
        if summary:
            facts = Facts(facts.rows + (("Provisions", summary),))
        blocks.append(facts)
    else:
        blocks += _not_imported(agreement_id, stored)
    if linked:
        blocks.append(linked_block(linked))
    blocks.append(credit())
    return tuple(blocks)


def _not_imported(agreement_id: int, stored: tuple[str, str] | None) -> list[Block]:
    rows = [("PA-X id", str(agreement_id))]
    if stored:
        rows += [("Name", f"{stored[0]} (as the case records it)"), ("Date", stored[1])]
    rows.append(("PA-X page", SITE.format(id=agreement_id)))
    return [Facts(tuple(rows)), Prose((_text(IMPORT_HINT),))]


def agreement_section(
    a: Agreement | None,
    agreement_id: int,
    linked: list[LinkedCase],
    stored: tuple[str, str] | None = None,
    section_id: str = "",
) -> Section:
    """The agreement as one section of a briefing."""
    return Section(
        id=section_id or f"agreement-{agreement_id}",
        heading=agreement_title(a, agreement_id, stored),
        subtitle=agreement_subtitle(a, agreement_id),
        blocks=agreement_blocks(a, agreement_id, linked, stored=stored),
    )


def agreement_title(a: Agreement | None, agreement_id: int, stored: tuple[str, str] | None) -> str:
    return a.name if a else (stored[0] if stored else f"PA-X agreement {agreement_id}")


def agreement_subtitle(a: Agreement | None, agreement_id: int) -> str:
    return f"PA-X {agreement_id}" + (f" \u00b7 {a.date} \u00b7 {a.process}" if a else "")


def pax_reference(number: int = 1) -> Reference:
    """The citation PA-X asks for, as a reference entry."""
    return Reference(
        number=number,
        title="Introducing PA-X: A new peace agreement database and dataset",
        author="Christine Bell and Sanja Badanjak",
        publisher="Journal of Peace Research 56(3): 452-466",
        year=2019,
    )


def build_agreement(
    a: Agreement | None,
    agreement_id: int,
    linked: list[LinkedCase],
    stored: tuple[str, str] | None = None,
) -> Document:
    """One agreement as a whole document (``track2 agreement ID``): its facts, the provisions
    it codes with their level, the cases that fed it, and the credit PA-X asks for."""
    sections: list[Section] = []
    if a is not None:
        first: list[Block] = [Prose((_text(a.description),))] if a.description else []
        sections.append(Section("agreement", "Agreement", (*first, facts_of(a))))
        prov = provisions_of(a)
        if prov.rows:
            sections.append(Section("provisions", "Provisions", (prov,)))
        else:
            note = "No provisions are coded in the imported file (the summary export has none)."
            sections.append(Section("provisions", "Provisions", (Prose((_text(note),)),)))
    else:
        sections.append(
            Section("agreement", "Agreement", tuple(_not_imported(agreement_id, stored)))
        )
    if linked:
        sections.append(Section("cases", "Cases that fed it", (linked_block(linked),)))
    sections.append(Section("credit", "Data", (credit(),)))
    return Document(
        kind="agreement",
        id=f"agreement-{agreement_id}",
        title=agreement_title(a, agreement_id, stored),
        subtitle=agreement_subtitle(a, agreement_id),
        sections=tuple(sections),
        references=(pax_reference(),),
        footer=f"track2 \u00b7 PA-X agreement {agreement_id}",
    )
