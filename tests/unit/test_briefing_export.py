"""Every export format, checked structurally, and case text kept as data in each of them."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from rich.console import Console

from briefings import Briefing, BriefingProblem, compose_from_refs, export, render
from briefings.markdown import strip_control
from briefings.resolve import resolve
from cases.library import Library
from tests.unit.test_briefing_helpers import EVIL, write_library

LITERALS = ("[bold]loud[/bold]", "<script>alert(1)</script>")
"""How the hostile text must read once a reader (terminal, browser, Markdown viewer) shows it."""
FORMATS = ("text", "ansi", "html", "svg", "md", "json")


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return write_library(tmp_path_factory.mktemp("lib"))


@pytest.fixture(scope="module")
def briefing(lib: Library) -> Briefing:
    """A briefing whose own fields and whose cases carry the hostile text."""
    return compose_from_refs(
        lib, ["evil-case/trust-first", "alpha-talks", "beta-channel/fund-it"],
        title="Trust talks", audience=f"Aud {EVIL}", purpose="Prepare the delegation.",
        query="trust")


@pytest.fixture(scope="module")
def outputs(briefing: Briefing, lib: Library) -> dict[str, str]:
    return {fmt: export(briefing, lib, fmt, width=120) for fmt in FORMATS}


class Doc(HTMLParser):
    """Tags with their attributes, and the whole text of every element, of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, list[str]]] = []
        self.text: dict[str, list[str]] = {}
        self.all_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br", "link", "img", "hr"):
            self.stack.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            name, parts = self.stack.pop()
            self.text.setdefault(name, []).append("".join(parts))
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, parts in self.stack:
            parts.append(data)
        self.all_text.append(data)

    def joined(self, tag: str) -> str:
        return "\n".join(self.text.get(tag, []))


def parse_html(source: str) -> Doc:
    doc = Doc()
    doc.feed(source)
    doc.close()
    return doc


def test_html_is_a_self_contained_printable_document(outputs: dict[str, str], lib: Library,
                                                     briefing: Briefing) -> None:
    page = outputs["html"]
    doc = parse_html(page)
    names = [t for t, _ in doc.tags]
    assert page.startswith("<!DOCTYPE html>") and doc.stack == []  # every element closed
    assert doc.joined("title") == "Trust talks" and doc.joined("h1") == "Trust talks"
    meta = doc.joined("dl")
    for label in ("Audience", "Purpose", "As of", briefing.as_of.isoformat(), "Query"):
        assert label in meta
    # Nothing fetched from elsewhere: no scripts, stylesheets or images.
    assert not {"script", "link", "img", "iframe"} & set(names)
    css = doc.joined("style")
    for rule in ("@media print", "break-before: page", "break-inside: avoid", "@page",
                 "background: #ffffff"):
        assert rule in css
    headings = doc.text.get("h2", [])
    assert "Executive summary" in headings and "Sources" in headings
    assert headings[1:-1] == [f"{n}. {strip_control(s.heading)}"
                              for n, s in enumerate(briefing.sections, 1)]
    res = resolve(briefing, lib)
    items = [a for t, a in doc.tags if t == "li" and (a.get("id") or "").startswith("src-")]
    assert [a["id"] for a in items] == [f"src-{n}" for n in range(1, len(res.citations) + 1)]
    for cit in res.citations:
        assert strip_control(cit.source.title) in doc.joined("ol")
    # Every citation mark links to a numbered source that exists.
    targets = {a["href"] for t, a in doc.tags if t == "a" and (a.get("href") or "").startswith("#")}
    assert targets and targets <= {f"#src-{c.number}" for c in res.citations}
    footer = doc.joined("footer")
    assert "track2" in footer and res.revision in footer
    assert any(t == "table" for t in names) and "Alpha talks" in doc.joined("td")


def test_svg_parses_as_xml_and_holds_the_briefing(outputs: dict[str, str]) -> None:
    root = ET.fromstring(outputs["svg"])
    assert root.tag.endswith("svg")
    text = "".join(root.itertext()).replace("\xa0", " ")
    for needle in ("Trust talks", "Executive summary", "Sources", "Alpha talks"):
        assert needle in text


