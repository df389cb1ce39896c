"""Run queries against an open Whoosh searcher and turn what comes back into dataclasses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields as dataclass_fields
from typing import TYPE_CHECKING, Any

from whoosh import query as Q

from search_index.analysis import fold, terms
from search_index.compile import Compiled, compile_query
from search_index.docsets import DocSets, first_bits
from search_index.facets import FacetTable, facet_table
from search_index.fastrank import FastRanker
from search_index.model import ITEM_KINDS, KINDS, CaseRow, Hit, SearchResult, Span
from search_index.query import ParsedQuery
from search_index.saved import saved_or_built
from search_index.schema import STEMMED_FIELDS
from search_index.snippets import Marks, make_snippet
from search_index.spelling import edit_distance, suggest

if TYPE_CHECKING:
    from pathlib import Path

KIND_ORDER = {k: n for n, k in enumerate(KINDS)}
SURFACE_DOCS = 8
"""Documents read to find how a corrected word is written (each costs a text decompression)."""


class Session:
    """One searcher and what is worth keeping with it: text column, bitsets, facet table."""

    def __init__(self, searcher: Any, folder: Path | None = None) -> None:
        self.searcher = searcher
        self.folder = folder
        """The index's folder, where the facet table is saved (None: in memory)."""
        self.reader = searcher.reader()
        self.docsets = DocSets(searcher)
        self.ranker = FastRanker(searcher)
        self._text: Any = None
        self._facets: FacetTable | None = None

    @property
    def facets(self) -> FacetTable:
        """The facet bitsets (read or built on first use; see :func:`facet_table`)."""
        if self._facets is None:
            self._facets = facet_table(self.reader, self.docsets, self.folder)
        return self._facets

    def text(self, docnum: int) -> str:
        """The stored text of a document (its snippet source)."""
        if self._text is None:
            self._text = self.reader.column_reader("text")
        raw = self._text[docnum]
        return raw.decode("utf-8") if raw else ""

    def surface(self, field: str, term: str, typed: str = "") -> str | None:
        """A word whose term is ``term``, as written in the first few documents holding it:
        the form closest to ``typed`` ("accords", not "according", for "acords")."""
        try:
            postings = self.reader.postings(field, term)
        except Exception:  # noqa: BLE001 - no such term
            return None
        forms: dict[str, None] = {}
        for _ in range(SURFACE_DOCS):
            if not postings.is_active():
                break
            docnum = postings.id()
            title = self.searcher.stored_fields(docnum).get("title", "")
            for text in (title, self.text(docnum)):
                for found, start, end in terms(text):
                    if found == term:
                        forms.setdefault(fold(text[start:end]), None)
            if not typed:
                break
            postings.next()
        if not forms:
            return None
        return (
            min(forms, key=lambda w: (edit_distance(typed, w), len(w)))
            if typed
            else next(iter(forms))
        )

    def close(self) -> None:
        """Close the searcher."""
        self.searcher.close()

    def hit(self, docnum: int, score: float, marks: Marks) -> Hit:
        """The Hit of one document, with a snippet around the marked words."""
        fields = self.searcher.stored_fields(docnum)
        meta = fields.get("meta") or {}
        title = fields.get("title", "")
        return Hit(
            kind=fields.get("kind", "case"),
            case_id=fields.get("case_id", ""),
            item_id=meta.get("item_id"),
            title=title,
            case_title=meta.get("case_title", title),
            score=float(score),
            snippet=make_snippet(self.text(docnum), marks),
            tags=tuple(meta.get("tags") or ()),
        )

    def top(self, q: Q.Query, limit: int, within: Compiled) -> list[tuple[int, float]]:
        """The ``limit`` best documents for ``q``, restricted by the filter and mask."""
        if limit <= 0:
            return []
        if within.filter is not None:
            # A zero-scored AND: Whoosh intersects by skipping, cheaper than a filter set.
            q = Q.And([q, Q.ConstantScoreQuery(within.filter, 0.0)])
        if within.mask is not None:
            q = Q.AndNot(q, within.mask)
        return [(h.docnum, h.score) for h in self.searcher.search(q, limit=limit)]


def marks_of(queries: Iterable[Q.Query]) -> Marks:
    """What snippets should mark for these queries: their terms, and their phrases whole."""
    stemmed: set[str] = set()
    folded: set[str] = set()
    phrases: list[tuple[bool, tuple[str, ...]]] = []
    for q in queries:
        for leaf in q.leaves():
            field = getattr(leaf, "fieldname", None)
            if isinstance(leaf, Q.Phrase):
                phrases.append((field in STEMMED_FIELDS, tuple(str(w) for w in leaf.words)))
            elif isinstance(leaf, Q.Term):
                word = leaf.text.decode("utf-8") if isinstance(leaf.text, bytes) else str(leaf.text)
                (stemmed if field in STEMMED_FIELDS else folded).add(word)
    return Marks(frozenset(stemmed), frozenset(folded), tuple(dict.fromkeys(phrases)))


def ranked(
    session: Session, compiled: Compiled, matched: int, limit: int
) -> list[tuple[int, float]]:
    """The best ``limit`` documents: those matching every clause first, then the others.

    Ranking by how many clauses match before BM25 is what "an OR group that rewards AND"
    asks for, and it is fast: documents with every word are found by intersecting posting
    lists, and the documents matching only some of the words are scored only when the
    first tier does not fill the page (Whoosh scores a document in pure Python, so scoring
    the whole OR of common words at 10,000 cases takes most of a second).
    """
    if not matched:
        return []
    if not compiled.positive:
        # Only filters: every match is as good as another; list them in index order.
        return [(d, 0.0) for d in first_bits(matched, limit)]
    fast = session.ranker.rank(compiled.positive, matched, limit)
    if fast is not None:
        return fast
    if len(compiled.positive) == 1:
        return session.top(compiled.positive[0], limit, compiled)
    every = Q.And(compiled.positive)
    found = session.top(every, limit, compiled)
    if len(found) < limit:
        rest = Q.AndNot(compiled.any_of, every)
        found += session.top(rest, limit - len(found), compiled)
    return found


