"""Read the value of a field query (``theme:trade``, ``country:china``) forgivingly.

A value may be an exact vocabulary id, the start of one, or words of its label; a value that
names nothing is an error message, never an exception.
"""

from __future__ import annotations

import re
from difflib import get_close_matches

from cases.tracks import track_of
from cases.vocab import vocabulary
from search_index.model import KINDS

FILTER_FIELDS = (
    "kind",
    "track",
    "theme",
    "region",
    "country",
    "tag",
    "decade",
    "year",
    "stage",
    "agtype",
    "process",
    "provision",
    "pax",
)
"""Fields a query can filter on; the last five describe PA-X agreements (``pax`` is an
agreement's id, and selects the agreement and every case linked to it)."""
TEXT_FIELDS = {"title": "title", "name": "names"}
"""Field prefixes that restrict a word to one searchable field."""
ALIASES = {
    "type": "kind",
    "themes": "theme",
    "regions": "region",
    "countries": "country",
    "tags": "tag",
    "years": "year",
    "names": "name",
    "tracks": "track",
    "stages": "stage",
    "provisions": "provision",
    "processes": "process",
    "agreement": "pax",
    "agreement-type": "agtype",
    "agreement_type": "agtype",
}
_VOCAB_KIND = {"theme": "themes", "region": "regions", "tag": "tags", "country": "countries"}
_YEARS = re.compile(r"^(\d{4})?(?:(\.\.|-)(\d{4})?)?$")


class BadValue(ValueError):
    """A field value that names nothing; the message says what would."""


def canonical_field(name: str) -> str | None:
    """The field a user's ``name:`` means, or None when it is not a field."""
    name = name.lower()
    name = ALIASES.get(name, name)
    return name if name in FILTER_FIELDS or name in TEXT_FIELDS else None


def normalise(field: str, value: str) -> list[str]:
    """The index values that ``field:value`` selects (ORed); raises BadValue."""
    raw = value.strip()
    low = raw.lower()
    if not raw:
        raise BadValue(f"{field}: needs a value")
    if field == "kind":
        kind = low.rstrip("s") if low.rstrip("s") in KINDS else low
        if kind not in KINDS:
            raise BadValue(f"unknown kind '{raw}'; use one of {', '.join(KINDS)}")
        return [kind]
    if field == "track":
        found = track_of(raw)
        if found is None:
            raise BadValue(f"unknown track '{raw}'; use one of I, 1.5, II, III")
        return [found]
    if field == "decade":
        m = re.fullmatch(r"(\d{2,4})s?", low)
        if not m:
            raise BadValue(f"decade '{raw}' is not like 1990s")
        digits = m.group(1)
        year = int(digits) + (1900 if len(digits) == 2 else 0)
        return [f"{year // 10 * 10}s"]
    if field == "pax":
        digits = low.removeprefix("pax-").removeprefix("pax")
        if not digits.isdigit():
            raise BadValue(f"pax: needs a PA-X agreement id such as 357, not '{raw}'")
        return [str(int(digits))]
    if field in ("stage", "agtype", "provision", "process"):
        return _pax_values(field, raw)
    return _vocab_values(field, raw)


def _pax_table(field: str) -> tuple[dict[str, str], str]:
    """Value -> label for a PA-X field, and what the values are called in messages."""
    from cases.pax import codebook

    book = codebook()
    if field == "stage":
        return book.stages, "stage"
    if field == "agtype":
        return book.agreement_types, "agreement type"
    if field == "provision":
        table = {cat: label for cat, (label, _) in book.categories.items()}
        return table, "provision category"
    from cases.pax import try_load_store

    found, _ = try_load_store()
    return (found.processes() if found else {}), "peace process"


def _pax_values(field: str, raw: str) -> list[str]:
    """Codes of a PA-X field from a code, a label's start or whole words of a label."""
    table, what = _pax_table(field)
    low = raw.lower()
    exact = [code for code in table if code.lower() == low]
    if field == "provision" and not exact:
        from cases.pax import codebook

        # A provision column (GeWom) is also a value: the agreements that code it.
        book = codebook()
        codes = [c for c in book.provisions if c.lower() == low]
        if codes:
            return [f"code:{codes[0]}"]
    if exact:
        return exact
    want = low.replace("_", " ").replace("-", " ").strip()
    found = [c for c, label in table.items() if label.lower().startswith(want)]
    if not found:
        words = re.compile(rf"\b{re.escape(want)}\b")
        found = [c for c, label in table.items() if words.search(label.lower())]
    if found:
        return found
    if field == "process" and not table:
        raise BadValue("process: no PA-X agreements are imported; see `track2 agreements import`")
    close = get_close_matches(low, [label.lower() for label in table.values()], n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise BadValue(f"unknown {what} '{raw}'{hint}")


def _vocab_values(field: str, raw: str) -> list[str]:
    table = getattr(vocabulary(), _VOCAB_KIND[field])
    ids = list(table)
    if field == "country":
        if raw.upper() in table:
            return [raw.upper()]
    elif raw.lower() in table:
        if field == "region":
            return vocabulary().region_and_within(raw.lower())
        return [raw.lower()]
    want = re.sub(r"[\s_]+", "-", raw.lower())
    found = [i for i in ids if i.lower().startswith(want)]
    if not found:
        # Whole words of the label: "asia" is East, South and Southeast Asia, not Eurasia.
        words = re.compile(rf"\b{re.escape(want.replace('-', ' '))}\b")
        found = [
            i for i in ids if words.search(table[i].lower()) or words.search(i.replace("-", " "))
        ]
    if found:
        return found
    close = get_close_matches(want, [i.lower() for i in ids], n=3, cutoff=0.6)
    see = f"; see `track2 vocab {_VOCAB_KIND[field]}`"
    hint = f"; did you mean {', '.join(close)}?" if close else see
    raise BadValue(f"unknown {field} '{raw}'{hint}")


def year_range(value: str) -> tuple[int, int]:
    """``1990..2000``, ``1993``, ``..2000`` or ``1990..`` as (first, last); raises BadValue."""
    m = _YEARS.match(value.strip())
    if not m or not (m.group(1) or m.group(3)):
        raise BadValue(f"year '{value}' is not like 1993 or 1990..2000")
    first = int(m.group(1)) if m.group(1) else -9999
    last = (int(m.group(3)) if m.group(3) else 9999) if m.group(2) else first
    if first > last:
        first, last = last, first
    return first, last
