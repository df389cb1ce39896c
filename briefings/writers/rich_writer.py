"""Documents as Rich renderables: the terminal (`track2 show`, `track2 brief`), the explorer's
case view, compare and briefing preview, and the text, ANSI and SVG exports.

Every piece of document text becomes a ``rich.text.Text`` with control and bidi characters
removed: never markup. Styles are named roles (``STYLES``); the explorer passes its own, taken
from the Textual theme, so colours follow the theme and ``NO_COLOR`` leaves bold and italic.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.style import Style
from rich.table import Table
from rich.text import Text

from cases.document import (
    KIND_LABELS,
    Actors,
    Agreements,
    Block,
    CaseHead,
    Disputed,
    Document,
    Facts,
    ItemEntry,
    Items,
    Para,
    Prose,
    Questions,
    Reference,
    Related,
    Timeline,
    number_label,
)
from cases.text import clean

STYLES: dict[str, str] = {
    "title": "bold",
    "subtitle": "dim",
    "heading": "bold",
    "rule": "dim",
    "label": "bold",
    "cite": "dim",
    "meta": "dim italic",
    "marking": "bold",
    "item": "bold",
    "case": "bold",
    "link": "underline",
    "kind.lesson": "bold green",
    "kind.challenge": "bold yellow",
    "kind.recommendation": "bold cyan",
    "kind.point": "bold",
}
"""Role -> Rich style for the terminal; the explorer replaces the colours with its theme's."""


@dataclass
class Line:
    """One line of an entry: text, how far it is indented, and an optional hanging label."""

    text: Text
    indent: int = 0
    label: str = ""


@dataclass
class Entry:
    """What the reader moves through: one item, event, fact list, paragraph or reference."""

    lines: list[Line] = field(default_factory=list)
    ref: str = ""
    """The briefing ref ``b`` adds (an item, or the case itself)."""
    opens: str = ""
    """What ``enter`` opens: a case id (related cases) or ``agreement:N``."""
    tight: bool = False
    """Set for list-like entries (events, questions, references): no blank line between."""


def lit(text: str, style: str | Style = "") -> Text:
    """Document text as Text: literal, control and bidi characters dropped."""
    out = Text(clean(text))
    if style and out:
        out.stylize(style)
    return out


