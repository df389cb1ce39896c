"""Briefings: the model, curated and user briefing files, ad hoc composition, the briefing's
document, and the writers (``briefings.writers``) that print any document: Rich, text, ANSI,
HTML, SVG, Markdown, JSON, PDF and DOCX.

This package may import Rich, typst and python-docx but never Textual or Whoosh; a briefing
built from a query gets its references from the front end, which runs the search.
"""

from briefings.compose import compose_from_cases, compose_from_refs
from briefings.document import build_briefing, build_short
from briefings.export import FORMATS, briefing_document, export
from briefings.loader import (
    BriefingProblem,
    all_briefings,
    curated_briefings,
    find_briefing,
    load_briefing,
    read_briefing,
    user_briefings,
)
from briefings.model import Briefing, Section, split_ref
from briefings.resolve import library_revision
from briefings.save import BriefingExists, save_briefing

__all__ = [
    "FORMATS",
    "Briefing",
    "BriefingExists",
    "BriefingProblem",
    "Section",
    "all_briefings",
    "briefing_document",
    "build_briefing",
    "build_short",
    "compose_from_cases",
    "compose_from_refs",
    "curated_briefings",
    "export",
    "find_briefing",
    "library_revision",
    "load_briefing",
    "read_briefing",
    "save_briefing",
    "split_ref",
    "user_briefings",
]
