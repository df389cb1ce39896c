"""Every writer, from the one document model: golden files pin the output for one case and one
briefing; structural checks read each format as its reader would (browser, Markdown, PDF
reader, Word); hostile case text stays literal in every format."""

from __future__ import annotations

import io
import json
import os
import re
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from briefings import Briefing, BriefingProblem, briefing_document, compose_from_refs, export
from briefings.writers import FORMATS, write
from cases.document import Document, build_case
from cases.library import Library
from cases.text import clean
from tests.unit.test_briefing_helpers import EVIL, write_library

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("TRACK2_UPDATE_GOLDEN") == "1"
LITERALS = ("[bold]loud[/bold]", "<script>alert(1)</script>", "*not em*", "#set text(red)", "$x$")
"""How the hostile text must read once a reader (terminal, browser, viewer) shows it."""
TEXT_FORMATS = ("text", "ansi", "html", "svg", "md", "json")


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return write_library(tmp_path_factory.mktemp("lib"))


@pytest.fixture(scope="module")
def briefing(lib: Library) -> Briefing:
    """A briefing whose own fields and whose cases carry the hostile text."""
    b = compose_from_refs(
        lib,
        ["evil-case/trust-first", "alpha-talks", "beta-channel/fund-it"],
        title="Trust talks",
        audience=f"Aud {EVIL}",
        purpose="Prepare the delegation.",
        query="trust",
    )
    return b.model_copy(update={"as_of": __import__("datetime").date(2026, 1, 1)})


@pytest.fixture(scope="module")
def doc(briefing: Briefing, lib: Library) -> Document:
    return briefing_document(briefing, lib)


@pytest.fixture(scope="module")
def outputs(doc: Document) -> dict[str, str | bytes]:
    return {fmt: write(doc, fmt, width=100)[0] for fmt in FORMATS}


# Golden files --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ("text", "md", "html", "json"))
@pytest.mark.parametrize("what", ("case", "briefing"))
def test_writer_output_is_pinned(what: str, fmt: str, lib: Library, doc: Document) -> None:
    subject = build_case(lib.cases["alpha-talks"]) if what == "case" else doc
    out = write(subject, fmt, width=100)[0]
    assert isinstance(out, str)
    path = GOLDEN / f"{what}.{fmt}"
    if UPDATE or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8"), "run with TRACK2_UPDATE_GOLDEN=1 to accept"


# Citations -----------------------------------------------------------------------------------


def test_a_briefing_lists_only_what_its_parts_cite(doc: Document) -> None:
    # evil-case's lesson cites its own source; alpha-talks (whole) its own and, through its
    # recommendation, the shared report; beta-channel's recommendation the shared report.
    titles = [r.title for r in doc.references]
    assert titles == ["A history of Evil " + EVIL, "A history of Alpha talks", "The shared report"]
    assert [r.number for r in doc.references] == [1, 2, 3]
    shared = doc.references[2]
    assert shared.ids == ("alpha-talks/shared", "beta-channel/shared")


def test_a_case_cites_by_its_own_list(lib: Library) -> None:
    case_doc = build_case(lib.cases["beta-channel"])
    assert [r.number for r in case_doc.references] == [1, 2, 3]
    text = write(case_doc, "text")[0]
    assert "How it ended [3]." in str(text) and "[@" not in str(text)


# Structure of each format -------------------------------------------------------------------


class Html(HTMLParser):
    """Tags with their attributes, and the text of every element, of an HTML document."""

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


def parse_html(source: str) -> Html:
    page = Html()
    page.feed(source)
    page.close()
    return page


def test_html_is_a_self_contained_printable_document(
    outputs: dict[str, str | bytes], doc: Document
) -> None:
    source = str(outputs["html"])
    page = parse_html(source)
    names = [t for t, _ in page.tags]
    assert source.startswith("<!DOCTYPE html>") and page.stack == []
    assert "Trust talks" in page.text["h1"]
    assert not {"script", "link", "img", "iframe"} & set(names)
    css = "".join(page.text["style"])
    assert "@page" in css and "break-inside: avoid" in css and "break-before: page" not in css
    assert page.text["h2"] == [clean(s.heading) for s in doc.sections] + ["References"]
    refs = [a["id"] for t, a in page.tags if t == "li" and (a.get("id") or "").startswith("ref-")]
    assert refs == [f"ref-{n}" for n in range(1, len(doc.references) + 1)]
    targets = {
        a["href"] for t, a in page.tags if t == "a" and (a.get("href") or "").startswith("#")
    }
    assert targets == {f"#ref-{n}" for n in range(1, len(doc.references) + 1)}
    assert "Unofficial - not for attribution" in "".join(page.text["p"])


