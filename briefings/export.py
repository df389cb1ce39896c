"""Export a briefing: text, ANSI and SVG from the Rich view; HTML, Markdown and JSON written
from the same resolved structure.
"""

from __future__ import annotations

import io
import json
from typing import Any

from rich.console import Console

from briefings.html_export import to_html
from briefings.loader import BriefingProblem
from briefings.markdown import strip_control
from briefings.md_export import to_markdown
from briefings.model import Briefing
from briefings.render import render_resolved
from briefings.resolve import Resolved, resolve
from briefings.versions import track2_version
from cases.library import Library

FORMATS = ("text", "ansi", "html", "svg", "md", "json")
SUFFIXES = {".txt": "text", ".ans": "ansi", ".html": "html", ".htm": "html", ".svg": "svg",
            ".md": "md", ".markdown": "md", ".json": "json"}
DEFAULT_WIDTH = 88


def _console(width: int, styled: bool) -> Console:
    return Console(
        width=width,
        color_system="truecolor" if styled else None,
        force_terminal=styled,
        highlight=False,
        record=True,
        file=io.StringIO(),
        legacy_windows=False,
    )


def to_json(res: Resolved) -> dict[str, Any]:
    """The briefing, its resolved entries and its citation list as JSON-ready data."""
    b = res.briefing

    def clean(value: Any) -> Any:
        # JSON is data, but a terminal may still show it: drop control characters here too.
        if isinstance(value, str):
            return strip_control(value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    sections = []
    for section, rs in zip(b.sections, res.sections, strict=True):
        entries = []
        for e in rs.entries:
            entry: dict[str, Any] = {"ref": e.ref, "kind": e.kind, "case_id": e.case.id,
                                     "case_title": e.case.title, "years": e.case.years,
                                     "sources": list(e.cites)}
            if e.item is not None:
                entry["item"] = e.item.model_dump(mode="json")
            else:
                entry["summary"] = e.case.summary
                entry["outcome"] = e.case.outcome
                entry["items"] = [{"kind": k, **i.model_dump(mode="json")}
                                  for k, i in e.case.items()]
            entries.append(entry)
        sections.append({**section.model_dump(mode="json", exclude_none=True),
                         "entries": entries})
    data: dict[str, Any] = {
        **b.model_dump(mode="json", exclude_none=True, exclude={"sections"}),
        "origin": b.origin,
        "sections": sections,
        "cases": [c.id for c in res.cases],
        "sources": [{"number": c.number, "cases": c.case_ids,
                     **c.source.model_dump(mode="json", exclude_none=True)}
                    for c in res.citations],
        "library_revision": res.revision,
        "generator": f"track2 {track2_version()}",
    }
    return dict(clean(data))


def export(briefing: Briefing, lib: Library, fmt: str, width: int | None = None) -> str:
    """The briefing in ``fmt`` (text, ansi, html, svg, md or json) as one string.

    ``width`` applies to text, ansi and svg (default 88 columns). Raises BriefingProblem for
    an unknown format or a reference that does not resolve.
    """
    if fmt not in FORMATS:
        raise BriefingProblem(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")
    res = resolve(briefing, lib)
    if fmt == "html":
        return to_html(res)
    if fmt == "md":
        return to_markdown(res)
    if fmt == "json":
        return json.dumps(to_json(res), ensure_ascii=False, indent=2) + "\n"
    con = _console(width or DEFAULT_WIDTH, styled=fmt != "text")
    con.print(render_resolved(res))
    if fmt == "svg":
        return con.export_svg(title=strip_control(briefing.title))
    if fmt == "ansi":
        return con.export_text(styles=True)
    # Rich pads every line to the full width; plain text should not carry the padding.
    return "\n".join(line.rstrip() for line in con.export_text().splitlines()) + "\n"
