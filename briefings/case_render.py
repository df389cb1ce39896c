"""One case as Rich renderables and as Markdown: the view `track2 show` prints.

Case text is data: it becomes ``rich.text.Text`` (never parsed as markup) with control
characters removed, so ``[bold]`` or an escape sequence in a YAML file shows literally.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from briefings.markdown import md_escape, strip_control
from cases.model import Case, Item, Recommendation
from cases.vocab import vocabulary


def t(text: str, style: str = "") -> Text:
    """Case text as a Text: literal, control characters removed."""
    return Text(strip_control(text), style=style)


def _heading(title: str) -> RenderableType:
    return Rule(Text(title, style="bold"), align="left", style="dim")


def facts_table(case: Case) -> Table:
    """Period, tracks, regions, countries and themes as a two-column table."""
    v = vocabulary()
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    period = case.period.start + " to " + (case.period.end or "ongoing")
    rows = [
        ("Period", period),
        ("Track", ", ".join(case.track)),
        ("Regions", ", ".join(v.label("regions", r) for r in case.regions)),
        ("Countries", ", ".join(v.label("countries", c) for c in case.countries)),
        ("Themes", ", ".join(v.label("themes", th) for th in case.themes)),
        ("Reviewed", case.last_reviewed),
    ]
    for label, value in rows:
        if value:
            table.add_row(label, t(value))
    return table


def item_renderable(kind: str, item: Item) -> RenderableType:
    """One lesson, challenge or recommendation."""
    v = vocabulary()
    head = Text.assemble(t(item.title, "bold"), Text(f"  ({item.id})", style="dim"))
    parts: list[RenderableType] = [head, Padding(t(item.text), (0, 0, 0, 2))]
    meta = "tags: " + ", ".join(v.label("tags", x) for x in item.tags)
    if isinstance(item, Recommendation):
        meta += " | for: " + ", ".join(v.label("audiences", a) for a in item.audience)
    parts.append(Padding(Text(meta, style="dim italic"), (0, 0, 0, 2)))
    return Group(*parts)


def case_sections(case: Case) -> Iterator[tuple[str, RenderableType]]:
    """(heading, renderable) for every part of a case, in reading order."""
    v = vocabulary()
    yield "Summary", t(case.summary)
    yield "Facts", facts_table(case)
    yield "Background", t(case.background)
    if case.actors:
        actors = Table(box=None, header_style="bold", pad_edge=False, expand=False)
        for col in ("Actor", "Type", "Role", "Affiliation / side"):
            actors.add_column(col, overflow="fold")
        for a in case.actors:
            aff = " / ".join(x for x in (a.affiliation, a.side) if x)
            actors.add_row(
                t(a.name), v.label("actor_types", a.type), v.label("actor_roles", a.role), t(aff)
            )
        yield "Actors", actors
    if case.timeline:
        tl = Table.grid(padding=(0, 2))
        tl.add_column(style="bold", no_wrap=True)
        tl.add_column()
        for ev in case.timeline:
            tl.add_row(ev.date, t(ev.event))
        yield "Timeline", tl
    yield "Outcome", t(case.outcome)
    for title, kind, items in (
        ("Lessons", "lesson", case.lessons),
        ("Challenges", "challenge", case.challenges),
        ("Recommendations", "recommendation", case.recommendations),
    ):
        if items:
            yield title, Group(*[item_renderable(kind, i) for i in items])
    if case.discussion_questions:
        qs = Text()
        for n, q in enumerate(case.discussion_questions, 1):
            qs.append(f"{n}. ")
            qs.append(t(q))
            qs.append("\n")
        qs.rstrip()
        yield "Discussion questions", qs
    if case.related:
        rel = Text()
        for r in case.related:
            rel.append(r.case, style="bold")
            rel.append(f" ({v.label('relations', r.relation)})")
            if r.note:
                rel.append(": ")
                rel.append(t(r.note))
            rel.append("\n")
        rel.rstrip()
        yield "Related cases", rel
    if case.disputed:
        parts: list[RenderableType] = []
        for d in case.disputed:
            parts.append(t(d.claim, "bold"))
            for p in d.positions:
                src = case.source(p.source)
                who = src.title if src else p.source
                says = Text.assemble(t(who, "italic"), ": ", t(p.says))
                parts.append(Padding(says, (0, 0, 0, 2)))
            if d.note:
                note = Text.assemble(("Our reading: ", "bold"), t(d.note))
                parts.append(Padding(note, (0, 0, 0, 2)))
        yield "Disputed points", Group(*parts)
    yield "Sources", sources_text(case)


def source_line(src_title: str, author: str | None, publisher: str | None,
                year: int | None, url: str | None, seed: bool) -> Text:
    """A citation as one Text line."""
    line = Text()
    if author:
        line.append(t(author))
        line.append(", ")
    line.append_text(t(src_title, "italic"))
    rest = ", ".join(x for x in (publisher, str(year) if year else None) if x)
    if rest:
        line.append(", " + strip_control(rest))
    if url:
        line.append(". ")
        line.append(strip_control(url), style="underline")
    if seed:
        line.append(" [source article]", style="dim")
    return line


def sources_text(case: Case) -> Text:
    """The case's numbered sources."""
    out = Text()
    for n, s in enumerate(case.sources, 1):
        out.append(f"{n}. ")
        source = source_line(s.title, s.author, s.publisher, s.year, s.url, s.is_source_article)
        out.append_text(source)
        out.append("\n")
    out.rstrip()
    return out