class Writer:
    """Turns blocks into entries and documents into one renderable, with a set of styles."""

    def __init__(self, styles: Mapping[str, str] | None = None) -> None:
        self.styles = {**STYLES, **(styles or {})}

    def s(self, role: str) -> str:
        """The style of a role."""
        return self.styles.get(role, "")

    # Pieces --------------------------------------------------------------------------------

    def cites(self, numbers: tuple[int, ...]) -> Text:
        """`` [3, 7]`` (empty when there are none)."""
        return lit(f" [{number_label(numbers)}]", self.s("cite")) if numbers else Text()

    def para(self, para: Para) -> Text:
        """One paragraph with its citation numbers."""
        out = Text()
        for span in para:
            out.append_text(lit(span.text))
            out.append_text(self.cites(span.cites))
        return out

    def reference_text(self, ref: Reference) -> Text:
        """``[3] Author, Title, Publisher, 1993``."""
        out = Text(f"[{ref.number}] ")
        if ref.author:
            out.append_text(lit(ref.author + ", "))
        out.append_text(lit(ref.title, "italic"))
        rest = ", ".join(x for x in (ref.publisher, str(ref.year) if ref.year else "") if x)
        if rest:
            out.append_text(lit(", " + rest))
        if ref.source_article:
            out.append(" (one of the two source articles)", style=self.s("meta"))
        return out

    def reference_entry(self, ref: Reference) -> Entry:
        """A reference, its URL on a line of its own as a terminal hyperlink (never split
        into two links: a terminal that wraps it still opens the whole address)."""
        lines = [Line(self.reference_text(ref))]
        if ref.url:
            link = Style.parse(self.s("link") or "none") + Style(link=clean(ref.url))
            lines.append(Line(lit(ref.url, link), 4))
        return Entry(lines, tight=True)

    def item(self, entry: ItemEntry) -> Entry:
        """A lesson, challenge, recommendation or point."""
        head = Text()
        if entry.source_case or entry.kind == "point":
            label = KIND_LABELS.get(entry.kind, entry.kind).upper()
            head.append_text(lit(label, self.s(f"kind.{entry.kind}")))
            head.append("  ")
        head.append_text(lit(entry.title, self.s("item")))
        head.append_text(self.cites(entry.cites))
        lines = [Line(head)]
        lines += [Line(self.para(p), 2) for p in entry.text]
        meta = entry.meta()
        if meta:
            lines.append(Line(lit(" \u00b7 ".join(meta), self.s("meta")), 2))
        return Entry(lines, ref=entry.ref)

    # Blocks --------------------------------------------------------------------------------

    def entries(self, block: Block) -> list[Entry]:
        """The entries of one block, in order."""
        if isinstance(block, Prose):
            out = []
            for n, p in enumerate(block.paras):
                text = self.para(p)
                if block.label and n == 0:
                    text = lit(block.label + ": ", self.s("label")) + text
                out.append(Entry([Line(text)]))
            return out
        if isinstance(block, Facts):
            width = max((len(label) for label, _ in block.rows), default=0) + 2
            lines = [Line(lit(value), 0, label.ljust(width)) for label, value in block.rows]
            return [Entry(lines)] if lines else []
        if isinstance(block, Items):
            return [self.item(e) for e in block.entries]
        if isinstance(block, Timeline):
            width = max((len(e.date) for e in block.events), default=0) + 2
            return [
                Entry([Line(lit(e.text) + self.cites(e.cites), 0, e.date.ljust(width))], tight=True)
                for e in block.events
            ]
        if isinstance(block, Actors):
            out = []
            for a in block.rows:
                text = lit(a.name, self.s("item"))
                text.append_text(lit(f" ({a.type}, {a.role})", self.s("meta")))
                extra = " \u00b7 ".join(x for x in (a.affiliation, a.side) if x)
                lines = [Line(text)] + ([Line(lit(extra), 2)] if extra else [])
                out.append(Entry(lines))
            return out
        if isinstance(block, Related):
            out = []
            for r in block.rows:
                text = lit(r.title, self.s("item"))
                text.append_text(lit(f"  ({r.relation})", self.s("meta")))
                if not r.in_library:
                    text.append_text(lit("  not in this library", "italic"))
                lines = [Line(text)] + ([Line(lit(r.note), 2)] if r.note else [])
                out.append(Entry(lines, opens=r.case_id if r.in_library else ""))
            return out
        if isinstance(block, Disputed):
            out = []
            for d in block.entries:
                lines = [Line(lit(d.claim, self.s("item")))]
                for pos in d.positions:
                    text = lit(pos.source, "italic")
                    if pos.cite:
                        text.append_text(self.cites((pos.cite,)))
                    text.append(": ")
                    text.append_text(lit(pos.says))
                    lines.append(Line(text, 2))
                for n, p in enumerate(d.note):
                    lead = lit("Our reading: ", self.s("label")) if n == 0 else Text()
                    lines.append(Line(lead + self.para(p), 2))
                out.append(Entry(lines))
            return out
        if isinstance(block, Questions):
            width = len(str(len(block.items))) + 2
            return [
                Entry([Line(lit(q), 0, f"{n}.".ljust(width))], tight=True)
                for n, q in enumerate(block.items, 1)
            ]
        if isinstance(block, Agreements):
            out = []
            for ag in block.rows:
                text = lit(ag.name, self.s("item"))
                text.append_text(
                    lit(f"  {ag.date} \u00b7 {ag.relation} \u00b7 PA-X {ag.pax}", self.s("meta"))
                )
                lines = [Line(text)] + [Line(self.para(p), 2) for p in ag.note]
                link = Style.parse(self.s("link") or "none") + Style(link=ag.url)
                lines.append(Line(lit(ag.url, link), 2))
                out.append(Entry(lines, opens=f"agreement:{ag.pax}"))
            return out
        if isinstance(block, CaseHead):
            head = lit(block.title, self.s("case")) if block.title else Text()
            if block.title:
                head.append("  ")
            head.append_text(lit(block.subtitle, self.s("subtitle")))
            return [Entry([Line(head)], ref=block.case_id, tight=True)]
        raise TypeError(f"no Rich writer for {type(block).__name__}")

    def reference_entries(self, doc: Document) -> list[Entry]:
        """One entry per reference."""
        return [self.reference_entry(r) for r in doc.references]

    # Whole documents ------------------------------------------------------------------------

    def entry_text(self, entry: Entry) -> Text:
        """An entry as one Text (the explorer's rows): labels inline.

        Indents are left out: a list row wraps its Text without a hanging indent, so an
        indented first line would make the paragraph ragged rather than set off.
        """
        out = Text()
        for n, line in enumerate(entry.lines):
            if n:
                out.append("\n")
            if line.label:
                out.append_text(lit(line.label, self.s("label")))
            out.append_text(line.text)
        return out

    def entry_renderable(self, entry: Entry) -> RenderableType:
        """An entry for a console: wrapped lines keep their indent and hang under labels."""
        parts: list[RenderableType] = []
        for line in entry.lines:
            if line.label:
                grid = Table.grid()
                grid.add_column(no_wrap=True, width=len(line.label))
                grid.add_column(ratio=1)
                grid.add_row(lit(line.label, self.s("label")), line.text)
                body: RenderableType = grid
            else:
                body = line.text
            parts.append(Padding(body, (0, 0, 0, line.indent)) if line.indent else body)
        return Group(*parts)

    def title_block(self, doc: Document) -> RenderableType:
        """Title, subtitle and the title block's rows (audience, purpose, as of...)."""
        parts: list[RenderableType] = []
        if doc.marking:
            parts.append(lit(doc.marking.upper(), self.s("marking")))
        parts.append(lit(doc.title, self.s("title")))
        if doc.subtitle:
            parts.append(lit(doc.subtitle, self.s("subtitle")))
        if doc.meta:
            grid = Table.grid(padding=(0, 2))
            grid.add_column(style=self.s("label"), no_wrap=True)
            grid.add_column()
            for label, value in doc.meta:
                grid.add_row(lit(label), lit(value))
            parts += [Text(""), grid]
        if doc.kind in ("briefing", "short"):
            return Panel(Group(*parts), box=box.HEAVY, padding=(0, 1))
        return Group(*parts)

    def render(self, doc: Document) -> RenderableType:
        """The whole document, ready for ``Console.print``."""
        parts: list[RenderableType] = [self.title_block(doc)]
        for note in doc.notes:
            parts.append(lit("Note: " + note, self.s("meta")))
        sections = [
            (s.heading, [e for b in s.blocks for e in self.entries(b)]) for s in doc.sections
        ]
        if doc.references:
            sections.append(
                ("References" if doc.kind != "case" else "Sources", self.reference_entries(doc))
            )
        for heading, entries in sections:
            parts += [
                Text(""),
                Rule(lit(heading, self.s("heading")), align="left", style=self.s("rule")),
            ]
            for n, entry in enumerate(entries):
                if n and not (entry.tight and entries[n - 1].tight):
                    parts.append(Text(""))
                parts.append(self.entry_renderable(entry))
        if doc.footer:
            parts += [Text(""), lit(doc.footer, self.s("subtitle"))]
        return Group(*parts)


def render(doc: Document, styles: Mapping[str, str] | None = None) -> RenderableType:
    """``doc`` as one Rich renderable with the terminal's styles (or ``styles``)."""
    return Writer(styles).render(doc)
