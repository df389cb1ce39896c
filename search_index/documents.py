"""Turn one case into its index documents: the case itself and each of its items."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cases.citations import strip_markers
from cases.vocab import vocabulary
from search_index.schema import NAMES_REPEAT, TITLE_REPEAT

if TYPE_CHECKING:
    from cases.model import Case, Item

CASE_BOOST = 2.0
"""How much more a case document weighs than one of its items, for the same words."""
OPEN_END = 9999
"""year_end of a case that is still going on: it overlaps every later year."""


def decade_of(date: str) -> str:
    """``1993-09`` -> ``1990s``."""
    return f"{int(date[:4]) // 10 * 10}s"


def _labels(kind: str, ids: list[str]) -> list[str]:
    vocab = vocabulary()
    return [vocab.label(kind, i) for i in ids]


def case_text(case: Case) -> str:
    """The body of a case document: what a reader scans for the words they searched for."""
    parts = [case.summary, case.background]
    parts += [f"{e.date}: {e.event}" for e in case.timeline]
    parts.append(case.outcome)
    if case.track_note:
        parts.append(case.track_note)
    parts += case.discussion_questions
    parts += [d.claim for d in case.disputed]
    # Each title is its own sentence, so a snippet never runs two of them together.
    parts += [i.title.rstrip(".") + "." for _, i in case.items()]
    # Citation markers are for writers, not words to find ("[@waage-norway-role]").
    return "\n\n".join(strip_markers(p) for p in parts)


def _names(case: Case) -> str:
    out: list[str] = []
    for actor in case.actors:
        out.append(actor.name)
        if actor.affiliation:
            out.append(actor.affiliation)
        if actor.side:
            out.append(actor.side)
    return "\n".join(out)


def searched(title: str, names: str, labels: str, text: str) -> str:
    """What plain words are looked up in: the title three times and names twice (their
    weight), labels of themes, regions, countries or tags, then the text."""
    parts = [title] * TITLE_REPEAT + [names] * NAMES_REPEAT + [labels, text]
    return "\n".join(p for p in parts if p)


def case_facets(case: Case) -> dict[str, list[str]]:
    """Facet values a case passes on to each of its items."""
    return {
        "track": list(case.track),
        "theme": list(case.themes),
        "region": list(case.regions),
        "country": list(case.countries),
        "decade": [decade_of(case.period.start)],
    }


def case_meta(case: Case, origin: str) -> dict[str, Any]:
    """The stored fields of a case document: enough to list it without its YAML."""
    return {
        "case_title": case.title,
        "item_id": None,
        "years": case.years,
        "start": case.period.start,
        "end": case.period.end,
        "track": list(case.track),
        "themes": list(case.themes),
        "regions": list(case.regions),
        "countries": list(case.countries),
        "decade": [decade_of(case.period.start)],
        "origin": origin,
        "actors": [a.name for a in case.actors],
    }


def documents(case: Case, origin: str) -> list[dict[str, Any]]:
    """The case document followed by one document per lesson, challenge and recommendation."""
    facets = case_facets(case)
    label_text = " ".join(
        _labels("themes", case.themes)
        + _labels("regions", case.regions)
        + _labels("countries", case.countries)
    )
    years = {
        "year_start": int(case.period.start[:4]),
        "year_end": int(case.period.end[:4]) if case.period.end else OPEN_END,
    }
    all_tags = sorted({t for _, item in case.items() for t in item.tags})
    names = _names(case)
    body = case_text(case)
    case_doc: dict[str, Any] = {
        "key": case.id,
        "kind": "case",
        "case_id": case.id,
        "title": case.title,
        "names": names,
        "body": searched(case.title, names, label_text, body),
        **{f: " ".join(v) for f, v in facets.items()},
        "tag": " ".join(all_tags),
        # pax:357 finds the agreement and every case that links to it.
        "pax": " ".join(str(link.pax) for link in case.agreements),
        **years,
        "meta": case_meta(case, origin),
        "text": body.encode("utf-8"),
        # A case is long, so BM25 rates each of its words lower than the same word in a short
        # item; without a lift, "oslo" listed four items before the Oslo case itself.
        "_boost": CASE_BOOST,
    }
    docs = [case_doc]
    for kind, item in case.items():
        docs.append(_item_document(case, kind, item, facets, years))
    return docs


def _item_document(
    case: Case, kind: str, item: Item, facets: dict[str, list[str]], years: dict[str, int]
) -> dict[str, Any]:
    tag_labels = " ".join(_labels("tags", item.tags))
    meta: dict[str, Any] = {"case_title": case.title, "item_id": item.id, "tags": list(item.tags)}
    if getattr(item, "audience", None):  # a recommendation
        meta["audience"] = list(getattr(item, "audience", []))
    return {
        "key": f"{case.id}/{item.id}",
        "kind": kind,
        "case_id": case.id,
        "title": item.title,
        "body": searched(item.title, "", tag_labels, item.text),
        "idwords": item.id,
        **{f: " ".join(v) for f, v in facets.items()},
        "tag": " ".join(item.tags),
        **years,
        "meta": meta,
        "text": item.text.encode("utf-8"),
    }
