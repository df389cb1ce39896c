"""Search hits printed for people: heading, reference and snippet (search and lessons)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from search_index import Hit


def snippet_text(hit: Hit) -> Text:
    """The snippet of a hit with its matched words in bold (text from YAML is never markup)."""
    from rich.text import Text

    from cases.text import clean as strip_control

    out = Text()
    for span in hit.snippet:
        out.append(strip_control(span.text), style="bold" if span.match else "")
    return out


def hit_heading(hit: Hit) -> Text:
    """The title and, for items, the case they belong to."""
    from rich.text import Text

    from cases.text import clean as strip_control

    head = Text()
    head.append(strip_control(hit.title), style="bold")
    if hit.item_id:
        head.append(f"  ({strip_control(hit.case_title)})", style="dim")
    return head


INDENT = 16  # "recommendation" and two spaces


def print_indented(out: Console, text: Text, indent: int = INDENT) -> None:
    """Print ``text`` wrapped, every line indented (no padding spaces at line ends)."""
    from rich.text import Text

    for line in text.wrap(out, max(20, out.width - indent)):
        line.rstrip()
        out.print(Text(" " * indent) + line, soft_wrap=True)


def print_hit(out: Console, hit: Hit, in_case: bool = False) -> None:
    """One hit: heading, reference, snippet, blank line (``in_case``: under its case's
    heading, so the case's title is not repeated)."""
    from rich.text import Text

    from cases.text import clean as strip_control

    heading = Text(strip_control(hit.title), style="bold") if in_case else hit_heading(hit)
    lines = heading.wrap(out, max(20, out.width - INDENT))
    for n, line in enumerate(lines):
        line.rstrip()
        label = hit.kind if n == 0 else ""
        out.print(Text(f"{label:<{INDENT}}", style="dim") + line, soft_wrap=True)
    # A reference is copied whole (track2 brief --items takes it): never broken; moved left
    # when it would run past the edge of a narrow terminal.
    indent = INDENT if INDENT + len(hit.ref) <= out.width else max(0, out.width - len(hit.ref))
    out.print(Text(" " * indent + hit.ref, style="cyan"), soft_wrap=True)
    if hit.snippet:
        print_indented(out, snippet_text(hit))
    out.print()
