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
    from cases.model import Case
    from cases.pax import AgreementSet


@dataclass
class TabEntry:
    """One block of a tab: its text, and what ``b`` adds or ``enter`` opens."""

    text: Text
    ref: str | None = None
    """The briefing ref of this block ("case/item"), when it is an item."""
    opens: str | None = None
    """The case id ``enter`` opens (related cases)."""
    item_id: str | None = None
    url: str | None = None
    """The link ``o`` opens (a source's or an agreement's)."""
    copy: str | None = None
    """What ``y`` copies (a source's citation); the case id when None."""


@dataclass
class Tab:
    """One tab of the case screen."""

    id: str
    label: str
    entries: list[TabEntry] = field(default_factory=list)


TABS = (
    ("overview", "Overview", ("summary", "facts", "background", "actors", "outcome", "track")),
    ("timeline", "Timeline", ("timeline",)),
    ("lessons", "Lessons", ("lessons",)),
    ("challenges", "Challenges", ("challenges",)),
    ("recommendations", "Recommendations", ("recommendations",)),
    ("questions", "Questions", ("questions",)),
    ("sources", "Sources", ()),
    ("related", "Related", ("related",)),
    ("disputed", "Disputed", ("disputed",)),
    ("agreements", "Agreements", ("agreements",)),
)
"""(tab id, label, the document sections it shows); sources show the document's references."""
ITEM_TABS = {"lesson": "lessons", "challenge": "challenges", "recommendation": "recommendations"}


def case_tabs(
    case: Case,
    titles: dict[str, str],
    styles: dict[str, str] | None = None,
    pax: AgreementSet | None = None,
) -> list[Tab]:
    """The tabs of a case, from its document; ``titles`` maps library case ids to titles;
    ``pax`` (the imported PA-X data) adds the key facts of the agreements it links to."""
    from briefings.writers.rich_writer import Writer
    from cases.document import build_case

    writer = Writer(styles)
    doc = build_case(case, titles, pax)
    sections = {s.id: s for s in doc.sections}
    urls = {f"agreement:{a.pax}": a.url for a in case.agreements}
    tabs = []
    for tab_id, label, section_ids in TABS:
        tab = Tab(tab_id, label)
        for sid in section_ids:
            section = sections.get(sid)
            if section is None:
                continue
            for n, entry in enumerate(e for b in section.blocks for e in writer.entries(b)):
                text = writer.entry_text(entry)
                if tab_id == "overview" and n == 0:
                    text = styled(section.heading, "bold") + Text("\n") + text
                item_id = entry.ref.partition("/")[2] if "/" in entry.ref else None
                ref = entry.ref or (case.id if sid in ("summary", "facts") else None)
                url = urls.get(entry.opens) if entry.opens else None
                tab.entries.append(
                    TabEntry(text, ref=ref, opens=entry.opens or None, item_id=item_id, url=url)
                )
        if tab_id == "sources":
            tab.entries = [
                TabEntry(
                    writer.entry_text(writer.reference_entry(r)),
                    url=r.url or None,
                    copy=writer.reference_text(r).plain + (f" {r.url}" if r.url else ""),
                )
                for r in doc.references
            ]
        tabs.append(tab)
    return tabs


def similar_entries(hits: list[tuple[str, str]], skip: set[str], count: int = 4) -> list[TabEntry]:
    """Entries for cases that read like this one: ``hits`` are (case id, title), best first."""
    out: list[TabEntry] = []
    for case_id, title in hits:
        if case_id in skip or len(out) == count:
            continue
        skip = skip | {case_id}
        line = styled("Reads like this case: ", "dim italic")
        line.append_text(literal(title, "bold"))
        out.append(TabEntry(line, opens=case_id))
    return out


def marked(text: Text, needle: str, style: str = "reverse") -> Text:
    """A copy of ``text`` with every case-insensitive occurrence of ``needle`` styled."""
    out = text.copy()
    if needle:
        out.highlight_regex(re.compile(re.escape(needle), re.IGNORECASE), style=style)
    return out


def preview_text(case: Case | None) -> Text:
    """A case in brief (the library's preview): title, years and tracks, themes, what it
    teaches, and its summary (citation markers left out)."""
    from cases.citations import strip_markers
    from cases.vocab import vocabulary
    from tui.widgets.rows import track_label

    if case is None:
        return Text()
    v = vocabulary()
    out = literal(case.title, "bold")
    out.append(f"\n{case.years} \u00b7 Track {track_label(case.track)}\n", style="dim")
    out.append_text(literal(", ".join(v.label("themes", t) for t in case.themes), "italic"))
    counts = [
        f"{len(items)} {name}{'' if len(items) == 1 else 's'}"
        for name, items in (
            ("lesson", case.lessons),
            ("challenge", case.challenges),
            ("recommendation", case.recommendations),
        )
        if items
    ]
    if counts:
        out.append("\n" + " \u00b7 ".join(counts), style="dim")
    out.append("\n\n")
    out.append_text(literal(" ".join(strip_markers(case.summary).split())))
    out.append("\n\nenter opens it", style="dim italic")
    return out
