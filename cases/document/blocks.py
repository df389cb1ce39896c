"""The document model: a case, a briefing or a handout as plain typed blocks.

Built once (``cases.document.case``, ``briefings.document``) and written by small writers
(``briefings.writers``) to Rich, text, Markdown, HTML, SVG, JSON, PDF and DOCX. Blocks hold
plain strings and citation numbers only: no markup of any kind, so each writer owns its own
escaping and no case text can become markup in any format.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A run of text, followed by the numbers of the references that support it."""

    text: str
    cites: tuple[int, ...] = ()


Para = tuple[Span, ...]
"""One paragraph: spans in reading order."""


@dataclass(frozen=True)
class Facts:
    """Label and value pairs (period, tracks, regions...)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Prose:
    """Paragraphs of running text, optionally introduced by a label ("Outcome")."""

    paras: tuple[Para, ...]
    label: str = ""


KIND_LABELS = {
    "lesson": "Lesson",
    "challenge": "Challenge",
    "recommendation": "Recommendation",
    "point": "Point",
}
"""How each kind of item is named to a reader."""


@dataclass(frozen=True)
class ItemEntry:
    """A lesson, challenge, recommendation or point to make."""

    kind: str
    """"lesson", "challenge", "recommendation" or "point"."""
    title: str
    text: tuple[Para, ...]
    cites: tuple[int, ...] = ()
    ref: str = ""
    """``case-id/item-id`` (what the explorer adds to a briefing); empty for points."""
    tags: tuple[str, ...] = ()
    """Tag labels."""
    audience: tuple[str, ...] = ()
    """Audience labels (recommendations)."""
    source_case: str = ""
    """The case label, when the item stands outside its case (in a briefing)."""

    def meta(self) -> list[str]:
        """The line under an item, in parts: its case (outside it), tags, audience."""
        out = [f"From: {self.source_case}"] if self.source_case else []
        out += [f"Tags: {', '.join(self.tags)}"] if self.tags else []
        out += [f"For: {', '.join(self.audience)}"] if self.audience else []
        return out


@dataclass(frozen=True)
class Items:
    """Items of one kind, in order."""

    kind: str
    entries: tuple[ItemEntry, ...]


@dataclass(frozen=True)
class Event:
    """One dated event."""

    date: str
    text: str
    cites: tuple[int, ...] = ()


@dataclass(frozen=True)
class Timeline:
    """Dated events, in order."""

    events: tuple[Event, ...]


@dataclass(frozen=True)
class ActorRow:
    """A person or organisation and how they took part (labels, not vocabulary ids)."""

    name: str
    type: str
    role: str
    affiliation: str = ""
    side: str = ""


@dataclass(frozen=True)
class Actors:
    """Who took part."""

    rows: tuple[ActorRow, ...]


@dataclass(frozen=True)
class RelatedRow:
    """Another case and how it relates."""

    case_id: str
    title: str
    relation: str
    note: str = ""
    in_library: bool = True


@dataclass(frozen=True)
class Related:
    """Links to other cases."""

    rows: tuple[RelatedRow, ...]


@dataclass(frozen=True)
class Position:
    """What one source says on a disputed point."""

    source: str
    """The source's title."""
    says: str
    cite: int | None = None


@dataclass(frozen=True)
class DisputedEntry:
    """A claim on which sources disagree."""

    claim: str
    positions: tuple[Position, ...]
    note: tuple[Para, ...] = ()


@dataclass(frozen=True)
class Disputed:
    """Every disputed point."""

    entries: tuple[DisputedEntry, ...]


@dataclass(frozen=True)
class Questions:
    """Numbered discussion questions."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class AgreementRow:
    """A signed agreement the case fed (from the case, or from an imported PA-X record)."""

    pax: int
    name: str
    date: str
    relation: str
    url: str
    note: tuple[Para, ...] = ()


@dataclass(frozen=True)
class Agreements:
    """Agreements linked to the case."""

    rows: tuple[AgreementRow, ...]


@dataclass(frozen=True)
class CaseHead:
    """The title of a case shown whole inside a briefing section."""

    title: str
    subtitle: str
    case_id: str


Block = (
    Facts
    | Prose
    | Items
    | Timeline
    | Actors
    | Related
    | Disputed
    | Questions
    | Agreements
    | CaseHead
)
"""Every kind of block a section can hold."""


@dataclass(frozen=True)
class Section:
    """A titled part of a document."""

    id: str
    """A stable key ("summary", "lessons", "section-2"): the explorer's tabs and anchors."""
    heading: str
    blocks: tuple[Block, ...]
    subtitle: str = ""
    """A line under the heading (a whole case in a briefing: its years and tracks)."""


@dataclass(frozen=True)
class Reference:
    """One numbered entry in the reference list."""

    number: int
    title: str
    author: str = ""
    publisher: str = ""
    year: int | None = None
    url: str = ""
    source_article: bool = False
    ids: tuple[str, ...] = ()
    """The source ids it stands for, as ``case-id/source-id``."""


@dataclass(frozen=True)
class Document:
    """A whole document: the title block, sections in order, and the references they cite."""

    kind: str
    """"case", "briefing", "short" (a short brief) or "questions" (a handout)."""
    id: str
    title: str
    subtitle: str = ""
    meta: tuple[tuple[str, str], ...] = ()
    """The title block's rows: audience, purpose, as of, library revision..."""
    marking: str = ""
    """A handling line printed on every page ("Unofficial - not for attribution")."""
    sections: tuple[Section, ...] = ()
    references: tuple[Reference, ...] = ()
    footer: str = ""
    notes: tuple[str, ...] = field(default=())
    """Things a writer could not do (a missing font), shown to the reader."""

    def with_notes(self, *notes: str) -> Document:
        """A copy with more notes."""
        from dataclasses import replace

        return replace(self, notes=self.notes + notes)