def test_svg_is_light_and_fetches_nothing(outputs: dict[str, str | bytes]) -> None:
    svg = str(outputs["svg"])
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "http" not in re.sub(
        r'xmlns(:\w+)?="[^"]+"', "", svg.split("<style>")[1].split("</style>")[0]
    )
    assert "cdnjs" not in svg and "@font-face" not in svg
    assert "#ffffff" in svg.lower()  # the light theme's background
    text = "".join(root.itertext()).replace("\xa0", " ")
    assert "Trust talks" in text and "References" in text


def test_markdown_is_not_over_escaped(outputs: dict[str, str | bytes], lib: Library) -> None:
    md = str(outputs["md"])
    assert md.startswith("*Unofficial - not for attribution*\n\n# Trust talks\n")
    assert "\\(" not in md and "\\[1" not in md
    assert re.search(
        r"(?m)^3\. A\. Writer, \*The shared report\*, 2020\. <https://example\.org/shared-report>$",
        md,
    )
    case_md = str(write(build_case(lib.cases["alpha-talks"]), "md")[0])
    assert "(1990-1991)" not in case_md or "\\(1990" not in case_md


def test_text_has_no_escape_codes_and_no_padding(outputs: dict[str, str | bytes]) -> None:
    text = str(outputs["text"])
    assert "\x1b" not in text and "\x07" not in text
    assert all(line == line.rstrip() for line in text.splitlines())
    for needle in ("Trust talks", "Executive summary", "Audience", "References", "[1]", "track2"):
        assert needle in text


def test_ansi_is_styled(outputs: dict[str, str | bytes]) -> None:
    assert "\x1b[1m" in str(outputs["ansi"])


def test_json_holds_blocks_and_numbers(outputs: dict[str, str | bytes]) -> None:
    data = json.loads(str(outputs["json"]))
    assert data["type"] == "document" and data["kind"] == "briefing"
    assert [r["number"] for r in data["references"]] == [1, 2, 3]
    kinds = {b["type"] for s in data["sections"] for b in s["blocks"]}
    assert {"prose", "items", "casehead", "related"} <= kinds


