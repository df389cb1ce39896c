"""Valid case files for tests: the template with every placeholder sentence written over.

An unfilled template is (rightly) an invalid case, so tests that need a good case start
from this instead of ``template_text``.
"""

from __future__ import annotations

from cases.integrity import template_placeholders
from tui.cli.commands.new import template_text


def filled_case(case_id: str) -> str:
    """The template for ``case_id`` with each placeholder made the author's own words."""
    text = template_text(case_id)
    for placeholder in sorted(template_placeholders(), key=len, reverse=True):
        text = text.replace(placeholder, f"Filled in {placeholder[0].lower()}{placeholder[1:]}")
    return text