def test_markdown_starts_with_a_heading_and_holds_every_section(outputs: dict[str, str],
                                                                 briefing: Briefing) -> None:
    md = outputs["md"]
    assert md.startswith("# Trust talks\n")
    tokens = MarkdownIt("commonmark").parse(md)
    assert tokens[0].type == "heading_open" and tokens[0].tag == "h1"
    h2 = parse_html(MarkdownIt("commonmark").render(md)).text["h2"]
    assert h2[0] == "Executive summary" and h2[-1] == "Sources"
    assert h2[1:-1] == [f"{n}. {strip_control(s.heading)}"
                        for n, s in enumerate(briefing.sections, 1)]
    assert "**Audience:**" in md and "**As of:**" in md
    assert re.search(r"(?m)^2\. A\. Writer, \*The shared report\*, 2020\. <https://", md)


def test_text_has_no_escape_codes_and_no_padding(outputs: dict[str, str]) -> None:
    text = outputs["text"]
    assert "\x1b" not in text and "\x07" not in text
    assert all(line == line.rstrip() for line in text.splitlines())
    for needle in ("Trust talks", "Executive summary", "Audience", "Sources", "[1]",
                   "Prepared with track2"):
        assert needle in text


def test_ansi_is_styled(outputs: dict[str, str]) -> None:
    assert "\x1b[1m" in outputs["ansi"]


def test_json_carries_entries_and_sources(outputs: dict[str, str]) -> None:
    data = json.loads(outputs["json"])
    assert data["title"] == "Trust talks" and data["query"] == "trust"
    assert data["cases"] == ["evil-case", "alpha-talks", "beta-channel"]
    first = data["sections"][0]["entries"][0]
    assert first["ref"] == "evil-case/trust-first" and first["kind"] == "lesson"
    assert [s["number"] for s in data["sources"]] == list(range(1, len(data["sources"]) + 1))
    assert len(data["library_revision"]) == 12


def _visible(fmt: str, out: str) -> str:
    """What a reader of ``out`` sees: the text a browser, XML or Markdown viewer would show."""
    if fmt == "html":
        doc = parse_html(out)
        assert "script" not in [t for t, _ in doc.tags]
        return "".join(doc.all_text)
    if fmt == "svg":
        root = ET.fromstring(out)
        assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] == "script"]
        return "".join(root.itertext()).replace("\xa0", " ")
    if fmt == "md":
        html = MarkdownIt("commonmark").render(out)
        doc = parse_html(html)
        assert {t for t, _ in doc.tags} <= {"h1", "h2", "h3", "p", "ul", "ol", "li", "em",
                                              "strong", "a", "hr"}
        return "".join(doc.all_text)
    if fmt == "json":
        return json.dumps(json.loads(out), ensure_ascii=False)
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_case_text_is_data_in_every_format(outputs: dict[str, str], fmt: str) -> None:
    out = outputs[fmt]
    # The author's escape sequences are gone (ANSI output has only Rich's own codes).
    for seq in ("\x1b[2J", "\x1b]8;;http://x.test", "\x07"):
        assert seq not in out
    if fmt == "json":
        assert "\\u001b" not in out
    if fmt in ("html", "svg"):
        assert "<script" not in out
    seen = _visible(fmt, out)
    for literal in LITERALS:
        assert literal in seen, f"{literal!r} not shown literally in {fmt}"


def test_render_is_one_renderable_and_respects_width(briefing: Briefing, lib: Library) -> None:
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(render(briefing, lib, width=60))
    lines = console.export_text().splitlines()
    assert lines and max(len(line.rstrip()) for line in lines) <= 60
    assert any("[bold]loud[/bold]" in line for line in lines)


def test_unknown_format_is_a_problem(briefing: Briefing, lib: Library) -> None:
    with pytest.raises(BriefingProblem, match="unknown format 'pdf'"):
        export(briefing, lib, "pdf")