def _pdf_pages(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_pdf_reads_as_a_document(outputs: dict[str, str | bytes], doc: Document) -> None:
    pdf = outputs["pdf"]
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    pages = _pdf_pages(pdf)
    whole = "\n".join(pages)
    for n, page in enumerate(pages, 1):
        assert f"{n} / {len(pages)}" in page
        assert "Unofficial - not for attribution" in page
    assert "Trust talks" in pages[0]
    assert "[@" not in whole
    listed = re.findall(r"(?m)^\[(\d+)\]", whole)
    assert listed == [str(n) for n in range(1, len(doc.references) + 1)]


def test_pdf_letter_paper_and_contents_for_long_documents(lib: Library) -> None:
    from pypdf import PdfReader

    case_doc = build_case(lib.cases["alpha-talks"])
    a4 = PdfReader(io.BytesIO(write(case_doc, "pdf")[0])).pages[0].mediabox  # type: ignore[arg-type]
    letter = PdfReader(io.BytesIO(write(case_doc, "pdf", paper="letter")[0])).pages[0].mediabox  # type: ignore[arg-type]
    assert round(float(a4.width)) == 595 and round(float(letter.width)) == 612


def test_pdf_says_when_a_cjk_font_is_missing(monkeypatch: pytest.MonkeyPatch, lib: Library) -> None:
    import briefings.writers.pdf as pdf_writer

    monkeypatch.setattr(pdf_writer, "_system_cjk_font", lambda: None)
    case_doc = build_case(lib.cases["alpha-talks"])
    cjk = Document(kind="case", id="x", title="和平对话 Norge Ø", sections=case_doc.sections)
    pdf, notes = pdf_writer.to_pdf(cjk)
    assert notes and "CJK" in notes[0]
    assert "Norge Ø" in _pdf_pages(pdf)[0] and "CJK font" in _pdf_pages(pdf)[0]


def test_docx_has_word_headings_lists_and_live_links(
    outputs: dict[str, str | bytes], doc: Document
) -> None:
    import docx

    data = outputs["docx"]
    assert isinstance(data, bytes)
    word = docx.Document(io.BytesIO(data))
    styles = [p.style.name for p in word.paragraphs if p.style is not None]
    assert "Title" in styles and "Heading 1" in styles
    headings = [
        p.text for p in word.paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    assert headings == [clean(s.heading) for s in doc.sections] + ["References"]
    assert styles.count("List Number") >= len(doc.references)
    assert any(s == "List Bullet" for s in styles)
    assert len(word.tables) >= 1 and word.tables[0].cell(0, 0).text == "Audience"
    rels = [r for r in word.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert any("example.org/shared-report" in r.target_ref for r in rels)
    assert "Unofficial" in word.sections[0].header.paragraphs[0].text


# Case text is data everywhere -----------------------------------------------------------------


def _visible(fmt: str, out: str | bytes) -> str:
    """What a reader sees: the text a browser, XML viewer, Markdown viewer, PDF or Word shows."""
    if fmt == "pdf":
        assert isinstance(out, bytes)
        return "\n".join(_pdf_pages(out))
    if fmt == "docx":
        assert isinstance(out, bytes)
        with zipfile.ZipFile(io.BytesIO(out)) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        return (
            "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
        )
    out = str(out)
    if fmt == "html":
        page = parse_html(out)
        assert "script" not in [t for t, _ in page.tags]
        return "".join(page.all_text)
    if fmt == "svg":
        root = ET.fromstring(out)
        return "".join(root.itertext()).replace("\xa0", " ")
    if fmt == "md":
        page = parse_html(MarkdownIt("commonmark").render(out))
        assert {t for t, _ in page.tags} <= {
            "h1",
            "h2",
            "h3",
            "h4",
            "p",
            "ul",
            "ol",
            "li",
            "em",
            "strong",
            "a",
            "hr",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "blockquote",
            "code",
        }
        return "".join(page.all_text)
    if fmt == "json":
        return json.dumps(json.loads(out), ensure_ascii=False)
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_case_text_is_data_in_every_format(outputs: dict[str, str | bytes], fmt: str) -> None:
    out = outputs[fmt]
    # Binary formats are compressed: what counts is the text they hold.
    raw = _visible(fmt, out) if isinstance(out, bytes) else out
    for seq in ("\x1b[2J", "\x1b]8;;http://x.test", "\x07"):
        assert seq not in raw
    seen = " ".join(_visible(fmt, out).split())
    for literal in LITERALS:
        if fmt == "pdf" and literal.startswith("<script"):
            literal = "<script>alert(1)</script>"
        assert literal in seen, f"{literal!r} not shown literally in {fmt}"


def test_unknown_format_is_a_problem(briefing: Briefing, lib: Library) -> None:
    with pytest.raises(BriefingProblem, match="unknown format 'odt'"):
        export(briefing, lib, "odt")


def test_short_brief_has_points_lessons_and_fits_two_pages(lib: Library) -> None:
    b = compose_from_refs(lib, ["alpha-talks", "beta-channel", "evil-case"], title="Short one")
    short = briefing_document(b, lib, short=True)
    assert [s.id for s in short.sections] == ["purpose", "points", "lessons"]
    points = short.sections[1].blocks[0]
    assert 1 <= len(points.entries) <= 8  # type: ignore[union-attr]
    assert len(_pdf_pages(write(short, "pdf")[0])) <= 2  # type: ignore[arg-type]


def test_fields_added_to_a_case_reach_every_format_through_the_builder(lib: Library) -> None:
    """track_note was added to the model and the case builder only: every writer shows it."""
    case = lib.cases["alpha-talks"].model_copy(
        update={"track_note": "Only unofficial people met [@own]."}
    )
    doc = build_case(case)
    for fmt in ("text", "md", "html", "json", "docx", "pdf"):
        assert "Only unofficial people met" in _visible(fmt, write(doc, fmt)[0]), fmt
