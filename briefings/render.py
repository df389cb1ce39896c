"""A briefing as Rich renderables: the one view printed in the terminal, the TUI preview, and
exported as text, ANSI and SVG.

All briefing and case text goes through ``t()`` (a literal ``rich.text.Text`` with control
characters removed), never through markup.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from briefings.case_render import source_line, t
from briefings.model import Briefing
from briefings.resolve import KIND_LABELS, Entry, Resolved, case_label, cite_label, resolve
from briefings.versions import track2_version
from cases.library import Library
from cases.model import Recommendation
from cases.vocab import vocabulary

KIND_STYLES = {
    "lesson": "bold green",
    "challenge": "bold yellow",
    "recommendation": "bold cyan",
    "case": "bold magenta",
}


def _heading(title: str) -> RenderableType:
    return Rule(t(title, "bold"), align="left", style="dim")


def title_block(b: Briefing) -> RenderableType:
    """The title and, beneath it, audience, purpose and as-of date."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    grid.add_row("Audience", t(b.audience))
    grid.add_row("Purpose", t(b.purpose))
    grid.add_row("As of", b.as_of.isoformat())
    if b.query:
        grid.add_row("Query", t(b.query))
    return Panel(Group(t(b.title, "bold"), Text(""), grid), box=box.HEAVY, padding=(0, 1))


def cases_table(res: Resolved) -> Table:
    """The cases the briefing draws on: one row each."""
    v = vocabulary()
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, expand=False)
    for col in ("Case", "Years", "Track", "Themes"):
        table.add_column(col, overflow="fold")
    for case in res.cases:
        themes = ", ".join(v.label("themes", th) for th in case.themes)
        table.add_row(t(case.title), case.years, ", ".join(case.track), t(themes))
    return table


def _item_lines(kind: str, entry_items: list[tuple[str, str]]) -> list[RenderableType]:
    out: list[RenderableType] = [Text(""), Text(kind, style="bold")]
    for title, text in entry_items:
        out.append(Padding(Text.assemble("\u2022 ", t(title, "bold")), (0, 0, 0, 2)))
        out.append(Padding(t(text), (0, 0, 0, 4)))
    return out


def entry_renderable(entry: Entry) -> RenderableType:
    """A whole case (summary, outcome, items) or one lesson, challenge or recommendation."""
    v = vocabulary()
    case = entry.case
    sources = Text(f"Sources: {cite_label(entry.cites)}", style="dim")
    if entry.item is None:
        facts = f"{case.years} \u00b7 track {', '.join(case.track)}"
        head = (Text.assemble(t(case.title, "bold"), (f"  {facts}", "dim")) if entry.titled
                else Text(facts, style="dim"))
        parts: list[RenderableType] = [
            head,
            Padding(t(case.summary), (0, 0, 0, 2)),
            Padding(Text.assemble(("Outcome: ", "bold"), t(case.outcome)), (0, 0, 0, 2)),
        ]
        for label, items in (("Lessons", case.lessons), ("Challenges", case.challenges),
                             ("Recommendations", case.recommendations)):
            if items:
                lines = _item_lines(label, [(i.title, i.text) for i in items])
                parts.append(Padding(Group(*lines), (0, 0, 0, 2)))
        parts.append(Padding(sources, (0, 0, 0, 2)))
        return Group(*parts)
    item = entry.item
    label = KIND_LABELS[entry.kind].upper()
    meta = Text.assemble("From: ", t(case_label(case), "italic"))
    if isinstance(item, Recommendation):
        meta.append(" \u00b7 for: " + ", ".join(v.label("audiences", a) for a in item.audience))
    meta.append(" \u00b7 " + sources.plain)
    meta.stylize("dim")
    return Group(
        Text.assemble((label, KIND_STYLES[entry.kind]), "  ", t(item.title, "bold")),
        Padding(t(item.text), (0, 0, 0, 2)),
        Padding(meta, (0, 0, 0, 2)),
    )


def citations_renderable(res: Resolved) -> RenderableType:
    """The numbered, deduplicated source list."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, justify="right")
    table.add_column(overflow="fold")
    for cit in res.citations:
        s = cit.source
        line = source_line(s.title, s.author, s.publisher, s.year, s.url, s.is_source_article)
        line.append(" (cases: " + ", ".join(cit.case_ids) + ")", style="dim")
        table.add_row(f"[{cit.number}]", line)
    return table


def footer_text(res: Resolved) -> str:
    """One line naming track2, the library revision and the date."""
    return (f"Prepared with track2 {track2_version()} \u00b7 library revision {res.revision} "
            f"\u00b7 as of {res.briefing.as_of.isoformat()} \u00b7 briefing {res.briefing.id}")


def render_resolved(res: Resolved) -> RenderableType:
    """The renderable for an already resolved briefing."""
    b = res.briefing
    parts: list[RenderableType] = [title_block(b), Text(""), _heading("Executive summary"),
                                   t(b.summary), Text(""), _heading("Cases in this briefing"),
                                   cases_table(res)]
    for n, section in enumerate(res.sections, 1):
        parts += [Text(""), _heading(f"{n}. {section.heading}")]
        if section.text:
            parts.append(t(section.text, "italic"))
        for entry in section.entries:
            parts += [Text(""), entry_renderable(entry)]
    parts += [Text(""), _heading("Sources"), citations_renderable(res), Text(""),
              Text(footer_text(res), style="dim")]
    return Group(*parts)


def render(briefing: Briefing, lib: Library, width: int | None = None) -> RenderableType:
    """The briefing as one Rich renderable (at most ``width`` columns when given).

    Raises BriefingProblem when a reference does not resolve in ``lib``.
    """
    body = render_resolved(resolve(briefing, lib))
    return Constrain(body, width) if width else body
