"""A briefing as a self-contained, printable HTML document.

Written by hand rather than with Rich's ``export_html`` so that it reads like a document (a
title block, headings, paragraphs, a table, numbered sources) and not like a terminal dump.
Every piece of briefing or case text is escaped with ``html.escape`` after its control
characters are removed.
"""

from __future__ import annotations

import html
import re
from importlib import resources

from briefings.markdown import strip_control
from briefings.render import footer_text
from briefings.resolve import KIND_LABELS, Citation, Entry, Resolved, case_label, number_ranges
from cases.model import Recommendation
from cases.vocab import vocabulary


def esc(text: str) -> str:
    """Text as safe HTML: control characters removed, ``<>&"'`` escaped."""
    return html.escape(strip_control(text), quote=True)


def paragraphs(text: str, cls: str = "") -> str:
    """Blank-line separated text as ``<p>`` elements."""
    attr = f' class="{cls}"' if cls else ""
    parts = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p{attr}>{esc(p)}</p>\n" for p in parts)


def _css() -> str:
    return resources.files("briefings").joinpath("briefing.css").read_text(encoding="utf-8")


def _marks(numbers: tuple[int, ...]) -> str:
    links = ", ".join(f'<a href="#src-{a}">{a}</a>' if a == b
                      else f'<a href="#src-{a}">{a}</a>\u2013<a href="#src-{b}">{b}</a>'
                      for a, b in number_ranges(numbers))
    return f'<span class="cites">[{links}]</span>'


def _entry(entry: Entry) -> str:
    v = vocabulary()
    case = entry.case
    if entry.item is None:
        out = [f'<article class="entry case" id="ref-{esc(entry.ref)}">',
               f"<h3>{esc(case.title)}</h3>" if entry.titled else "",
               f'<p class="meta">{esc(case.years)} \u00b7 track {esc(", ".join(case.track))} '
               f"\u00b7 sources {_marks(entry.cites)}</p>",
               paragraphs(case.summary),
               '<h4>Outcome</h4>', paragraphs(case.outcome)]
        for label, items in (("Lessons", case.lessons), ("Challenges", case.challenges),
                             ("Recommendations", case.recommendations)):
            if items:
                out.append(f"<h4>{label}</h4>\n<ul class=\"items\">")
                out += [f"<li><strong>{esc(i.title)}.</strong> {esc(i.text)}</li>" for i in items]
                out.append("</ul>")
        out.append("</article>")
        return "\n".join(out)
    item = entry.item
    meta = f"From <cite>{esc(case_label(case))}</cite>"
    if isinstance(item, Recommendation):
        meta += " \u00b7 for " + esc(", ".join(v.label("audiences", a) for a in item.audience))
    meta += f" \u00b7 sources {_marks(entry.cites)}"
    return "\n".join([
        f'<article class="entry {entry.kind}" id="ref-{esc(entry.ref.replace("/", "--"))}">',
        f'<p class="kind">{KIND_LABELS[entry.kind]}</p>',
        f"<h3>{esc(item.title)}</h3>",
        paragraphs(item.text),
        f'<p class="from">{meta}</p>',
        "</article>",
    ])


def _citation(cit: Citation) -> str:
    s = cit.source
    bits = [esc(s.author)] if s.author else []
    bits.append(f"<cite>{esc(s.title)}</cite>")
    bits += [esc(x) for x in (s.publisher, str(s.year) if s.year else None) if x]
    text = ", ".join(bits)
    if s.url:
        text += f'. <a class="url" href="{esc(s.url)}">{esc(s.url)}</a>'
    if s.is_source_article:
        text += ' <span class="seed">(source article)</span>'
    text += f' <span class="used">Cases: {esc(", ".join(cit.case_ids))}.</span>'
    return f'<li id="src-{cit.number}" value="{cit.number}">{text}</li>'


def to_html(res: Resolved) -> str:
    """The whole document, ready to save and open in a browser or print."""
    b = res.briefing
    v = vocabulary()
    rows = "\n".join(
        f"<tr><td>{esc(c.title)}</td><td>{esc(c.years)}</td><td>{esc(', '.join(c.track))}</td>"
        f"<td>{esc(', '.join(v.label('themes', th) for th in c.themes))}</td></tr>"
        for c in res.cases
    )
    meta = [("Audience", esc(b.audience)), ("Purpose", esc(b.purpose)),
            ("As of", f'<time datetime="{b.as_of.isoformat()}">{b.as_of.isoformat()}</time>')]
    if b.query:
        meta.append(("Query", esc(b.query)))
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="{esc(footer_text(res))}">',
        f"<title>{esc(b.title)}</title>",
        f"<style>\n{_css()}</style>",
        "</head>",
        "<body>",
        '<main class="briefing">',
        '<header class="title-block">',
        '<p class="kicker">Briefing</p>',
        f"<h1>{esc(b.title)}</h1>",
        '<dl class="meta">',
        *[f"<dt>{k}</dt><dd>{val}</dd>" for k, val in meta],
        "</dl>",
        "</header>",
        '<section class="summary" id="summary">',
        "<h2>Executive summary</h2>",
        paragraphs(b.summary),
        "<h3>Cases in this briefing</h3>",
        '<table class="cases">',
        "<thead><tr><th>Case</th><th>Years</th><th>Track</th><th>Themes</th></tr></thead>",
        f"<tbody>\n{rows}\n</tbody>",
        "</table>",
        "</section>",
    ]
    for n, section in enumerate(res.sections, 1):
        out += [f'<section class="part" id="section-{n}">',
                f'<h2><span class="num">{n}.</span> {esc(section.heading)}</h2>']
        if section.text:
            out.append(paragraphs(section.text, "framing"))
        out += [_entry(e) for e in section.entries]
        out.append("</section>")
    out += [
        '<section class="sources" id="sources">',
        "<h2>Sources</h2>",
        "<ol>",
        *[_citation(c) for c in res.citations],
        "</ol>",
        "</section>",
        f"<footer>{esc(footer_text(res))}</footer>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"
