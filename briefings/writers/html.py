"""Documents as one self-contained, printable HTML page; every piece of text is escaped here."""

from __future__ import annotations

import html
from importlib import resources

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
)
from cases.document.cite import number_label
from cases.text import clean


def esc(text: str) -> str:
    """Text as safe HTML: control and bidi characters removed, ``<>&"'`` escaped."""
    return html.escape(clean(text), quote=True)


def _cites(numbers: tuple[int, ...]) -> str:
    if not numbers:
        return ""
    links = ", ".join(f'<a href="#ref-{n}">{n}</a>' for n in sorted(set(numbers)))
    return (
        f' <sup class="cite">[{links}]</sup>'
        if len(numbers) < 6
        else (f' <sup class="cite">[{esc(number_label(numbers))}]</sup>')
    )


def _para(para: Para) -> str:
    return "".join(esc(s.text) + _cites(s.cites) for s in para)


def _url(url: str) -> str:
    u = esc(url)
    return f'<a class="url" href="{u}">{u}</a>' if url.startswith(("http://", "https://")) else u


def _block(block: Block) -> str:
    out: list[str] = []
    if isinstance(block, Prose):
        for n, p in enumerate(block.paras):
            lead = f"<strong>{esc(block.label)}:</strong> " if block.label and n == 0 else ""
            out.append(f"<p>{lead}{_para(p)}</p>")
    elif isinstance(block, Facts):
        out.append('<dl class="facts">')
        out += [f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in block.rows]
        out.append("</dl>")
    elif isinstance(block, Items):
        if block.kind == "point":
            out.append('<ul class="items">')
            out += [
                f"<li><strong>{esc(i.title)}</strong>{_cites(i.cites)}</li>" for i in block.entries
            ]
            out.append("</ul>")
        for item in block.entries if block.kind != "point" else ():
            out.append(f'<article class="entry {esc(item.kind)}">')
            if item.source_case:
                out.append(f'<p class="kind">{esc(KIND_LABELS.get(item.kind, item.kind))}</p>')
            out.append(f"<h4>{esc(item.title)}{_cites(item.cites)}</h4>")
            out += [f"<p>{_para(p)}</p>" for p in item.text]
            meta = item.meta()
            if meta:
                out.append(f'<p class="meta">{esc(" · ".join(meta))}</p>')
            out.append("</article>")
    elif isinstance(block, Timeline):
        out.append('<dl class="timeline">')
        out += [
            f"<dt>{esc(e.date)}</dt><dd>{esc(e.text)}{_cites(e.cites)}</dd>" for e in block.events
        ]
        out.append("</dl>")
    elif isinstance(block, Actors):
        out.append('<ul class="items">')
        for a in block.rows:
            extra = " · ".join(esc(x) for x in (a.affiliation, a.side) if x)
            out.append(
                f"<li><strong>{esc(a.name)}</strong> ({esc(a.type)}, {esc(a.role)})"
                + (f": {extra}" if extra else "")
                + "</li>"
            )
        out.append("</ul>")
    elif isinstance(block, Related):
        out.append('<ul class="items">')
        for r in block.rows:
            note = f": {esc(r.note)}" if r.note else ""
            out.append(f"<li><strong>{esc(r.title)}</strong> ({esc(r.relation)}){note}</li>")
        out.append("</ul>")
    elif isinstance(block, Disputed):
        for d in block.entries:
            out.append(f'<article class="entry"><h4>{esc(d.claim)}</h4><ul class="items">')
            out += [
                f"<li><em>{esc(p.source)}</em>{_cites((p.cite,) if p.cite else ())}: "
                f"{esc(p.says)}</li>"
                for p in d.positions
            ]
            out += [f"<li><strong>Our reading:</strong> {_para(p)}</li>" for p in d.note]
            out.append("</ul></article>")
    elif isinstance(block, Questions):
        out.append("<ol>" + "".join(f"<li>{esc(q)}</li>" for q in block.items) + "</ol>")
    elif isinstance(block, Agreements):
        out.append('<ul class="items">')
        for ag in block.rows:
            note = " ".join(_para(p) for p in ag.note)
            out.append(
                f"<li><strong>{esc(ag.name)}</strong> ({esc(ag.date)}, {esc(ag.relation)},"
                f" PA-X {ag.pax}) {_url(ag.url)}" + (f"<br>{note}" if note else "") + "</li>"
            )
        out.append("</ul>")
    elif isinstance(block, CaseHead):
        title = f"{esc(block.title)} " if block.title else ""
        out.append(f'<h3>{title}<span class="subtitle">{esc(block.subtitle)}</span></h3>')
    return "\n".join(out)


def _reference(ref: Reference) -> str:
    bits = [esc(ref.author)] if ref.author else []
    bits.append(f"<em>{esc(ref.title)}</em>")
    bits += [esc(x) for x in (ref.publisher, str(ref.year) if ref.year else "") if x]
    text = ", ".join(bits)
    if ref.source_article:
        text += ' <span class="seed">(one of the two source articles)</span>'
    if ref.url:
        text += f". {_url(ref.url)}"
    return f'<li id="ref-{ref.number}" value="{ref.number}">{text}</li>'


def _css() -> str:
    return resources.files("briefings.writers").joinpath("document.css").read_text("utf-8")


def to_html(doc: Document) -> str:
    """The whole document as one HTML page with its stylesheet embedded."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="track2">',
        f"<title>{esc(doc.title)}</title>",
        f"<style>\n{_css()}</style>",
        "</head>",
        "<body>",
        f'<main class="document {esc(doc.kind)}">',
        '<header class="title-block">',
    ]
    if doc.marking:
        parts.append(f'<p class="marking">{esc(doc.marking)}</p>')
    parts.append(f"<h1>{esc(doc.title)}</h1>")
    if doc.subtitle:
        parts.append(f'<p class="subtitle">{esc(doc.subtitle)}</p>')
    if doc.meta:
        parts.append('<dl class="meta">')
        parts += [f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in doc.meta]
        parts.append("</dl>")
    parts += [f'<p class="meta">Note: {esc(n)}</p>' for n in doc.notes]
    parts.append("</header>")
    for section in doc.sections:
        parts.append(f'<section class="part" id="{esc(section.id)}">')
        parts.append(f"<h2>{esc(section.heading)}</h2>")
        parts += [_block(b) for b in section.blocks]
        parts.append("</section>")
    if doc.references:
        heading = "Sources" if doc.kind == "case" else "References"
        parts.append(f'<section class="sources" id="references"><h2>{heading}</h2><ol>')
        parts += [_reference(r) for r in doc.references]
        parts.append("</ol></section>")
    if doc.footer:
        parts.append(f"<footer>{esc(doc.footer)}</footer>")
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"
