"""Every use of Whoosh's private internals, each with a fallback to Whoosh's public API.

The fast paths (``fastrank``, ``docsets``, the index's statistics) read a few structures that
Whoosh does not document: a leaf matcher's current posting block, the per-document length
column of a segment, the table of contents of an index. They are the same in ``whoosh3``
3.54 and ``whoosh-reloaded`` 2.7.5 (both come from Whoosh 2.7), but another fork may change
them, so each function here checks that what it reads is there and otherwise does the same
work through the public API: the answers are the same, only slower. No other module of
``search_index`` touches a private attribute of a Whoosh object
(``tests/unit/test_search_whoosh_boundary.py`` checks it, and checks that both paths give
Whoosh's own scores and matches).

``PRIVATE = False`` turns every fast path off (the tests do, to prove the fallbacks equal).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import byte_to_length

PRIVATE = True
"""Use Whoosh's private structures where they are found (False: the public API only)."""

BYTE_LENGTHS: list[int] = [byte_to_length(b) for b in range(256)]
"""The field length each length byte stands for (Whoosh stores lengths as one byte)."""

_BLOCK_IDS = ("_read_ids", "_next_block", "_ids", "_i")
_BLOCK_WEIGHTS = (*_BLOCK_IDS, "_read_weights", "_weights")


def unwrap(matcher: Any) -> Any:
    """The postings matcher under a deleted-documents filter (public: ``FilterMatcher.child``).

    The postings then include deleted documents: callers mask them out.
    """
    if isinstance(matcher, FilterMatcher):
        return matcher.child
    return matcher


def _has(obj: Any, names: Sequence[str]) -> bool:
    return PRIVATE and all(hasattr(obj, n) for n in names)


def block_ids(matcher: Any) -> Iterator[Sequence[int]]:
    """The document numbers of a term's postings (in its segment), a block at a time.

    ``matcher`` is what ``reader.postings(field, text)`` returns; deleted documents are
    included. Whoosh's leaf matcher gives each block's decoded ids whole; any other matcher
    gives them one by one through ``all_ids()``, as a single block.
    """
    matcher = unwrap(matcher)
    if _has(matcher, _BLOCK_IDS):
        yield from _private_block_ids(matcher)
    else:
        yield from _public_block_ids(matcher)


def _private_block_ids(matcher: Any) -> Iterator[Sequence[int]]:
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        yield matcher._ids[matcher._i :]
        matcher._next_block()


def _public_block_ids(matcher: Any) -> Iterator[Sequence[int]]:
    yield list(matcher.all_ids())


def block_postings(matcher: Any) -> Iterator[tuple[Sequence[int], Sequence[float]]]:
    """(document numbers, weights) of a term's postings, a block at a time.

    As :func:`block_ids`; the weight is the term's frequency in the document times the field
    and document boosts, what Whoosh's BM25 calls ``tf``.
    """
    matcher = unwrap(matcher)
    if _has(matcher, _BLOCK_WEIGHTS):
        yield from _private_block_postings(matcher)
    else:
        yield from _public_block_postings(matcher)


def _private_block_postings(matcher: Any) -> Iterator[tuple[Sequence[int], Sequence[float]]]:
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        if matcher._weights is None:
            matcher._read_weights()
        start = matcher._i
        yield matcher._ids[start:], matcher._weights[start:]
        matcher._next_block()


def _public_block_postings(matcher: Any) -> Iterator[tuple[Sequence[int], Sequence[float]]]:
    ids: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    yield ids, weights


def length_column(reader: Any, field: str) -> list[int]:
    """The length of ``field`` in every document of one segment, by segment document number,
    as Whoosh's BM25 reads it (``doc_field_length(docnum, field, 1)``).

    ``reader`` is a leaf reader (from ``leaf_readers()``). Whoosh keeps these lengths in a
    column of one byte a document; reading the column whole is much faster than asking
    ``doc_field_length`` once a document. A document without the field has length 0; a
    segment without the column (a field that is not scorable) has length 1 everywhere.
    """
    if PRIVATE:
        found = _private_length_column(reader, field)
        if found is not None:
            return found
    return _public_length_column(reader, field)


def _private_length_column(reader: Any, field: str) -> list[int] | None:
    try:
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN

        # The codec's name for the column; None when the field has no lengths in the segment.
        column = reader._perdoc._cached_reader(f"_{field}_len", LENGTHS_COLUMN)
        if column is None:
            return [1] * reader.doc_count_all()
        raw = _column_bytes(column, reader.doc_count_all())
        if len(raw) != reader.doc_count_all():
            return None
        return [BYTE_LENGTHS[b] for b in raw]
    except (AttributeError, TypeError, KeyError, ImportError, IndexError):
        return None


def _column_bytes(column: Any, docs: int) -> bytes | Sequence[int]:
    """A one-byte-a-document column's values as bytes: one read of the file, where Whoosh's
    ``load()`` reads a document at a time (100 ms for 41,000 documents)."""
    if getattr(column, "_typecode", None) == "B" and getattr(column, "_fixedlen", 0) == 1:
        stored = min(column._count, docs)
        raw = bytes(column._dbfile.get(column._basepos, stored))
        return raw + column._defaultbytes * (docs - stored)
    loaded: Sequence[int] = column.load()
    return loaded


def _public_length_column(reader: Any, field: str) -> list[int]:
    # doc_field_length gives None, not 0, for a document without the field.
    return [reader.doc_field_length(d, field, 1) or 0 for d in range(reader.doc_count_all())]


def segment_count(ix: Any) -> int:
    """How many segments the index ``ix`` has (what ``track2 index --stats`` shows)."""
    if PRIVATE and hasattr(ix, "_segments"):
        try:
            return len(ix._segments())
        except (AttributeError, TypeError):
            pass
    return _public_segment_count(ix)


def _public_segment_count(ix: Any) -> int:
    if ix.is_empty():
        return 0
    with ix.reader() as reader:
        return len(list(reader.leaf_readers()))