def run_search(
    session: Session,
    parsed: ParsedQuery,
    kind: str | None,
    limit: int,
    typeahead: bool,
    want_facets: bool = True,
) -> SearchResult:
    """Search, count, facet and suggest; errors in the query are already in ``parsed``."""
    result = SearchResult(query=parsed.text)
    if parsed.text.strip() and not (
        parsed.clauses or parsed.filters or parsed.excludes or parsed.years
    ):
        # Only syntax ("title:(", "AND OR"): listing the whole library would look like an answer.
        parsed.errors.append(
            'nothing to search for: type a word, a "phrase" or a field such as theme:health'
        )
        result.error = "; ".join(dict.fromkeys(parsed.errors))
        return result
    compiled = compile_query(session.reader, parsed, kind, typeahead)
    docsets = session.docsets
    matched = docsets.bits(compiled.any_of)
    if matched and compiled.filter is not None:
        matched &= docsets.bits(compiled.filter)
    if matched and compiled.mask is not None:
        matched &= ~docsets.bits(compiled.mask)
    hits = ranked(session, compiled, matched, limit)
    positive = compiled.positive
    result.total = matched.bit_count()
    marks = marks_of(positive)
    result.hits = [session.hit(d, s, marks) for d, s in hits[:limit]]
    if want_facets:
        result.facets = session.facets.count(matched)
    if parsed.positive:
        # Only words the index has never seen are corrected, so this costs a few lookups
        # unless something is misspelt; it runs even with hits ("Thucydidse trap" finds
        # "trap").
        result.suggestion = suggest(session.reader, parsed, session.surface, typeahead)
    if parsed.errors:
        result.error = "; ".join(dict.fromkeys(parsed.errors))
    return result


def more_like(session: Session, case_id: str, item_id: str | None, limit: int) -> list[Hit]:
    """Cases and items of other cases whose words are most like this case's or item's."""
    key = f"{case_id}/{item_id}" if item_id else case_id
    docnum = session.searcher.document_number(key=key)
    if docnum is None:
        return []
    text = session.text(docnum)
    title = session.searcher.stored_fields(docnum).get("title", "")
    key_terms = session.searcher.key_terms_from_text(
        "body", f"{title}\n{text}", numterms=16, normalize=True
    )
    if not key_terms:
        return []
    q = Q.Or([Q.Term("body", word, boost=weight) for word, weight in key_terms])
    results = session.searcher.search(q, limit=limit, mask=Q.Term("case_id", case_id))
    marks = Marks(stemmed=frozenset(word for word, _ in key_terms))
    return [session.hit(h.docnum, h.score, marks) for h in results]


def case_rows(session: Session) -> list[CaseRow]:
    """Every case from stored fields, ordered by start of period then title (saved beside
    the index for the next process: 2,000 cases take 100 ms to read)."""
    check = (session.reader.doc_count_all(), [f.name for f in dataclass_fields(CaseRow)])
    return saved_or_built(session.folder, session.reader, "cases", check, lambda: _rows(session))


def _rows(session: Session) -> list[CaseRow]:
    rows: list[CaseRow] = []
    for docnum in session.searcher.docs_for_query(Q.Term("kind", "case")):
        fields = session.searcher.stored_fields(docnum)
        meta = fields.get("meta") or {}
        rows.append(
            CaseRow(
                id=fields.get("case_id", ""),
                title=fields.get("title", ""),
                years=meta.get("years", ""),
                start=meta.get("start", ""),
                end=meta.get("end"),
                track=list(meta.get("track", [])),
                themes=list(meta.get("themes", [])),
                regions=list(meta.get("regions", [])),
                countries=list(meta.get("countries", [])),
                decade=list(meta.get("decade", [])),
                origin=meta.get("origin", ""),
                actors=tuple(meta.get("actors") or ()),
            )
        )
    rows.sort(key=lambda r: (r.start, r.title.lower()))
    return rows


def item_hits(session: Session, kind: str | None, tag: str | None) -> list[Hit]:
    """Every lesson, challenge and recommendation (of one kind, with one tag), full text."""
    kinds = [kind] if kind else list(ITEM_KINDS)
    q: Q.Query = Q.Or([Q.Term("kind", k) for k in kinds])
    if tag:
        q = Q.And([q, Q.Term("tag", tag)])
    found: list[tuple[str, int, int, Hit]] = []
    for docnum in session.searcher.docs_for_query(q):
        fields = session.searcher.stored_fields(docnum)
        meta = fields.get("meta") or {}
        hit = Hit(
            kind=fields.get("kind", ""),
            case_id=fields.get("case_id", ""),
            item_id=meta.get("item_id"),
            title=fields.get("title", ""),
            case_title=meta.get("case_title", ""),
            score=0.0,
            snippet=[Span(session.text(docnum))],
            tags=tuple(meta.get("tags") or ()),
        )
        found.append((hit.case_title.lower(), KIND_ORDER.get(hit.kind, 9), docnum, hit))
    found.sort(key=lambda f: f[:3])
    return [f[3] for f in found]
