"""Documents as Word files (python-docx): Word's own heading and list styles, so the
navigation pane and a table of contents work; the title block as a table; live links."""

from __future__ import annotations

import io
from typing import Any

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from cases.document import (
    KIND_LABELS,
    Actors,
    Agreements,
    Block,
    CaseHead,
    Disputed,
    Document,
    Facts,
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

MUTED = RGBColor(0x55, 0x55, 0x5D)


def _text(text: str) -> str:
    # Word rejects control characters in XML; clean() drops them and bidi overrides.
    return clean(text)


def _cite(p: Paragraph, numbers: tuple[int, ...]) -> None:
    if numbers:
        run = p.add_run(f" [{number_label(numbers)}]")
        run.font.color.rgb = MUTED
        run.font.size = Pt(8)


def _spans(p: Paragraph, para: Para) -> None:
    for span in para:
        p.add_run(_text(span.text))
        _cite(p, span.cites)


def add_link(p: Paragraph, url: str, text: str | None = None) -> None:
    """A live hyperlink run (python-docx has no API for it: the relationship and element)."""
    rid = p.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "1F4E79")
    props.append(colour)
    run.append(props)
    node = OxmlElement("w:t")
    node.text = _text(text or url)
    run.append(node)
    link.append(run)
    p._p.append(link)


def _meta_line(d: Any, text: str) -> None:
    p = d.add_paragraph()
    run = p.add_run(_text(text))
    run.italic = True
    run.font.color.rgb = MUTED
    run.font.size = Pt(9)


def _block(d: Any, block: Block) -> None:
    if isinstance(block, Prose):
        for n, para in enumerate(block.paras):
            p = d.add_paragraph()
            if block.label and n == 0:
                p.add_run(_text(block.label) + ": ").bold = True
            _spans(p, para)
    elif isinstance(block, Facts | Timeline):
        rows = (
            block.rows
            if isinstance(block, Facts)
            else tuple((e.date, e.text) for e in block.events)
        )
        cites = (
            ((),) * len(rows) if isinstance(block, Facts) else tuple(e.cites for e in block.events)
        )
        table = d.add_table(rows=0, cols=2)
        for (label, value), numbers in zip(rows, cites, strict=True):
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(_text(label)).bold = True
            cells[1].paragraphs[0].add_run(_text(value))
            _cite(cells[1].paragraphs[0], numbers)
    elif isinstance(block, Items):
        for item in block.entries:
            if block.kind == "point" or not item.text:
                p = d.add_paragraph(style="List Bullet")
                p.add_run(_text(item.title)).bold = True
                if item.source_case:
                    p.add_run(" (" + _text(item.source_case) + ")")
                _cite(p, item.cites)
                continue
            label = f"{KIND_LABELS.get(item.kind, item.kind)}: " if item.source_case else ""
            h = d.add_heading(_text(label + item.title), level=3)
            _cite(h, item.cites)
            for para in item.text:
                _spans(d.add_paragraph(), para)
            meta = item.meta()
            if meta:
                _meta_line(d, " · ".join(meta))
    elif isinstance(block, Actors):
        for a in block.rows:
            p = d.add_paragraph(style="List Bullet")
            p.add_run(_text(a.name)).bold = True
            extra = " · ".join(x for x in (a.affiliation, a.side) if x)
            p.add_run(_text(f" ({a.type}, {a.role})" + (f": {extra}" if extra else "")))
    elif isinstance(block, Related):
        for r in block.rows:
            p = d.add_paragraph(style="List Bullet")
            p.add_run(_text(r.title)).bold = True
            p.add_run(_text(f" ({r.relation})" + (f": {r.note}" if r.note else "")))
    elif isinstance(block, Disputed):
        for entry in block.entries:
            d.add_heading(_text(entry.claim), level=3)
            for pos in entry.positions:
                p = d.add_paragraph(style="List Bullet")
                p.add_run(_text(pos.source)).italic = True
                _cite(p, (pos.cite,) if pos.cite else ())
                p.add_run(": " + _text(pos.says))
            for para in entry.note:
                p = d.add_paragraph(style="List Bullet")
                p.add_run("Our reading: ").bold = True
                _spans(p, para)
    elif isinstance(block, Questions):
        for q in block.items:
            d.add_paragraph(_text(q), style="List Number")
    elif isinstance(block, Agreements):
        for ag in block.rows:
            p = d.add_paragraph(style="List Bullet")
            p.add_run(_text(ag.name)).bold = True
            p.add_run(_text(f" ({ag.date}, {ag.relation}, PA-X {ag.pax}) "))
            add_link(p, ag.url)
            for para in ag.note:
                _spans(d.add_paragraph(), para)
    elif isinstance(block, CaseHead):
        h = d.add_heading(_text(block.title or block.subtitle), level=2)
        if block.title:
            run = h.add_run("  " + _text(block.subtitle))
            run.font.size = Pt(10)
            run.font.color.rgb = MUTED


def _reference(d: Any, ref: Reference) -> None:
    p = d.add_paragraph(style="List Number")
    if ref.author:
        p.add_run(_text(ref.author) + ", ")
    p.add_run(_text(ref.title)).italic = True
    rest = ", ".join(x for x in (ref.publisher, str(ref.year) if ref.year else "") if x)
    if rest:
        p.add_run(", " + _text(rest))
    if ref.source_article:
        p.add_run(" (one of the two source articles)")
    p.add_run(". ")
    if ref.url:
        add_link(p, ref.url)


def to_docx(doc: Document) -> bytes:
    """The document as a .docx file's bytes."""
    d = new_docx()
    d.core_properties.title = _text(doc.title)
    d.core_properties.comments = _text(doc.footer)
    section = d.sections[0]
    if doc.marking:
        header = section.header.paragraphs[0]
        header.text = _text(f"{doc.title} \u2014 {doc.marking}")
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if doc.marking:
        _meta_line(d, doc.marking.upper())
    d.add_heading(_text(doc.title), level=0)
    if doc.subtitle:
        _meta_line(d, doc.subtitle)
    if doc.meta:
        table = d.add_table(rows=0, cols=2)
        table.style = "Light List"
        for label, value in doc.meta:
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(_text(label)).bold = True
            cells[1].paragraphs[0].add_run(_text(value))
    for note in doc.notes:
        _meta_line(d, "Note: " + note)
    for part in doc.sections:
        d.add_heading(_text(part.heading), level=1)
        for block in part.blocks:
            _block(d, block)
    if doc.references:
        d.add_heading("Sources" if doc.kind == "case" else "References", level=1)
        for ref in doc.references:
            _reference(d, ref)
    if doc.footer:
        _meta_line(d, doc.footer)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()
