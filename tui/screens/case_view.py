"""A case as tabs of entries: each entry one Text block the reader can move through.

Every entry is a single ``rich.text.Text`` built from literal case text (never markup), so
find-in-case can mark matches in it and the glossary can look up the words it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.text import Text

from tui.widgets.rows import literal, styled

if TYPE_CHECKING:
    from cases.model import Case, Item


@dataclass
class Entry:
    """One block of a tab: its text, and what ``b`` adds or ``enter`` opens."""

    text: Text
    ref: str | None = None
    """The briefing ref of this block ("case/item"), when it is an item."""
    opens: str | None = None
    """The case id ``enter`` opens (related cases)."""
    item_id: str | None = None


@dataclass
class Tab:
    """One tab of the case screen."""

    id: str
    label: str
    entries: list[Entry] = field(default_factory=list)


TABS = (
    ("overview", "Overview"),
    ("timeline", "Timeline"),
    ("lessons", "Lessons"),
    ("challenges", "Challenges"),
    ("recommendations", "Recommendations"),
    ("questions", "Questions"),
    ("sources", "Sources"),
    ("related", "Related"),
    ("disputed", "Disputed"),
)
ITEM_TABS = {"lesson": "lessons", "challenge": "challenges", "recommendation": "recommendations"}


def _block(title: str, *body: Text | str) -> Text:
    out = styled(title, "bold")
    for part in body:
        out.append("\n")
        out.append_text(part if isinstance(part, Text) else literal(part))
    return out


def _item(case: Case, item: Item) -> Entry:
    from cases.model import Recommendation
    from cases.vocab import vocabulary

    v = vocabulary()
    text = literal(item.title, "bold")
    text.append("\n")
    text.append_text(literal(item.text))
    meta = "tags: " + ", ".join(v.label("tags", x) for x in item.tags)
    if isinstance(item, Recommendation):
        meta += "  |  for: " + ", ".join(v.label("audiences", a) for a in item.audience)
    text.append("\n")
    text.append(meta, style="dim italic")
    return Entry(text, ref=f"{case.id}/{item.id}", item_id=item.id)


def _overview(case: Case) -> list[Entry]:
    from cases.vocab import vocabulary

    v = vocabulary()
    facts = Text()
    period = case.period.start + " to " + (case.period.end or "ongoing")
    rows = (
        ("Period", period),
        ("Track", ", ".join(case.track)),
        ("Regions", ", ".join(v.label("regions", r) for r in case.regions)),
        ("Countries", ", ".join(v.label("countries", c) for c in case.countries)),
        ("Themes", ", ".join(v.label("themes", t) for t in case.themes)),
        ("Library", case.origin),
        ("Reviewed", case.last_reviewed),
    )
    for label, value in rows:
        if value:
            facts.append(f"{label:<10}", style="bold")
            facts.append_text(literal(value))
            facts.append("\n")
    facts.rstrip()
    entries = [
        Entry(_block("Summary", case.summary), ref=case.id),
        Entry(facts, ref=case.id),
        Entry(_block("Background", case.background)),
    ]
    if case.actors:
        actors = styled("Actors", "bold")
        for a in case.actors:
            actors.append("\n- ")
            actors.append_text(literal(a.name, "bold"))
            actors.append(f" ({v.label('actor_types', a.type)}, {v.label('actor_roles', a.role)})")
            extra = " / ".join(x for x in (a.affiliation, a.side) if x)
            if extra:
                actors.append(": ")
                actors.append_text(literal(extra))
        entries.append(Entry(actors))
    entries.append(Entry(_block("Outcome", case.outcome)))
    return entries


def _sources(case: Case) -> list[Entry]:
    out = []
    for n, s in enumerate(case.sources, 1):
        line = Text(f"{n}. ")
        if s.author:
            line.append_text(literal(s.author + ", "))
        line.append_text(literal(s.title, "italic"))
        rest = ", ".join(x for x in (s.publisher, str(s.year) if s.year else None) if x)
        if rest:
            line.append_text(literal(", " + rest))
        if s.url:
            line.append("\n")
            line.append_text(literal(s.url, "underline"))
        if s.is_source_article:
            line.append("  (source article)", style="dim")
        out.append(Entry(line))
    return out


def _related(case: Case, titles: dict[str, str]) -> list[Entry]:
    from cases.vocab import vocabulary

    v = vocabulary()
    out = []
    for r in case.related:
        line = literal(titles.get(r.case, r.case), "bold")
        line.append(f"  ({v.label('relations', r.relation)})", style="dim")
        if r.case not in titles:
            line.append("  not in this library", style="italic")
        if r.note:
            line.append("\n")
            line.append_text(literal(r.note))
        out.append(Entry(line, opens=r.case if r.case in titles else None))
    return out


def _disputed(case: Case) -> list[Entry]:
    out = []
    for d in case.disputed:
        text = literal(d.claim, "bold")
        for p in d.positions:
            src = case.source(p.source)
            text.append("\n- ")
            text.append_text(literal(src.title if src else p.source, "italic"))
            text.append(": ")
            text.append_text(literal(p.says))
        if d.note:
            text.append("\nOur reading: ", style="bold")
            text.append_text(literal(d.note))
        out.append(Entry(text))
    return out


def case_tabs(case: Case, titles: dict[str, str]) -> list[Tab]:
    """The nine tabs of a case; ``titles`` maps case ids in the library to their titles."""
    tabs = {tid: Tab(tid, label) for tid, label in TABS}
    tabs["overview"].entries = _overview(case)
    for ev in case.timeline:
        line = styled(f"{ev.date:<11}", "bold")
        line.append_text(literal(ev.event))
        tabs["timeline"].entries.append(Entry(line))
    for kind, item in case.items():
        tabs[ITEM_TABS[kind]].entries.append(_item(case, item))
    for n, q in enumerate(case.discussion_questions, 1):
        tabs["questions"].entries.append(Entry(Text(f"{n}. ").append_text(literal(q))))
    tabs["sources"].entries = _sources(case)
    tabs["related"].entries = _related(case, titles)
    tabs["disputed"].entries = _disputed(case)
    return list(tabs.values())


def similar_entries(hits: list[tuple[str, str]], skip: set[str], count: int = 4) -> list[Entry]:
    """Entries for cases that read like this one: ``hits`` are (case id, title), best first."""
    out: list[Entry] = []
    for case_id, title in hits:
        if case_id in skip or len(out) == count:
            continue
        skip = skip | {case_id}
        line = styled("Reads like this case: ", "dim italic")
        line.append_text(literal(title, "bold"))
        out.append(Entry(line, opens=case_id))
    return out


def marked(text: Text, needle: str, style: str = "reverse") -> Text:
    """A copy of ``text`` with every case-insensitive occurrence of ``needle`` styled."""
    out = text.copy()
    if needle:
        out.highlight_regex(re.compile(re.escape(needle), re.IGNORECASE), style=style)
    return out
