"""The documents a query matches, as a bitset (a Python int), with term bitsets cached.

Counting the matches and their facets by walking Whoosh matchers costs a few microseconds a
document; with a bitset per term, a query's matches are ANDs and ORs of ints, and the bitset
of a term is read once per searcher (the same words come back keystroke after keystroke).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh import query as Q

from search_index.whoosh_internals import block_ids

CACHE_SIZE = 2048
"""Bitsets kept per searcher (a bitset costs one bit a document: 12 KB at 100,000)."""


def bitset(docnums: Iterable[int], size: int) -> int:
    """The set of ``docnums`` (each below ``size``) as an int, bit n set for document n."""
    buf = bytearray((size + 8) // 8)
    for n in docnums:
        buf[n >> 3] |= 1 << (n & 7)
    return int.from_bytes(buf, "little")


def first_bits(bits: int, count: int) -> Iterator[int]:
    """The positions of the lowest ``count`` set bits of ``bits``."""
    found = 0
    pos = 0
    while bits and found < count:
        low = bits & -bits
        pos = low.bit_length() - 1
        yield pos
        found += 1
        bits ^= low


class DocSets:
    """Query -> bitset of matching documents, for one searcher."""

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.size: int = searcher.doc_count_all()
        self._cache: OrderedDict[str, int] = OrderedDict()
        self._live: int | None = None

    def _cached(self, key: str) -> int | None:
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
        return found

    def _keep(self, key: str, bits: int) -> int:
        self._cache[key] = bits
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return bits

    def live(self) -> int:
        """Every document not deleted."""
        if self._live is None:
            reader = self.searcher.reader()
            if reader.has_deletions():
                self._live = bitset(reader.all_doc_ids(), self.size)
            else:
                self._live = (1 << self.size) - 1
        return self._live

    def term(self, field: str, text: str | bytes) -> int:
        """The documents holding ``text`` in ``field``."""
        key = f"t\x00{field}\x00{text!r}"
        found = self._cached(key)
        if found is not None:
            return found
        ids: list[int] = []
        for reader, offset in self.searcher.reader().leaf_readers():
            if (field, text) not in reader:
                continue
            try:
                matcher = reader.postings(field, text)
            except Exception:  # noqa: BLE001 - the term is not in this segment
                continue
            for block in block_ids(matcher):  # deleted documents too: masked below
                ids.extend(block if not offset else (d + offset for d in block))
        bits = bitset(ids, self.size)
        if self.searcher.reader().has_deletions():
            bits &= self.live()
        return self._keep(key, bits)

    def _numeric_range(self, q: Q.NumericRange) -> int:
        """A range of years as the OR of each year's bitset (one term a year, no tiers)."""
        reader = self.searcher.reader()
        field = self.searcher.schema[q.fieldname]
        low = -(2**63) if q.start is None else q.start
        high = 2**63 if q.end is None else q.end
        out = 0
        for btext in reader.lexicon(q.fieldname):
            try:
                value = field.from_bytes(btext)
            except (ValueError, TypeError):
                continue  # a tier term of another precision, if the field has tiers
            if low <= value <= high:
                out |= self.term(q.fieldname, btext)
        return out

    def bits(self, q: Q.Query | None) -> int:
        """The documents matching ``q`` (every live document for None)."""
        if q is None or isinstance(q, Q.Every):
            return self.live()
        if q is Q.NullQuery:
            return 0
        if isinstance(q, Q.Term):
            return self.term(q.fieldname, q.text)
        if isinstance(q, Q.Or):
            out = 0
            for sub in q.subqueries:
                out |= self.bits(sub)
            return out
        if isinstance(q, Q.And):
            out = self.live()
            for sub in q.subqueries:
                out &= self.bits(sub)
                if not out:
                    break
            return out
        if isinstance(q, Q.AndNot):
            return self.bits(q.a) & ~self.bits(q.b)
        if isinstance(q, Q.ConstantScoreQuery):
            return self.bits(q.child)
        if isinstance(q, Q.NumericRange):
            return self._numeric_range(q)
        # Phrases, ranges and whatever else: ask Whoosh, once.
        key = f"q\x00{q!r}"
        found = self._cached(key)
        if found is not None:
            return found
        return self._keep(key, bitset(self.searcher.docs_for_query(q), self.size))
