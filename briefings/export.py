"""A briefing (or its short brief) written in any format, from its one document."""

from __future__ import annotations

from briefings.document import build_briefing, build_short
from briefings.loader import BriefingProblem
from briefings.model import Briefing
from briefings.writers import FORMATS, SUFFIXES, UnknownFormat, write
from cases.document import Document
from cases.library import Library

__all__ = ["FORMATS", "SUFFIXES", "briefing_document", "export"]


def briefing_document(briefing: Briefing, lib: Library, short: bool = False) -> Document:
    """The briefing's document (the short brief with ``short``); BriefingProblem if it dangles."""
    return build_short(briefing, lib) if short else build_briefing(briefing, lib)


def export(
    briefing: Briefing,
    lib: Library,
    fmt: str,
    width: int | None = None,
    short: bool = False,
    paper: str = "a4",
) -> str | bytes:
    """The briefing in ``fmt``: text for text formats, bytes for PDF and DOCX.

    Raises BriefingProblem for an unknown format or a reference that does not resolve.
    """
    try:
        out, _ = write(briefing_document(briefing, lib, short), fmt, width=width, paper=paper)
    except UnknownFormat as exc:
        raise BriefingProblem(str(exc)) from None
    return out
