"""Facet counts with bitsets: one Python int per facet value, built once per searcher.

Counting a facet over every matching document by reading each document's values costs time
in proportion to the matches (tens of thousands for a common word); with a bitset per value,
a count is an AND and a popcount, about a microsecond per value whatever the result size.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from search_index.docsets import DocSets
from search_index.saved import saved_or_built
from search_index.schema import FACET_FIELDS

CODE_PREFIX = "code:"


class FacetTable:
    """Facet field -> value -> bitset of the documents that carry it."""

    def __init__(self, values: dict[str, dict[str, int]]) -> None:
        self.values = values

    def count(self, matched: int) -> dict[str, dict[str, int]]:
        """Value counts of each facet among ``matched`` (a bitset), largest first."""
        out: dict[str, dict[str, int]] = {}
        for field, table in self.values.items():
            counts = {v: (bits & matched).bit_count() for v, bits in table.items()}
            ranked = sorted(((n, v) for v, n in counts.items() if n), key=lambda p: (-p[0], p[1]))
            out[field] = {v: n for n, v in ranked}
        return out


def facet_values(reader: Any, docsets: DocSets) -> dict[str, dict[str, int]]:
    """Each facet field's values in the index, with the bitset of the documents holding it."""
    out: dict[str, dict[str, int]] = {}
    for field in FACET_FIELDS:
        values = (btext.decode("utf-8") for btext in reader.lexicon(field))
        # "code:GeWom" values let provision: select one PA-X column; the facet counts the
        # categories only.
        out[field] = {
            value: docsets.term(field, value)
            for value in values
            if not value.startswith(CODE_PREFIX)
        }
    return out


def facet_table(reader: Any, docsets: DocSets, folder: Path | None) -> FacetTable:
    """The facet table of what ``reader`` reads, saved beside the index (see ``saved``)."""

    def build() -> dict[str, dict[str, int]]:
        return facet_values(reader, docsets)

    check = (docsets.size, FACET_FIELDS)
    return FacetTable(saved_or_built(folder, reader, "facets", check, build))
