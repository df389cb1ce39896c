"""Lessons, challenges and recommendations as CSV and Markdown: ``track2 lessons --csv`` and the
lessons explorer's export write the same text."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from search_index import Hit

CSV_COLUMNS = ("kind", "case_id", "case_title", "item_id", "title", "tags", "text", "ref")


def _cell(value: str) -> str:
    """A spreadsheet cell that is text, never a formula, with no control characters."""
    from cases.text import clean

    value = clean(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def item_text(hit: Hit) -> str:
    """The item's text as the hit carries it (whole, for listed items)."""
    return "".join(span.text for span in hit.snippet)


def lessons_csv(hits: Sequence[Hit]) -> str:
    """One row per item, with a header."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for h in hits:
        row = (h.kind, h.case_id, h.case_title, h.item_id or "", h.title, ";".join(h.tags))
        writer.writerow([_cell(str(v)) for v in (*row, item_text(h), h.ref)])
    return out.getvalue()


def lessons_markdown(hits: Sequence[Hit], query: str = "") -> str:
    """The items grouped by case, each with its kind, title, tags (labels), text and ref."""
    from briefings.writers.markdown import md_escape
    from cases.document.blocks import KIND_LABELS
    from cases.vocab import vocabulary

    v = vocabulary()
    heading = f"Lessons: {query}" if query else "Lessons, challenges and recommendations"
    out = [f"# {md_escape(heading)}", ""]
    by_case: dict[str, list[Hit]] = {}
    for h in hits:
        by_case.setdefault(h.case_title, []).append(h)
    for case_title, items in by_case.items():
        out += [f"## {md_escape(case_title)}", ""]
        for h in items:
            labels = ", ".join(v.label("tags", t) for t in h.tags)
            tags = f" ({md_escape(labels)})" if h.tags else ""
            label = KIND_LABELS.get(h.kind, h.kind)
            out.append(f"- **{label}: {md_escape(h.title)}**{tags}  ")
            out.append(f"  {md_escape(' '.join(item_text(h).split()))} `{h.ref}`")
        out.append("")
    out.append(f"{len(hits)} items")
    return "\n".join(out) + "\n"
