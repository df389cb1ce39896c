"""How rows of the library and lessons lists are drawn: case rows, search hits, suggestions.

All case text goes through ``literal``: it becomes a plain ``rich.text.Text`` with control
characters removed, so markup or escape sequences in a case file show as typed. Styles are
attributes only (bold, dim, underline); colours come from the theme through the widget CSS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from cases.text import clean
from cases.tracks import track_label as track_label  # the one way to write tracks

if TYPE_CHECKING:
    from search_index import CaseRow, Hit

_SPACE = re.compile(r"\s+")
KIND_LABELS = {
    "case": "Case",
    "lesson": "Lesson",
    "challenge": "Challenge",
    "recommendation": "Recommendation",
    "agreement": "Agreement",
    "term": "Term",
}
KIND_SHORT = {
    "case": "Case",
    "lesson": "Lesson",
    "challenge": "Chall.",
    "recommendation": "Rec.",
    "agreement": "Agrmt.",
    "term": "Term",
}


def styled(text: str, style: str | Style = "") -> Text:
    """Text whose style covers just this piece (a ``Text(style=...)`` base style would also
    cover everything appended to it later)."""
    out = Text(text)
    if style and text:
        out.stylize(style)
    return out


def literal(text: str, style: str | Style = "") -> Text:
    """Case text as Text: never parsed as markup, control characters dropped."""
    return styled(clean(text), style)


def one_line(text: str, style: str = "") -> Text:
    """Case text folded onto one line."""
    return literal(_SPACE.sub(" ", text).strip(), style)


@dataclass(frozen=True)
class Suggestion:
    """A "did you mean" row: choosing it searches for ``query``."""

    query: str


@dataclass(frozen=True)
class GroupHeader:
    """A heading row in a grouped list (not selectable)."""

    title: str
    count: int


def _fit(text: Text, width: int) -> Text:
    out = text.copy()
    out.truncate(max(0, width), overflow="ellipsis", pad=True)
    return out


def _columns(width: int) -> tuple[int, int, int, int]:
    """Widths of title, years, track and themes in a list ``width`` wide."""
    years_w, track_w = 10, 13  # " I, 1.5, II" and a gap; all four tracks end in an ellipsis
    themes_w = (width - 2) // 5 if width >= 100 else 0  # titles first: themes only with room
    title_w = max(8, width - 2 - years_w - track_w - themes_w)
    return title_w, years_w, track_w, themes_w


SORTS = ("period", "title", "track")
"""The orders of the case list (``s`` goes to the next): period is the default."""
_SORTED_COLUMN = {"period": "Years", "title": "Title", "track": "Track"}


def case_header(width: int, sort: str = "period") -> Text:
    """The column names over the case list, the sorted one marked."""
    title_w, years_w, track_w, themes_w = _columns(width)
    names = [("Title", title_w), ("Years", years_w), ("Track", track_w)]
    if themes_w:
        names.append(("Themes", themes_w))
    line = Text("  ")
    for n, (name, w) in enumerate(names):
        label = (" " if n else "") + name + (" \u25b2" if _SORTED_COLUMN.get(sort) == name else "")
        line.append_text(_fit(styled(label, "bold" if n == 0 or "\u25b2" in label else "dim"), w))
    return line


def case_line(row: CaseRow, width: int, marked: bool = False) -> Text:
    """One line: mark, title, years, track, themes (themes only when there is room)."""
    from cases.vocab import vocabulary

    title_w, years_w, track_w, themes_w = _columns(width)
    line = styled("* " if marked else "  ", "bold")
    line.append_text(_fit(one_line(row.title, "bold"), title_w))
    line.append_text(_fit(styled(" " + row.years, "dim"), years_w))
    line.append_text(_fit(Text(" " + track_label(row.track)), track_w))
    if themes_w:
        labels = ", ".join(vocabulary().label("themes", t) for t in row.themes)
        line.append_text(_fit(one_line(" " + labels, "dim italic"), themes_w))
    return line


MATCH = Style(bold=True, underline=True)
"""How matched words look when no theme style is given."""


def snippet_text(hit: Hit, match: Style = MATCH) -> Text:
    """The hit's snippet with the matching words in the ``match`` style."""
    out = Text()
    for span in hit.snippet:
        part = literal(_SPACE.sub(" ", span.text))
        if span.match:
            part.stylize(match)
        out.append_text(part)
    return out


def hit_lines(hit: Hit, width: int, marked: bool = False, match: Style = MATCH) -> list[Text]:
    """Two lines: kind and title; then the case it is from (an item's) and the snippet.

    The case's name leads the second line: after a long title it was cut to a few letters.
    """
    head = styled("* " if marked else "  ", "bold")
    head.append(f"{KIND_SHORT.get(hit.kind, hit.kind):<7}", style="italic")
    head.append_text(one_line(hit.title, "bold"))
    body = Text("         ")
    if hit.kind != "case":
        body.append_text(one_line(hit.case_title, "italic"))
        body.append(" \u00b7 ", style="dim")
    snippet = snippet_text(hit, match)
    body.append_text(snippet if snippet.plain.strip() else styled("", "dim"))
    return [head, body]


def item_lines(hit: Hit, width: int, match: Style = MATCH) -> list[Text]:
    """Two lines for the lessons explorer: the item's title; its case and snippet."""
    head = Text("  ")
    head.append_text(one_line(hit.title, "bold"))
    body = Text("    ")
    body.append_text(one_line(hit.case_title, "italic"))
    snippet = snippet_text(hit, match)
    if snippet.plain.strip():
        body.append("  ")
        body.append_text(snippet)
    return [head, body]


def suggestion_lines(s: Suggestion, height: int) -> list[Text]:
    """A "did you mean" row."""
    line = styled("  No match. Did you mean ", "italic")
    line.append_text(literal(s.query, "bold underline"))
    line.append("?  (enter searches for it)", style="italic")
    return [line] + [Text()] * (height - 1)


def header_lines(h: GroupHeader, height: int) -> list[Text]:
    """A group heading, then blank lines to the row height."""
    line = Text("  ")
    line.append_text(literal(h.title, "bold reverse"))
    line.append(f"  {h.count}", style="dim")
    return [line] + [Text()] * (height - 1)
