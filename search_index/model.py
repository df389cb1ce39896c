"""What search returns: plain dataclasses, never Whoosh objects."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("case", "lesson", "challenge", "recommendation", "agreement", "term")
"""Every document kind, in the order they are listed: cases and their items, PA-X agreements
(when imported) and glossary terms."""
ITEM_KINDS = ("lesson", "challenge", "recommendation")
"""The kinds that are parts of a case."""
OWN_KINDS = ("agreement", "term")
"""Kinds that belong to no case: their ``ref`` is ``kind:id``."""


@dataclass(frozen=True)
class Span:
    """A piece of snippet text; ``match`` is True where it matched the query."""

    text: str
    match: bool = False

    def as_dict(self) -> dict[str, object]:
        """``{"text": ..., "match": ...}`` for JSON output."""
        return {"text": self.text, "match": self.match}


@dataclass(frozen=True)
class Hit:
    """One search result: a case, or a lesson / challenge / recommendation of a case."""

    kind: str
    """"case", "lesson", "challenge", "recommendation", "agreement" or "term"."""
    case_id: str
    """The case (empty for an agreement or a term)."""
    item_id: str | None
    """The item's id within its case; None for a case; the PA-X id of an agreement, the id
    of a glossary term."""
    title: str
    case_title: str
    score: float
    snippet: list[Span] = field(default_factory=list)
    tags: tuple[str, ...] = ()
    """An item's lesson tags (stored with it: no second search to learn them)."""

    @property
    def ref(self) -> str:
        """``case-id``, ``case-id/item-id``, ``agreement:357`` or ``term:track-ii``: what
        briefings and bookmarks point at."""
        if self.kind in OWN_KINDS:
            return f"{self.kind}:{self.item_id}"
        return f"{self.case_id}/{self.item_id}" if self.item_id else self.case_id

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of ``track2 search --json``."""
        return {
            "kind": self.kind,
            "ref": self.ref,
            "case_id": self.case_id,
            "item_id": self.item_id,
            "title": self.title,
            "case_title": self.case_title,
            "score": round(self.score, 4),
            "tags": list(self.tags),
            "snippet": [s.as_dict() for s in self.snippet],
        }


@dataclass
class SearchResult:
    """The answer to one query; ``error`` explains a query that could not be read in full."""

    query: str
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    suggestion: str | None = None
    """A corrected query ("did you mean") when there were few or no hits."""
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    """Facet name -> value -> number of matching documents."""
    error: str | None = None
    corrected_from: str | None = None
    """What was typed, when it matched nothing and ``query`` is its correction ("showing
    results for oslo")."""

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of ``track2 search --json`` (plus ``error`` and
        ``corrected_from`` when there are)."""
        out: dict[str, object] = {
            "query": self.query,
            "total": self.total,
            "hits": [h.as_dict() for h in self.hits],
            "suggestion": self.suggestion,
            "facets": self.facets,
        }
        if self.error:
            out["error"] = self.error
        if self.corrected_from is not None:
            out["corrected_from"] = self.corrected_from
        return out

    def by_case(self) -> list[tuple[str, str, list[Hit]]]:
        """The hits grouped by case: (case id, case title, its hits in rank order), the
        cases in the order of their best hit. An agreement or a glossary term, which belong
        to no case, is a group of its own (its ref as the id)."""
        groups: dict[str, tuple[str, str, list[Hit]]] = {}
        for hit in self.hits:
            key = hit.case_id or hit.ref
            title = hit.case_title or hit.title
            groups.setdefault(key, (key, title, []))[2].append(hit)
        return list(groups.values())


@dataclass(frozen=True)
class CaseRow:
    """A case as listed from the index's stored fields, without reading its YAML."""

    id: str
    title: str
    years: str
    start: str
    end: str | None
    track: list[str]
    themes: list[str]
    regions: list[str]
    countries: list[str]
    decade: list[str]
    """The decade the case began in, as a one-item list (``["1990s"]``), like a facet value."""
    origin: str
    actors: tuple[str, ...] = ()
    """The names of the case's actors (people and organisations), as written."""

    def has_actor(self, typed: str) -> bool:
        """True when an actor's name contains ``typed`` (any case, accents ignored)."""
        want = _fold(typed)
        return any(want in _fold(name) for name in self.actors)


_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ı": "i"})
"""Letters that have no accent to strip but that people type without (Jørgen as Jorgen)."""


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class UpdateStats:
    """What an update did: case files added, changed and removed, and how long it took."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    seconds: float = 0.0
    rebuilt: bool = False
    """True when the whole index was built afresh (new, corrupt, or a new schema)."""
    extras: tuple[str, ...] = ()
    """Kinds of documents from no case file (agreement, term) that were indexed again."""

    @property
    def touched(self) -> int:
        """How many case files (and extra sources) were (re)indexed or dropped."""
        return self.added + self.changed + self.removed + len(self.extras)
