"""Documents as CommonMark. Every piece of text is escaped here, and only what would
otherwise be read as Markdown: a reader sees ``(1992-1993)`` and ``[3]`` as written."""

from __future__ import annotations

import re

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

_SPECIAL = re.compile(r"[\\`*_{}<>#|~&]|\](?=[(\[:])")
"""What CommonMark reads as syntax in running text. A bracket becomes a link only when "]" is
followed by "(", "[" or ":", so only that "]" is escaped: "[3]" and "(1992)" stay as written."""


def md_escape(text: str) -> str:
    """``text`` as CommonMark shows it literally: no emphasis, links, HTML or lists."""
    out = _SPECIAL.sub(lambda m: "\\" + m.group(0), clean(text))
    # A line starting with "-", "+", "=" or "1." would become a list or heading: escape the
    # punctuation (CommonMark escapes punctuation only, so "\1." would show the backslash).
    out = re.sub(r"(?m)^(\s*)([-+=])", r"\1\\\2", out)
    return re.sub(r"(?m)^(\s*\d+)([.)])", r"\1\\\2", out)


def _cites(numbers: tuple[int, ...]) -> str:
    return f" [{number_label(numbers)}]" if numbers else ""


def _para(para: Para) -> str:
    return "".join(md_escape(s.text) + _cites(s.cites) for s in para)


def _url(url: str) -> str:
    # An autolink keeps the URL whole and clickable; <, > and spaces cannot occur in it.
    return f"<{clean(url)}>" if re.fullmatch(r"https?://[^\s<>]+", url) else md_escape(url)


def _block(block: Block) -> list[str]:
    e = md_escape
    out: list[str] = []
    if isinstance(block, Prose):
        for n, p in enumerate(block.paras):
            lead = f"**{e(block.label)}:** " if block.label and n == 0 else ""
            out += [lead + _para(p), ""]
    elif isinstance(block, Facts):
        out += [f"- **{e(label)}:** {e(value)}" for label, value in block.rows] + [""]
    elif isinstance(block, Items):
        for item in block.entries:
            kind = f"{KIND_LABELS.get(item.kind, item.kind)}: " if item.source_case else ""
            if block.kind == "point" or not item.text:
                out.append(
                    f"- **{e(kind + item.title)}**{_cites(item.cites)}"
                    + (f" ({e(item.source_case)})" if item.source_case else "")
                )
                continue
            out += [f"#### {e(kind + item.title)}{_cites(item.cites)}", ""]
            out += [line for p in item.text for line in (_para(p), "")]
            meta = item.meta()
            if meta:
                out += [f"*{e(' · '.join(meta))}*", ""]
        if out and out[-1] != "":
            out.append("")
    elif isinstance(block, Timeline):
        out += [f"- **{ev.date}**: {e(ev.text)}{_cites(ev.cites)}" for ev in block.events]
        out.append("")
    elif isinstance(block, Actors):
        for a in block.rows:
            extra = ", ".join(e(x) for x in (a.affiliation, a.side) if x)
            out.append(
                f"- **{e(a.name)}** ({e(a.type)}, {e(a.role)})" + (f": {extra}" if extra else "")
            )
        out.append("")
    elif isinstance(block, Related):
        for r in block.rows:
            note = f": {e(r.note)}" if r.note else ""
            out.append(f"- **{e(r.title)}** (`{r.case_id}`, {e(r.relation)}){note}")
        out.append("")
    elif isinstance(block, Disputed):
        for d in block.entries:
            out += [f"**{e(d.claim)}**", ""]
            out += [
                f"- *{e(p.source)}*{_cites((p.cite,) if p.cite else ())}: {e(p.says)}"
                for p in d.positions
            ]
            out += [f"- Our reading: {_para(p)}" for p in d.note]
            out.append("")
    elif isinstance(block, Questions):
        out += [f"{n}. {e(q)}" for n, q in enumerate(block.items, 1)] + [""]
    elif isinstance(block, Agreements):
        for ag in block.rows:
            note = " ".join(_para(p) for p in ag.note)
            out.append(
                f"- **{e(ag.name)}** ({ag.date}, {e(ag.relation)}, PA-X {ag.pax}): "
                f"{_url(ag.url)}" + (f". {note}" if note else "")
            )
        out.append("")
    elif isinstance(block, CaseHead):
        title = f"{e(block.title)} " if block.title else ""
        out += [f"### {title}*{e(block.subtitle)}*", ""]
    return out


def _reference(ref: Reference) -> str:
    bits = [md_escape(ref.author)] if ref.author else []
    bits.append(f"*{md_escape(ref.title)}*")
    bits += [md_escape(x) for x in (ref.publisher, str(ref.year) if ref.year else "") if x]
    line = f"{ref.number}. " + ", ".join(bits)
    if ref.source_article:
        line += " (one of the two source articles)"
    if ref.url:
        line += f". {_url(ref.url)}"
    return line


def to_markdown(doc: Document) -> str:
    """The whole document as CommonMark."""
    e = md_escape
    lines: list[str] = []
    if doc.marking:
        lines += [f"*{e(doc.marking)}*", ""]
    lines += [f"# {e(doc.title)}", ""]
    if doc.subtitle:
        lines += [f"*{e(doc.subtitle)}*", ""]
    if doc.meta:
        lines += ["| | |", "| --- | --- |"]
        lines += [f"| **{e(label)}** | {e(value)} |" for label, value in doc.meta] + [""]
    lines += [f"> Note: {e(n)}" for n in doc.notes]
    for section in doc.sections:
        lines += [f"## {e(section.heading)}", ""]
        for block in section.blocks:
            lines += _block(block)
    if doc.references:
        lines += ["## " + ("Sources" if doc.kind == "case" else "References"), ""]
        lines += [_reference(r) for r in doc.references] + [""]
    if doc.footer:
        lines += ["---", "", f"*{e(doc.footer)}*", ""]
    return "\n".join(lines).rstrip() + "\n"
