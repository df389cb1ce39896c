"""Partial ISO dates: a year, a year-month or a full date, kept as text."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial(text: str) -> tuple[int, ...]:
    """Split a partial date into (year,), (year, month) or (year, month, day).

    Raises ValueError with a message fit for a case author.
    """
    m = _PATTERN.match(text)
    if not m:
        raise ValueError(f"'{text}' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    parts = tuple(int(p) for p in m.groups() if p is not None)
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        raise ValueError(f"'{text}' has no month {parts[1]}")
    if len(parts) == 3:
        try:
            dt.date(*parts)
        except ValueError:
            raise ValueError(f"'{text}' is not a real day") from None
    return parts


def is_before(a: str, b: str) -> bool:
    """True when ``a`` is certainly before ``b``, compared at their common precision."""
    pa, pb = parse_partial(a), parse_partial(b)
    n = min(len(pa), len(pb))
    return pa[:n] < pb[:n]


def _coerce(value: Any) -> Any:
    # YAML turns an unquoted 1993-09-13 into a date and 1993 into an int: accept both.
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}" if value >= 0 else str(value)
    if isinstance(value, str):
        parse_partial(value.strip())
        return value.strip()
    return value


PartialDate = Annotated[str, BeforeValidator(_coerce)]
"""A date with year, year-month or full precision, as ISO text."""
