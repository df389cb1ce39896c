"""BM25 ranking over posting blocks, for queries made of terms (most queries).

Whoosh scores a matching document through a tree of matcher objects, several method calls a
posting: about 8 microseconds a document here, half a second for a common word at 10,000
cases. Reading each term's postings a block at a time and adding up BM25 in one loop does
the same arithmetic (Whoosh's own idf, field lengths, B and K1) several times faster.
Documents that match more of the query's clauses rank first, then by score. Queries with
phrases or other structures are left to Whoosh (``rank`` returns None).
"""

from __future__ import annotations

import heapq
from typing import Any

from whoosh import query as Q

from search_index.whoosh_internals import block_postings, length_column

B = 0.75
K1 = 1.2
"""Whoosh's BM25F defaults, so both paths score alike."""

Term = tuple[str, str, float]
"""(field, text, boost) of one term of a clause."""


def flatten(q: Q.Query, boost: float = 1.0) -> list[Term] | None:
    """The terms of a term or an OR of terms (boosts multiplied); None for anything else."""
    if isinstance(q, Q.Term):
        text = q.text.decode("utf-8") if isinstance(q.text, bytes) else str(q.text)
        return [(q.fieldname, text, boost * q.boost)]
    if isinstance(q, Q.Or) and not getattr(q, "scale", None):
        out: list[Term] = []
        for sub in q.subqueries:
            found = flatten(sub, boost * q.boost)
            if found is None:
                return None
            out += found
        return out
    return None


class FastRanker:
    """BM25 for one searcher; field lengths are loaded once per segment and field."""

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self._leaves = list(searcher.reader().leaf_readers())
        self._lengths: dict[tuple[int, str], list[int]] = {}

    def _field_lengths(self, n: int, reader: Any, field: str) -> list[int]:
        key = (n, field)
        found = self._lengths.get(key)
        if found is None:
            found = length_column(reader, field)
            self._lengths[key] = found
        return found

    def rank(
        self, clauses: list[Q.Query], allowed: int, limit: int
    ) -> list[tuple[int, float]] | None:
        """The best ``limit`` of the ``allowed`` documents (a bitset), or None if unsupported."""
        flat = [flatten(c) for c in clauses]
        if any(f is None for f in flat) or limit <= 0:
            return None
        size = self.searcher.doc_count_all()
        ok = allowed.to_bytes((size + 8) // 8, "little")
        scores: dict[int, float] = {}
        counts: dict[int, int] = {}
        for terms in flat:
            assert terms is not None
            seen: set[int] = set()
            for field, text, boost in terms:
                self._add_term(field, text, boost, ok, scores, seen)
            for d in seen:
                counts[d] = counts.get(d, 0) + 1
        # More clauses first, then score, then the lower document number (as Whoosh breaks ties).
        best = heapq.nlargest(limit, scores.items(), key=lambda kv: (counts[kv[0]], kv[1], -kv[0]))
        return [(d, s) for d, s in best]

    def _add_term(
        self,
        field: str,
        text: str,
        boost: float,
        ok: bytes,
        scores: dict[int, float],
        seen: set[int],
    ) -> None:
        searcher = self.searcher
        try:
            scorable = searcher.schema[field].scorable
            idf = searcher.idf(field, text) * boost
            avgfl = searcher.avg_field_length(field) or 1.0
        except (KeyError, ValueError):
            return
        if not scorable:
            # A field without lengths (kind, tags): Whoosh's score is the weight, boosted.
            self._add_weights(field, text, boost, ok, scores, seen)
            return
        k1_plus = K1 + 1
        norm = K1 * (1 - B)
        slope = K1 * B / avgfl
        for n, (reader, offset) in enumerate(self._leaves):
            if (field, text) not in reader:
                continue
            lengths = self._field_lengths(n, reader, field)
            for ids, weights in block_postings(reader.postings(field, text)):
                for d, tf in zip(ids, weights, strict=False):
                    g = d + offset
                    if not (ok[g >> 3] >> (g & 7)) & 1:
                        continue
                    score = idf * tf * k1_plus / (tf + norm + slope * lengths[d])
                    scores[g] = scores.get(g, 0.0) + score
                    seen.add(g)

    def _add_weights(
        self,
        field: str,
        text: str,
        boost: float,
        ok: bytes,
        scores: dict[int, float],
        seen: set[int],
    ) -> None:
        for reader, offset in self._leaves:
            if (field, text) not in reader:
                continue
            for ids, weights in block_postings(reader.postings(field, text)):
                for d, tf in zip(ids, weights, strict=False):
                    g = d + offset
                    if (ok[g >> 3] >> (g & 7)) & 1:
                        scores[g] = scores.get(g, 0.0) + boost * tf
                        seen.add(g)
