"""Writers: one small module per format, each turning a ``cases.document.Document`` into
output and owning its own escaping. ``write`` picks one by name."""

from __future__ import annotations

from pathlib import Path

from cases.document import Document

FORMATS = ("text", "ansi", "html", "svg", "md", "json", "pdf", "docx")
"""Formats a document can be written to (the terminal's Rich view aside)."""
BINARY = {"pdf", "docx"}
SUFFIXES = {
    ".txt": "text",
    ".ans": "ansi",
    ".html": "html",
    ".htm": "html",
    ".svg": "svg",
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".pdf": "pdf",
    ".docx": "docx",
}


class UnknownFormat(ValueError):
    """A format or file suffix no writer handles."""


def format_for(path: str | Path) -> str:
    """The format a file name asks for by its suffix; UnknownFormat when none does."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        known = ", ".join(sorted(SUFFIXES))
        raise UnknownFormat(f"no format for '{suffix or Path(path).name}'; use one of {known}")
    return SUFFIXES[suffix]


def write(
    doc: Document, fmt: str, width: int | None = None, paper: str = "a4"
) -> tuple[str | bytes, list[str]]:
    """``doc`` in ``fmt`` and the notes the writer has for the reader (PDF: missing fonts)."""
    if fmt == "text":
        from briefings.writers.console_formats import to_text

        return to_text(doc, width), []
    if fmt == "ansi":
        from briefings.writers.console_formats import to_ansi

        return to_ansi(doc, width), []
    if fmt == "svg":
        from briefings.writers.console_formats import to_svg

        return to_svg(doc, width), []
    if fmt == "md":
        from briefings.writers.markdown import to_markdown

        return to_markdown(doc), []
    if fmt == "html":
        from briefings.writers.html import to_html

        return to_html(doc), []
    if fmt == "json":
        from briefings.writers.json_writer import to_json

        return to_json(doc), []
    if fmt == "pdf":
        from briefings.writers.pdf import to_pdf

        return to_pdf(doc, paper)
    if fmt == "docx":
        from briefings.writers.docx_writer import to_docx

        return to_docx(doc), []
    raise UnknownFormat(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")