def case_renderable(case: Case) -> RenderableType:
    """The whole case, ready for ``Console.print``."""
    parts: list[RenderableType] = [
        t(case.title, "bold underline"),
        Text(f"{case.id} | {case.years} | track {', '.join(case.track)}", style="dim"),
    ]
    if case.origin and case.origin != "curated":
        parts.append(Text(f"from {case.origin}", style="dim"))
    for heading, body in case_sections(case):
        parts += [Text(""), _heading(heading), body]
    return Group(*parts)


def case_markdown(case: Case) -> str:
    """The whole case as CommonMark; all case text escaped."""
    v = vocabulary()
    e = md_escape
    tracks = ", ".join(case.track)
    lines = [f"# {e(case.title)}", "", f"*{case.id} · {case.years} · track {tracks}*", ""]
    lines += ["## Summary", "", e(case.summary), ""]
    lines += [
        "## Facts",
        "",
        f"- **Period:** {case.period.start} to {case.period.end or 'ongoing'}",
        f"- **Regions:** {e(', '.join(v.label('regions', r) for r in case.regions))}",
        f"- **Countries:** {e(', '.join(v.label('countries', c) for c in case.countries))}",
        f"- **Themes:** {e(', '.join(v.label('themes', x) for x in case.themes))}",
        "",
        "## Background",
        "",
        e(case.background),
        "",
    ]
    if case.actors:
        lines += ["## Actors", ""]
        for a in case.actors:
            extra = ", ".join(e(x) for x in (a.affiliation, a.side) if x)
            role = f"{v.label('actor_types', a.type)}, {v.label('actor_roles', a.role)}"
            lines.append(f"- **{e(a.name)}** ({e(role)})" + (f": {extra}" if extra else ""))
        lines.append("")
    if case.timeline:
        lines += ["## Timeline", ""]
        lines += [f"- **{ev.date}**: {e(ev.event)}" for ev in case.timeline]
        lines.append("")
    lines += ["## Outcome", "", e(case.outcome), ""]
    for title, items in (
        ("Lessons", case.lessons),
        ("Challenges", case.challenges),
        ("Recommendations", case.recommendations),
    ):
        if not items:
            continue
        lines += [f"## {title}", ""]
        for item in items:
            lines += [f"### {e(item.title)}", "", e(item.text), ""]
            meta = "Tags: " + ", ".join(v.label("tags", x) for x in item.tags)
            if isinstance(item, Recommendation):
                meta += ". For: " + ", ".join(v.label("audiences", a) for a in item.audience)
            lines += [f"*{e(meta)}*", ""]
    if case.discussion_questions:
        lines += ["## Discussion questions", ""]
        lines += [f"{n}. {e(q)}" for n, q in enumerate(case.discussion_questions, 1)]
        lines.append("")
    if case.related:
        lines += ["## Related cases", ""]
        for r in case.related:
            note = f": {e(r.note)}" if r.note else ""
            lines.append(f"- `{r.case}` ({e(v.label('relations', r.relation))}){note}")
        lines.append("")
    if case.disputed:
        lines += ["## Disputed points", ""]
        for d in case.disputed:
            lines += [f"**{e(d.claim)}**", ""]
            for p in d.positions:
                src = case.source(p.source)
                lines.append(f"- *{e(src.title if src else p.source)}*: {e(p.says)}")
            if d.note:
                lines.append(f"- Our reading: {e(d.note)}")
            lines.append("")
    lines += ["## Sources", ""]
    for n, s in enumerate(case.sources, 1):
        bits = [e(s.author)] if s.author else []
        bits.append(f"*{e(s.title)}*")
        bits += [e(x) for x in (s.publisher, str(s.year) if s.year else None) if x]
        cite = ", ".join(bits)
        if s.url:
            cite += f". <{s.url}>"
        if s.is_source_article:
            cite += " (source article)"
        lines.append(f"{n}. {cite}")
    return "\n".join(lines).rstrip() + "\n"
