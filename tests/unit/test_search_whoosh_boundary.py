"""The Whoosh boundary: private internals only in whoosh_internals, and both of its paths equal
Whoosh's own answers.

Every fast path (block-wise postings, the length column, the segment count) is checked against
``searcher.search`` and ``docs_for_query`` twice: once as it runs on this fork, once with
``whoosh_internals.PRIVATE`` off, which is what a fork without those structures gets.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh import query as Q
from whoosh.filedb.filestore import RamStorage

from cases.library import LibraryDir
from search_index import SearchIndex, whoosh_internals
from search_index.compile import compile_query
from search_index.docsets import DocSets, bitset
from search_index.fastrank import FastRanker, flatten
from search_index.query import parse
from search_index.schema import build_schema
from search_index.searching import Session, run_search
from tests.unit.test_search_fixtures import synthetic_library, write_case

PACKAGE = Path(__file__).resolve().parents[2] / "search_index"
TOLERANCE = 1e-6

# The boundary --------------------------------------------------------------------------------

OUR_PRIVATE_NAMES = frozenset(
    {
        # namedtuple's public API
        "_replace",
        "_asdict",
        "_fields",
        "_make",
        # our own objects' private attributes, read by their own package
        "_store",
    }
)
"""Attribute names starting with ``_`` that other search_index modules may read on objects other
than ``self``: none of them is Whoosh's."""


