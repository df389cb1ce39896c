"""Briefings: the model, curated and user briefing files, ad hoc composition, and rendering to
Rich renderables, text, ANSI, HTML, SVG, Markdown and JSON.

This package may import Rich but never Textual or Whoosh; a briefing built from a query gets
its references from the front end, which runs the search.
"""

from briefings.compose import compose_from_cases, compose_from_refs
from briefings.export import FORMATS, export
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
from briefings.render import render
from briefings.resolve import library_revision
from briefings.save import BriefingExists, save_briefing

__all__ = [
    "FORMATS",
    "Briefing",
    "BriefingExists",
    "BriefingProblem",
    "Section",
    "all_briefings",
    "compose_from_cases",
    "compose_from_refs",
    "curated_briefings",
    "export",
    "find_briefing",
    "library_revision",
    "load_briefing",
    "read_briefing",
    "render",
    "save_briefing",
    "split_ref",
    "user_briefings",
]
