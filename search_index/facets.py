"""Facet counts with bitsets: one Python int per facet value, built once per searcher.

Counting a facet over every matching document by reading each document's values costs time
in proportion to the matches (tens of thousands for a common word); with a bitset per value,
a count is an AND and a popcount, about a microsecond per value whatever the result size.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

from search_index.docsets import DocSets
from search_index.schema import FACET_FIELDS

CODE_PREFIX = "code:"


class FacetTable:
    """Facet field -> value -> bitset of the documents that carry it."""

    def __init__(self, reader: Any, docsets: DocSets) -> None:
        self.values: dict[str, dict[str, int]] = {}
        if reader is None:
            return  # filled by the caller (a table read back from its file)
        for field in FACET_FIELDS:
            values = (btext.decode("utf-8") for btext in reader.lexicon(field))
            # "code:GeWom" values let provision: select one PA-X column; the facet counts
            # the categories only.
            self.values[field] = {
                value: docsets.term(field, value)
                for value in values
                if not value.startswith(CODE_PREFIX)
            }

    def count(self, matched: int) -> dict[str, dict[str, int]]:
        """Value counts of each facet among ``matched`` (a bitset), largest first."""
        out: dict[str, dict[str, int]] = {}
        for field, table in self.values.items():
            counts = {v: (bits & matched).bit_count() for v, bits in table.items()}
            ranked = sorted(((n, v) for v, n in counts.items() if n), key=lambda p: (-p[0], p[1]))
            out[field] = {v: n for n, v in ranked}
        return out


SAVED_PREFIX = ".facets-"
"""Saved tables are dot files: the index's own file list (and its check on open) skips them."""


def facet_table(reader: Any, docsets: DocSets, folder: Path | None) -> FacetTable:
    """The facet table of what ``reader`` reads: from the index folder's saved copy for this
    generation of the index when there is one, else built (25 ms for the curated library,
    a quarter of a command-line search) and saved there for the next process.

    A saved table that cannot be read, or was made for another number of documents, is
    built again; a folder that cannot be written only costs the next process the build.
    """
    generation = reader.generation()
    if folder is None or not isinstance(generation, int) or generation < 0:
        return FacetTable(reader, docsets)
    path = folder / f"{SAVED_PREFIX}{generation}.pickle"
    try:
        with path.open("rb") as fh:
            saved = pickle.load(fh)  # noqa: S301 - our own file, in the user's own cache
        if saved["size"] == docsets.size and saved["fields"] == list(FACET_FIELDS):
            table = FacetTable(None, docsets)
            table.values = saved["values"]
            return table
    except (OSError, EOFError, pickle.UnpicklingError, KeyError, TypeError, ValueError):
        pass
    table = FacetTable(reader, docsets)
    saved = {"size": docsets.size, "fields": list(FACET_FIELDS), "values": table.values}
    _save(folder, path, saved)
    return table


def _save(folder: Path, path: Path, data: dict[str, Any]) -> None:
    temp = folder / f"{SAVED_PREFIX}tmp-{os.getpid()}"
    try:
        with temp.open("wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
        for old in folder.glob(f"{SAVED_PREFIX}*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        temp.unlink(missing_ok=True)
