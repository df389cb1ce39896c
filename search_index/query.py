"""Read a query string into clauses and filters. Never raises: problems become messages.

Syntax (shown by ``track2 search --help``)::

    trust building        documents with either word; those with both rank first
    "back channel"        the exact phrase
    negot*                words starting with negot (at least 2 letters)
    olso~  olso~2         words within 1 (or 2) edits, a swap of two letters counting as one
    -word  -theme:trade   leave out documents matching it
    kind:lesson  track:1.5  theme:trade  region:asia  country:CN  tag:trust  decade:1990s
    year:1990..2000  year:1993  year:..1975
    title:word  name:word   look for the word in titles only, or in names of people only
    kind:agreement  provision:gender  process:mindanao  stage:comprehensive  agtype:intra
    pax:357               the PA-X agreement 357 and the cases linked to it
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from search_index.analysis import terms
from search_index.fieldvalues import BadValue, canonical_field, normalise, year_range

MAX_QUERY = 1000
"""Longer queries are cut here (a pasted page is not a query)."""
MAX_CLAUSES = 32
_FIELD = re.compile(r"([A-Za-z]+):")
_FUZZY = re.compile(r"^(.*?)~([0-9]*)$")
KIND_WORDS = {
    "lessons": "lesson",
    "challenges": "challenge",
    "recommendations": "recommendation",
    "agreements": "agreement",
}


@dataclass
class Clause:
    """One searched-for thing: a word, a phrase, a prefix or a fuzzy word."""

    kind: str
    """"word", "phrase", "prefix" or "fuzzy"."""
    text: str
    start: int
    end: int
    """Where it stands in the query string (for "did you mean")."""
    field: str | None = None
    """"title" or "names" when the word was restricted to one field."""
    negate: bool = False
    distance: int = 1


@dataclass
class ParsedQuery:
    """A query read into scored clauses and filters."""

    text: str
    clauses: list[Clause] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)
    """Field -> values: values of one field are ORed, fields are ANDed."""
    excludes: dict[str, list[str]] = field(default_factory=dict)
    years: tuple[int, int] | None = None
    errors: list[str] = field(default_factory=list)
    kind_hint: str | None = None
    """"lesson" for "lessons about trust": a plural kind word among other words asks for that
    kind; it applies unless a kind is chosen explicitly."""
    ends_in_word: bool = False
    """True when the last clause is a bare word with no space after it (type-ahead)."""

    @property
    def positive(self) -> list[Clause]:
        """The clauses that are searched for (not excluded)."""
        return [c for c in self.clauses if not c.negate]

    def add_filter(self, name: str, raw: str, negate: bool = False) -> None:
        """Add ``name:raw`` as a filter; a bad value becomes an error message."""
        try:
            if name == "year":
                if negate:
                    self.errors.append("-year: is not supported; use year:FIRST..LAST")
                    return
                self.years = year_range(raw)
                return
            values = normalise(name, raw)
        except BadValue as exc:
            self.errors.append(str(exc))
            return
        target = self.excludes if negate else self.filters
        have = target.setdefault(name, [])
        have.extend(v for v in values if v not in have)


def _read_token(text: str, pos: int) -> tuple[str, int, bool]:
    """The raw token from ``pos`` (quoted or not), where it ends, and whether it was quoted."""
    if pos < len(text) and text[pos] == '"':
        close = text.find('"', pos + 1)
        if close < 0:
            return text[pos + 1 :], len(text), True
        return text[pos + 1 : close], close + 1, True
    end = pos
    while end < len(text) and not text[end].isspace() and text[end] != '"':
        end += 1
    return text[pos:end], end, False


def parse(text: str) -> ParsedQuery:
    """Parse ``text``; whatever it holds, the result is usable and ``errors`` says what was odd."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text[:MAX_QUERY])
    out = ParsedQuery(cleaned)
    if len(text) > MAX_QUERY:
        out.errors.append(f"query cut to its first {MAX_QUERY} characters")
    if cleaned.count('"') % 2:
        out.errors.append("a quote was not closed; read to the end of the query as a phrase")
    pos = 0
    while pos < len(cleaned):
        if cleaned[pos].isspace():
            pos += 1
            continue
        start = pos
        negate = cleaned[pos] == "-" and pos + 1 < len(cleaned) and not cleaned[pos + 1].isspace()
        if negate:
            pos += 1
        fieldname: str | None = None
        m = _FIELD.match(cleaned, pos)
        if m:
            fieldname = canonical_field(m.group(1))
            if fieldname is None:
                out.errors.append(
                    f"unknown field '{m.group(1)}:'; fields are kind track theme region "
                    "country tag decade year title name, and for agreements stage agtype "
                    "process provision pax"
                )
            pos = m.end()
        raw, pos, quoted = _read_token(cleaned, pos)
        if fieldname in (None, "title", "name"):
            restrict = {"title": "title", "name": "names"}.get(fieldname or "")
            _add_clause(out, raw, quoted, start, pos, negate, restrict)
        else:
            out.add_filter(fieldname, raw, negate)
    _take_kind_hint(out)
    out.ends_in_word = bool(
        out.clauses
        and out.clauses[-1].kind == "word"
        and out.clauses[-1].end == len(cleaned)
        and not out.clauses[-1].negate
    )
    if len(out.clauses) > MAX_CLAUSES:
        out.errors.append(f"only the first {MAX_CLAUSES} words were used")
        del out.clauses[MAX_CLAUSES:]
    return out


def _add_clause(
    out: ParsedQuery,
    raw: str,
    quoted: bool,
    start: int,
    end: int,
    negate: bool,
    restrict: str | None,
) -> None:
    if quoted:
        if raw.strip():
            out.clauses.append(Clause("phrase", raw.strip(), start, end, restrict, negate))
        return
    if raw in ("AND", "OR", "&&", "||"):
        return  # Plain words already mean "any, preferring all".
    if raw == "NOT":
        out.errors.append("NOT is not supported; put - before a word to leave it out")
        return
    kind = "word"
    distance = 1
    text = raw
    fuzzy = _FUZZY.match(raw)
    if fuzzy and fuzzy.group(1):
        kind, text = "fuzzy", fuzzy.group(1)
        if fuzzy.group(2):
            distance = max(1, min(int(fuzzy.group(2)[:2]), 2))
    elif raw.endswith("*") and raw.rstrip("*"):
        kind, text = "prefix", raw.rstrip("*")
    if "*" in text or "?" in text:
        out.errors.append(f"'{raw}': * works only at the end of a word")
        text = text.replace("*", "").replace("?", "")
    text = text.strip("~")
    if not any(ch.isalnum() for ch in text):
        return
    out.clauses.append(Clause(kind, text, start, end, restrict, negate, distance))


def _take_kind_hint(out: ParsedQuery) -> None:
    """Turn "lessons" in "lessons about trust" from a searched word into the kind wanted."""
    words = [c for c in out.clauses if c.kind == "word" and not c.negate and not c.field]
    hints = [c for c in words if c.text.lower() in KIND_WORDS]
    if len(hints) != 1:
        return
    others = [c for c in out.positive if c is not hints[0] and any(terms(c.text))]
    if not others:
        return
    out.kind_hint = KIND_WORDS[hints[0].text.lower()]
    out.clauses.remove(hints[0])
