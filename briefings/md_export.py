"""A briefing as CommonMark: the same structure as the HTML, every piece of case text escaped."""

from __future__ import annotations

import re

from briefings.markdown import md_escape
from briefings.render import footer_text
from briefings.resolve import KIND_LABELS, Entry, Resolved, case_label, cite_label
from cases.model import Recommendation
from cases.vocab import vocabulary


def _paras(text: str) -> list[str]:
    out: list[str] = []
    for p in re.split(r"\n\s*\n", text):
        if p.strip():
            out += [md_escape(p.strip()), ""]
    return out


def _one_line(text: str) -> str:
    # A list item's text must not contain a blank line, or the list would end there.
    return md_escape(" ".join(text.split()))


def _marks(numbers: tuple[int, ...]) -> str:
    return md_escape(cite_label(numbers))


def _entry(entry: Entry) -> list[str]:
    v = vocabulary()
    case = entry.case
    if entry.item is None:
        lines = [f"### {_one_line(case.title)}", ""] if entry.titled else []
        lines += [f"*{md_escape(case.years)} · track {', '.join(case.track)} · "
                 f"sources {_marks(entry.cites)}*", ""]
        lines += _paras(case.summary)
        lines += ["**Outcome.** " + _one_line(case.outcome), ""]
        for label, items in (("Lessons", case.lessons), ("Challenges", case.challenges),
                             ("Recommendations", case.recommendations)):
            if items:
                lines += [f"**{label}**", ""]
                lines += [f"- **{_one_line(i.title)}.** {_one_line(i.text)}" for i in items]
                lines.append("")
        return lines
    item = entry.item
    meta = f"From *{_one_line(case_label(case))}*"
    if isinstance(item, Recommendation):
        meta += " · for " + md_escape(", ".join(v.label("audiences", a) for a in item.audience))
    meta += f" · sources {_marks(entry.cites)}"
    lines = [f"### {KIND_LABELS[entry.kind]}: {_one_line(item.title)}", ""]
    lines += _paras(item.text)
    return lines + [meta, ""]


def to_markdown(res: Resolved) -> str:
    """The whole briefing as CommonMark, starting with its title as a level-one heading."""
    b = res.briefing
    v = vocabulary()
    lines = [f"# {_one_line(b.title)}", ""]
    lines += [f"- **Audience:** {_one_line(b.audience)}",
              f"- **Purpose:** {_one_line(b.purpose)}",
              f"- **As of:** {b.as_of.isoformat()}"]
    if b.query:
        lines.append(f"- **Query:** {_one_line(b.query)}")
    lines += ["", "## Executive summary", ""]
    lines += _paras(b.summary)
    lines += ["### Cases in this briefing", ""]
    for c in res.cases:
        themes = ", ".join(v.label("themes", th) for th in c.themes)
        when = "" if case_label(c) == c.title else f"{md_escape(c.years)}; "
        lines.append(f"- *{_one_line(c.title)}* ({when}track {', '.join(c.track)}): "
                     f"{md_escape(themes)}")
    lines.append("")
    for n, section in enumerate(res.sections, 1):
        lines += [f"## {n}. {_one_line(section.heading)}", ""]
        if section.text:
            lines += [f"*{p}*" if p else p for p in _paras(section.text)]
        for entry in section.entries:
            lines += _entry(entry)
    lines += ["## Sources", ""]
    for cit in res.citations:
        s = cit.source
        bits = [_one_line(s.author)] if s.author else []
        bits.append(f"*{_one_line(s.title)}*")
        bits += [_one_line(x) for x in (s.publisher, str(s.year) if s.year else None) if x]
        line = f"{cit.number}. " + ", ".join(bits)
        if s.url:
            line += f". <{s.url}>"
        if s.is_source_article:
            line += " (source article)"
        lines.append(line + f". Cases: {md_escape(', '.join(cit.case_ids))}.")
    lines += ["", "---", "", f"*{md_escape(footer_text(res))}*"]
    return "\n".join(lines).rstrip() + "\n"
