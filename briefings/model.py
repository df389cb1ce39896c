"""The briefing model: what a delegation is handed before a meeting.

A briefing names its audience and purpose, carries an executive summary, and is divided into
sections; each section frames a set of references to cases (``case-id``) or to single lessons,
challenges and recommendations (``case-id/item-id``). Unknown fields are errors, as in cases.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BeforeValidator, Field, StringConstraints

from cases.model import FileBacked, Slug, Strict, Text

REF_PATTERN = r"^(?:agreement:[0-9]{1,8}|[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?)$"
AGREEMENT_PREFIX = "agreement:"


def _agreement_ref(value: object) -> object:
    """``{agreement: 357}`` (as a briefing file may write it) -> ``"agreement:357"``."""
    if isinstance(value, dict) and list(value) == ["agreement"]:
        return f"{AGREEMENT_PREFIX}{value['agreement']}"
    if isinstance(value, str) and value.strip().startswith(AGREEMENT_PREFIX):
        return AGREEMENT_PREFIX + value.strip()[len(AGREEMENT_PREFIX) :].strip()
    return value


Ref = Annotated[
    str,
    BeforeValidator(_agreement_ref),
    StringConstraints(strip_whitespace=True, pattern=REF_PATTERN),
]
"""``case-id``, ``case-id/item-id``, or a PA-X agreement: ``agreement:357`` (in YAML also
``{agreement: 357}``)."""


def agreement_of(ref: str) -> int | None:
    """The PA-X id of an ``agreement:357`` reference, else None."""
    if ref.startswith(AGREEMENT_PREFIX):
        return int(ref[len(AGREEMENT_PREFIX) :])
    return None


def split_ref(ref: str) -> tuple[str, str | None]:
    """``"oslo-back-channel/trust"`` -> ``("oslo-back-channel", "trust")``; a case: no item."""
    case_id, _, item_id = ref.partition("/")
    return case_id, item_id or None


class Section(Strict):
    """A heading, the framing text that says why these references matter, and the references."""

    heading: Text
    text: Text | None = None
    refs: list[Ref] = Field(min_length=1)


class Point(Strict):
    """A point to make, for the short brief; ``refs`` name the items it rests on."""

    text: Text
    refs: list[Ref] = Field(default_factory=list)


DEFAULT_MARKING = "Unofficial - not for attribution"


class Briefing(FileBacked):
    """One briefing, curated (shipped in ``briefings/curated/``) or the user's own."""

    id: Slug
    title: Text
    audience: Text
    purpose: Text
    as_of: dt.date
    summary: Text
    """The executive summary."""
    sections: list[Section] = Field(min_length=1)
    query: Text | None = None
    """The search that produced an ad hoc briefing, kept so the reader knows how it was chosen."""
    marking: Text | None = None
    """The handling line printed on every page; None prints the default marking."""
    points_to_make: list[Point] = Field(default_factory=list)
    """What the short brief leads with; without them it uses the recommendations' titles."""

    @property
    def marking_line(self) -> str:
        """The marking as printed."""
        return self.marking or DEFAULT_MARKING

    def refs(self) -> list[str]:
        """Every reference in every section and point, in order, without repeats."""
        seen: dict[str, None] = {}
        for section in self.sections:
            for ref in section.refs:
                seen.setdefault(ref, None)
        for point in self.points_to_make:
            for ref in point.refs:
                seen.setdefault(ref, None)
        return list(seen)

    def case_ids(self) -> list[str]:
        """The ids of the cases the briefing refers to, in order of first mention."""
        seen: dict[str, None] = {}
        for ref in self.refs():
            if agreement_of(ref) is None:
                seen.setdefault(split_ref(ref)[0], None)
        return list(seen)

    def agreement_ids(self) -> list[int]:
        """The PA-X agreements the briefing includes, in order of first mention."""
        return list(dict.fromkeys(a for r in self.refs() if (a := agreement_of(r)) is not None))