def private_accesses(source: str) -> list[str]:
    """``line: name`` of each private attribute read on something other than self or cls,
    each private name given to getattr/hasattr/setattr/delattr, each private name imported."""
    found: list[tuple[int, str]] = []

    def private(name: str) -> bool:
        return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))

    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and private(node.attr):
            owner = node.value
            if isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
                continue
            if node.attr not in OUR_PRIVATE_NAMES:
                found.append((node.lineno, f".{node.attr}"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "hasattr", "setattr", "delattr")
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and private(node.args[1].value)
        ):
            found.append((node.lineno, f"{node.func.id}(..., {node.args[1].value!r})"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh"):
            parts = (node.module or "").split(".") + [a.name for a in node.names]
            found += [(node.lineno, f"import {p}") for p in parts if private(p)]
    return [f"{line}: {what}" for line, what in sorted(found)]


def test_only_whoosh_internals_touches_whoosh_private_attributes() -> None:
    modules = sorted(p for p in PACKAGE.glob("*.py") if p.name != "whoosh_internals.py")
    assert len(modules) > 10
    offences = {
        p.name: hits for p in modules if (hits := private_accesses(p.read_text(encoding="utf-8")))
    }
    assert offences == {}, "move these into search_index/whoosh_internals.py"


def test_the_boundary_check_sees_what_it_should() -> None:
    source = (
        "from whoosh.codec import _private\n"
        "m._read_ids()\n"
        "x = reader._perdoc\n"
        "hasattr(m, '_ids')\n"
        "self._ok = old._replace(a=1)\n"
        "cls._fine\n"
        "m.__class__\n"
    )
    assert private_accesses(source) == [
        "1: import _private",
        "2: ._read_ids",
        "3: ._perdoc",
        "4: hasattr(..., '_ids')",
    ]


# The fixture index ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    """63 synthetic cases; two updates replace two of them (deleted documents) and add new
    segments, so document numbers have offsets."""
    lib = tmp_path_factory.mktemp("boundary-lib")
    synthetic_library(lib, 60)
    idx = SearchIndex.open([LibraryDir(lib, "t")], cache_root=lib / "cache")
    write_case(lib, "synthetic-case-00003", "Replaced", "Quokkas, trust and security again.")
    idx.update()
    write_case(lib, "synthetic-case-00042", "Trust again", "Trust, talks and a foreign ministry.")
    synthetic_library(lib, 3, seed=7, start=60)
    idx.update()
    yield idx
    idx.close()


@pytest.fixture(scope="module")
def session(index: SearchIndex) -> Session:
    sess = index._session_now()
    assert sess.reader.has_deletions()
    assert len(list(sess.reader.leaf_readers())) >= 2
    return sess


@pytest.fixture(params=["private", "public"])
def path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test on the fast path this fork takes, then on the public-API fallback only.

    On the public path the private readers are made to fail, so a test that passes there
    cannot have used them.
    """
    if request.param == "public":
        monkeypatch.setattr(whoosh_internals, "PRIVATE", False)
        for name in (
            "_private_block_ids",
            "_private_block_postings",
            "_private_length_column",
        ):
            monkeypatch.setattr(whoosh_internals, name, _fails(name))
    return str(request.param)


def _fails(name: str) -> Callable[..., Any]:
    def fail(*args: object, **kwargs: object) -> Any:
        raise AssertionError(f"{name} called with PRIVATE off")

    return fail


USER_QUERIES = [
    "trust",
    "trust security",
    "government official meeting",
    "foreign ministry",
    "negot*",
    "trust -security",
    "kind:lesson trust",
    "title:trust",
    "theme:trade trust",
    "year:1960..1990 dialogue",
    '"foreign ministry"',
    "olso~ channel",
    "quokka",
    "kind:case",
    "nosuchwordanywhere",
]

BITSET_QUERIES: list[Q.Query] = [
    Q.Term("body", "trust"),
    Q.Term("title", "trust"),
    Q.Term("kind", "lesson"),
    Q.Term("case_id", "synthetic-case-00003"),
    Q.Term("body", "nosuchwordanywhere"),
    Q.Or([Q.Term("body", "trust"), Q.Term("body", "secur")]),
    Q.And([Q.Term("body", "trust"), Q.Term("kind", "lesson")]),
    Q.AndNot(Q.Term("body", "trust"), Q.Term("kind", "case")),
    Q.ConstantScoreQuery(Q.Term("body", "dialogu"), 0.0),
    Q.Phrase("body", ["foreign", "ministri"]),
    Q.NumericRange("year_start", 1960, 1990),
    Q.NumericRange("year_end", None, 1975),
    Q.Every(),
]

COMMON = "govern"
"""A word of a few hundred documents: its postings span several blocks in a segment."""

RANK_QUERIES: list[Q.Query] = [
    Q.Term("body", "trust"),
    Q.Term("body", COMMON),
    Q.Term("title", "offici"),
    Q.Term("names", "berg"),
    Q.Term("kind", "lesson"),
    Q.Term("kind", "lesson", boost=0.5),
    Q.Or([Q.Term("body", "trust", boost=2.0), Q.Term("body", "secur")]),
    Q.Or([Q.Term("body", COMMON), Q.Term("title", COMMON, boost=1.5), Q.Term("body", "meet")]),
    Q.Or([Q.Term("body", "dialogu"), Q.Term("names", "hiro", boost=3.0)]),
]


def whoosh_set(session: Session, q: Q.Query) -> set[int]:
    """The documents Whoosh itself says ``q`` matches (both ways of asking it agree)."""
    found = set(session.searcher.docs_for_query(q))
    if q is not Q.NullQuery:
        assert {h.docnum for h in session.searcher.search(q, limit=None)} == found
    return found


def test_the_fixture_exercises_the_fast_paths(index: SearchIndex, session: Session) -> None:
    """Several segments, deletions, postings longer than one block; and on the forks we
    support (whoosh3, whoosh-reloaded 2.7.5) every fast path is really taken."""
    blocks = 0
    for reader, _ in session.reader.leaf_readers():
        assert whoosh_internals._private_length_column(reader, "body") is not None
        if ("body", COMMON) in reader:
            found = whoosh_internals.block_ids(reader.postings("body", COMMON))
            blocks = max(blocks, len(list(found)))
    assert blocks > 1  # the public path gives a term's postings as one block
    assert hasattr(index._store.ix, "_segments")


# Bitsets ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("q", BITSET_QUERIES, ids=repr)
def test_bitsets_equal_whoosh(session: Session, path: str, q: Q.Query) -> None:
    docsets = DocSets(session.searcher)
    assert docsets.bits(q) == bitset(whoosh_set(session, q), docsets.size)


@pytest.mark.parametrize("text", USER_QUERIES)
def test_bitsets_of_compiled_user_queries_equal_whoosh(
    session: Session, path: str, text: str
) -> None:
    docsets = DocSets(session.searcher)
    compiled = compile_query(session.reader, parse(text), None, False)
    parts = [compiled.any_of, *compiled.positive]
    parts += [p for p in (compiled.filter, compiled.mask) if p is not None]
    for q in parts:
        if q is Q.NullQuery:
            assert docsets.bits(q) == 0
            continue
        assert docsets.bits(q) == bitset(whoosh_set(session, q), docsets.size), repr(q)


# Scores and order ----------------------------------------------------------------------------


def assert_same_ranking(fast: list[tuple[int, float]], whoosh: list[tuple[int, float]]) -> None:
    """Same documents with the same scores, in the same order (documents whose scores differ
    by less than the tolerance may swap: which of two equal sums is larger is rounding)."""
    assert len(fast) == len(whoosh)
    assert dict(fast) == pytest.approx(dict(whoosh), rel=TOLERANCE, abs=TOLERANCE)
    for (fd, fs), (wd, ws) in zip(fast, whoosh, strict=True):
        assert fd == wd or abs(fs - ws) <= TOLERANCE * max(1.0, abs(ws)), (fd, wd)
        assert fs == pytest.approx(ws, rel=TOLERANCE, abs=TOLERANCE)


def whoosh_ranking(session: Session, q: Q.Query, **kwargs: Any) -> list[tuple[int, float]]:
    return [(h.docnum, h.score) for h in session.searcher.search(q, **kwargs)]


@pytest.mark.parametrize("q", RANK_QUERIES, ids=repr)
def test_fast_ranker_equals_whoosh_scores_and_order(
    session: Session, path: str, q: Q.Query
) -> None:
    whoosh = whoosh_ranking(session, q, limit=None)
    assert whoosh, "the query should match something"
    allowed = DocSets(session.searcher).bits(q)
    fast = FastRanker(session.searcher).rank([q], allowed, len(whoosh))
    assert fast is not None
    assert_same_ranking(fast, whoosh)
    # The first page too (a heap of 10, not a sort of all).
    top = FastRanker(session.searcher).rank([q], allowed, 10)
    assert top is not None
    assert_same_ranking(top, whoosh_ranking(session, q, limit=10))


@pytest.mark.parametrize("q", RANK_QUERIES, ids=repr)
def test_fast_ranker_within_a_filter_and_mask_equals_whoosh(
    session: Session, path: str, q: Q.Query
) -> None:
    keep = Q.Or([Q.Term("kind", "lesson"), Q.Term("kind", "case")])
    leave = Q.Term("body", "secur")
    docsets = DocSets(session.searcher)
    allowed = docsets.bits(q) & docsets.bits(keep) & ~docsets.bits(leave)
    whoosh = whoosh_ranking(session, q, limit=None, filter=keep, mask=leave)
    assert whoosh
    fast = FastRanker(session.searcher).rank([q], allowed, len(whoosh))
    assert fast is not None
    assert_same_ranking(fast, whoosh)


@pytest.mark.parametrize("text", USER_QUERIES)
def test_fast_ranker_on_compiled_user_queries_equals_whoosh(
    session: Session, path: str, text: str
) -> None:
    """As run_search ranks: each clause alone equals Whoosh; all together, within the query's
    filter and mask, a document's score is Whoosh's score of the OR of the clauses, and the
    documents matching more clauses come first, each tier in Whoosh's order."""
    compiled = compile_query(session.reader, parse(text), None, False)
    docsets = DocSets(session.searcher)
    allowed = docsets.bits(compiled.any_of)
    if compiled.filter is not None:
        allowed &= docsets.bits(compiled.filter)
    if compiled.mask is not None:
        allowed &= ~docsets.bits(compiled.mask)
    if not compiled.positive or not allowed:
        return  # nothing to rank (filters only, or no match)
    ranker = FastRanker(session.searcher)
    if any(flatten(c) is None for c in compiled.positive):
        # A phrase: left to Whoosh itself.
        assert ranker.rank(compiled.positive, allowed, 10) is None
        return
    for clause in compiled.positive:
        whoosh = whoosh_ranking(session, clause, limit=None)
        fast = ranker.rank([clause], docsets.bits(clause), len(whoosh) + 1)
        assert fast is not None
        assert_same_ranking(fast, whoosh)
    fast = ranker.rank(compiled.positive, allowed, allowed.bit_count())
    assert fast is not None
    sets = [whoosh_set(session, c) for c in compiled.positive]
    tiers: dict[int, list[tuple[int, float]]] = {}
    whoosh = whoosh_ranking(
        session, compiled.any_of, limit=None, filter=compiled.filter, mask=compiled.mask
    )
    for d, s in whoosh:
        tiers.setdefault(sum(d in found for found in sets), []).append((d, s))
    expected = [hit for n in sorted(tiers, reverse=True) for hit in tiers[n]]
    assert_same_ranking(fast, expected)


def test_run_search_gives_the_same_hits_on_both_paths(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    def results() -> list[list[tuple[str, float]]]:
        fresh = Session(session.searcher)
        out = []
        for text in USER_QUERIES:
            found = run_search(fresh, parse(text), None, 20, False)
            assert found.hits or text in ("nosuchwordanywhere",), text
            out.append([(f"{h.case_id}/{h.item_id}", round(h.score, 6)) for h in found.hits])
        return out

    private = results()
    monkeypatch.setattr(whoosh_internals, "PRIVATE", False)
    assert results() == private


# Lengths, segments and forks without the private structures ----------------------------------


def test_length_columns_equal_whoosh_doc_field_length(session: Session) -> None:
    for reader, _ in session.reader.leaf_readers():
        for field in ("body", "title", "names", "kind"):
            fast = whoosh_internals.length_column(reader, field)
            slow = whoosh_internals._public_length_column(reader, field)
            assert fast == slow
            # What Whoosh's BM25 reads for a document with the field.
            for d in range(0, reader.doc_count_all(), 7):
                if reader.doc_field_length(d, field, 1):
                    assert fast[d] == reader.doc_field_length(d, field, 1)


def test_segment_count_on_both_paths(
    index: SearchIndex, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    segments = len(list(session.reader.leaf_readers()))
    empty = RamStorage().create_index(build_schema())
    for private in (True, False):
        monkeypatch.setattr(whoosh_internals, "PRIVATE", private)
        assert whoosh_internals.segment_count(empty) == 0
        assert whoosh_internals.segment_count(index._store.ix) == segments


def test_index_stats_count_segments_on_both_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synthetic_library(tmp_path / "lib", 3)
    with SearchIndex.open([LibraryDir(tmp_path / "lib", "t")], cache_root=tmp_path / "c") as idx:
        write_case(tmp_path / "lib", "synthetic-case-00001", "Replaced")
        idx.update()
        private = idx.stats()["segments"]
        monkeypatch.setattr(whoosh_internals, "PRIVATE", False)
        assert idx.stats()["segments"] == private >= 1


class PublicOnly:
    """A postings matcher with Whoosh's public methods only, as another fork might give."""

    def __init__(self, matcher: Any) -> None:
        self._m = matcher

    def is_active(self) -> bool:
        return bool(self._m.is_active())

    def id(self) -> int:
        return int(self._m.id())

    def weight(self) -> float:
        return float(self._m.weight())

    def next(self) -> None:
        self._m.next()

    def all_ids(self) -> Iterator[int]:
        while self.is_active():
            yield self.id()
            self.next()


def test_a_matcher_without_the_private_structures_takes_the_public_path(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("_private_block_ids", "_private_block_postings"):
        monkeypatch.setattr(whoosh_internals, name, _fails(name))
    for reader, _ in session.reader.leaf_readers():
        if ("body", "trust") not in reader:
            continue
        ids = list(reader.postings("body", "trust").all_ids())
        blocks = whoosh_internals.block_ids(PublicOnly(reader.postings("body", "trust")))
        assert [d for b in blocks for d in b] == ids
        pairs = whoosh_internals.block_postings(PublicOnly(reader.postings("body", "trust")))
        assert [d for b, _ in pairs for d in b] == ids


def test_a_reader_without_the_private_structures_takes_the_public_path(session: Session) -> None:
    class Reader:
        def __init__(self, real: Any) -> None:
            self.real = real

        def doc_count_all(self) -> int:
            return int(self.real.doc_count_all())

        def doc_field_length(self, d: int, field: str, default: int = 0) -> int:
            return int(self.real.doc_field_length(d, field, default) or 0)

    for reader, _ in session.reader.leaf_readers():
        assert whoosh_internals.length_column(Reader(reader), "body") == (
            whoosh_internals.length_column(reader, "body")
        )
