"""Turn a parsed query into Whoosh queries, expanding prefixes and fuzzy words with a cap.

Expansion is where Whoosh gets slow (a 1-letter prefix over the whole vocabulary), so every
expansion here is bounded: explicit prefixes need 2 letters and keep the most frequent 64
words; type-ahead expands only the last word, only from 3 letters, only in the short fields
(titles, names, labels), and matches the body on whole words.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from whoosh import query as Q
from whoosh.query.spans import SpanNear2

from search_index.analysis import fold, is_cjk, positioned, stem, terms
from search_index.model import ITEM_KINDS
from search_index.query import Clause, ParsedQuery
from search_index.schema import SEARCH_FIELDS, STEMMED_FIELDS
from search_index.spelling import close_terms

PREFIX_MIN = 2
TYPEAHEAD_MIN = 3
PREFIX_KEEP = 64
TYPEAHEAD_KEEP = 16
EXPAND_FIELDS = ("title", "names")
"""Short fields whose vocabulary type-ahead expands (never the body's)."""
PREFIX_SCAN = 2000
"""Lexicon entries read per field for one prefix, at most (a bound on the cost)."""


def _field_terms(text: str, field: str) -> list[str]:
    return [t for t, _, _ in terms(text, stemming=field in STEMMED_FIELDS)]


def phrase_query(field: str, text: str, weight: float) -> Q.Query | None:
    """``text`` as an exact phrase: its terms at the distances they stand at in the text.

    Stop words and sentence breaks take positions in the index (see ``positioned``), so
    "back channel" needs the two words side by side, and "back of the channel" needs two
    words between them. Side-by-side terms are a plain Phrase (the fast case); a gap makes a
    chain of spans, each exactly as far from the last as in the text.
    """
    found = [(t, p) for t, p, _, _ in positioned(text, stemming=field in STEMMED_FIELDS)]
    if not found:
        return None
    if len(found) == 1:
        return Q.Term(field, found[0][0], boost=weight)
    gaps = [b[1] - a[1] for a, b in zip(found, found[1:], strict=False)]
    if all(g == 1 for g in gaps):
        return Q.Phrase(field, [t for t, _ in found], boost=weight)
    chain: Any = Q.Term(field, found[0][0])
    for (term, _), gap in zip(found[1:], gaps, strict=True):
        chain = SpanNear2([chain, Q.Term(field, term)], slop=gap, mindist=gap)
    chain.boost = weight  # every Whoosh query carries a boost
    return chain


def _in_fields(text: str, fields: dict[str, float]) -> Q.Query | None:
    """``text`` as a term (or an exact phrase, for several terms) in each field, weighted."""
    subs: list[Q.Query] = []
    for field, weight in fields.items():
        sub = phrase_query(field, text, weight)
        if sub is not None:
            subs.append(sub)
    if not subs:
        return None
    return subs[0] if len(subs) == 1 else Q.Or(subs)


def expand_prefix(reader: Any, field: str, prefix: str, keep: int) -> list[str]:
    """The ``keep`` most frequent words of ``field`` that start with ``prefix``.

    In a stemmed field a typed prefix can run past the stem ("negotiat" past "negoti"), so
    there a stem that the prefix starts with counts too (from 4 letters on).
    """
    found: dict[str, int] = {}
    for n, (btext, info) in enumerate(reader.iter_prefix(field, prefix)):
        if n >= PREFIX_SCAN:
            break
        found[btext.decode("utf-8")] = info.doc_frequency()
    if field in STEMMED_FIELDS:
        for cut in range(len(prefix) - 1, max(3, len(prefix) - 4), -1):
            freq = reader.doc_frequency(field, prefix[:cut])
            if freq:
                found[prefix[:cut]] = freq
    ranked = sorted(found.items(), key=lambda f: (-f[1], f[0]))
    return [w for w, _ in ranked[:keep]]


def _terms_query(field: str, words: list[str], weight: float) -> Q.Query | None:
    subs = [Q.Term(field, w, boost=weight) for w in words]
    if not subs:
        return None
    return subs[0] if len(subs) == 1 else Q.Or(subs)


def _as_searched(field: str, words: list[str]) -> list[str]:
    """Words of ``field`` as terms of ``body`` (names are unstemmed there, stemmed here)."""
    if field in STEMMED_FIELDS:
        return words
    return list(dict.fromkeys(t for w in words if (t := stem(w))))


def _expanded(
    reader: Any, prefix: str, fields: dict[str, float], expand_from: tuple[str, ...], keep: int
) -> Q.Query | None:
    """Terms starting with ``prefix`` in ``expand_from``, looked up in ``fields``."""
    subs: list[Q.Query] = []
    for field, weight in fields.items():
        sources = expand_from if field == "body" else (field,)
        words: list[str] = []
        for source in sources:
            found = expand_prefix(reader, source, prefix, keep)
            words += _as_searched(source, found) if field == "body" else found
        sub = _terms_query(field, list(dict.fromkeys(words))[:keep], weight)
        if sub is not None:
            subs.append(sub)
    if not subs:
        return None
    return subs[0] if len(subs) == 1 else Q.Or(subs)


def _prefix(
    reader: Any, clause: Clause, fields: dict[str, float], errors: list[str]
) -> Q.Query | None:
    prefix = fold(clause.text)
    if len(prefix) < PREFIX_MIN or is_cjk(prefix) or not prefix.isalnum():
        if len(prefix) < PREFIX_MIN:
            errors.append(f"'{clause.text}*': a prefix needs {PREFIX_MIN} letters or more")
        return _in_fields(clause.text, fields)
    found = _expanded(reader, prefix, fields, ("body", "names"), PREFIX_KEEP)
    return found if found is not None else Q.NullQuery


def _fuzzy(reader: Any, clause: Clause, fields: dict[str, float]) -> Q.Query | None:
    subs: list[Q.Query] = []
    for field, weight in fields.items():
        found = _field_terms(clause.text, field)
        if len(found) != 1:
            sub = _in_fields(clause.text, {field: weight})
        else:
            words = close_terms(reader, field, found[0], clause.distance)
            if field == "body":
                names = close_terms(reader, "names", fold(clause.text), clause.distance)
                words = list(dict.fromkeys(words + _as_searched("names", names)))
            sub = _terms_query(field, words, weight)
        if sub is not None:
            subs.append(sub)
    return Q.Or(subs) if subs else Q.NullQuery


def _typeahead(reader: Any, clause: Clause, fields: dict[str, float]) -> Q.Query | None:
    whole = _in_fields(clause.text, fields)
    prefix = fold(clause.text)
    if len(prefix) < TYPEAHEAD_MIN or is_cjk(prefix) or not prefix.isalnum():
        return whole
    # Three letters open onto many words: keep the few most used, more as the prefix grows.
    keep = TYPEAHEAD_KEEP >> max(0, 5 - len(prefix))
    extra = _expanded(reader, prefix, fields, EXPAND_FIELDS, keep)
    subs = [q for q in (whole, extra) if q is not None]
    if not subs:
        return None
    return subs[0] if len(subs) == 1 else Q.Or(subs)


def clause_query(
    reader: Any, clause: Clause, errors: list[str], typeahead_last: bool = False
) -> Q.Query | None:
    """The Whoosh query of one clause (None when it holds no searchable word)."""
    fields = {clause.field: 1.0} if clause.field else SEARCH_FIELDS
    if clause.kind == "prefix":
        return _prefix(reader, clause, fields, errors)
    if clause.kind == "fuzzy":
        return _fuzzy(reader, clause, fields)
    if typeahead_last:
        return _typeahead(reader, clause, fields)
    return _in_fields(clause.text, fields)


@dataclass
class Compiled:
    """A parsed query as Whoosh queries: what to look for, what to leave out, what to keep."""

    positive: list[Q.Query] = dataclasses.field(default_factory=list)
    """One query per searched-for clause (a word, a phrase...), in query order."""
    negative: list[Q.Query] = dataclasses.field(default_factory=list)
    filter: Q.Query | None = None
    """Field filters and the kind asked for (None: no filter)."""
    mask: Q.Query | None = None
    """Documents left out (negated words and fields), or None."""
    nothing: bool = False
    """True when the query asked for words but none was searchable (only stop words)."""

    @property
    def any_of(self) -> Q.Query:
        """Documents matching any clause (Every when the query holds only filters)."""
        if self.nothing:
            return Q.NullQuery
        if not self.positive:
            return Q.Every()
        return self.positive[0] if len(self.positive) == 1 else Q.Or(self.positive)


def compile_query(reader: Any, parsed: ParsedQuery, kind: str | None, typeahead: bool) -> Compiled:
    """Whoosh queries for every part of ``parsed``."""
    out = Compiled()
    last = parsed.clauses[-1] if parsed.clauses else None
    for clause in parsed.clauses:
        ta = typeahead and parsed.ends_in_word and clause is last
        q = clause_query(reader, clause, parsed.errors, ta)
        if q is None:
            continue
        (out.negative if clause.negate else out.positive).append(q)
    out.nothing = not out.positive and bool(parsed.positive)
    out.filter = filter_query(parsed, kind)
    masks = list(out.negative)
    excluded = mask_query(parsed)
    if excluded is not None:
        masks.append(excluded)
    if masks:
        out.mask = masks[0] if len(masks) == 1 else Q.Or(masks)
    return out


def filter_query(parsed: ParsedQuery, kind: str | None) -> Q.Query | None:
    """The filters (fields, years, kind) as one query, or None when there are none."""
    parts: list[Q.Query] = []
    filters = dict(parsed.filters)
    if parsed.kind_hint and not kind and "kind" not in filters:
        filters["kind"] = [parsed.kind_hint]
    if kind:
        wanted = list(ITEM_KINDS) if kind == "item" else [kind]
        asked = filters.get("kind")
        filters["kind"] = wanted if asked is None else [k for k in asked if k in wanted]
        if not filters["kind"]:
            return Q.NullQuery
    for field, values in filters.items():
        subs = [Q.Term(field, v) for v in values]
        parts.append(subs[0] if len(subs) == 1 else Q.Or(subs))
    if parsed.years:
        first, last = parsed.years
        parts.append(Q.NumericRange("year_start", None, last))
        parts.append(Q.NumericRange("year_end", first, None))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else Q.And(parts)


def mask_query(parsed: ParsedQuery) -> Q.Query | None:
    """Documents left out by ``-field:value``, or None."""
    subs = [Q.Term(field, v) for field, values in parsed.excludes.items() for v in values]
    if not subs:
        return None
    return subs[0] if len(subs) == 1 else Q.Or(subs)
