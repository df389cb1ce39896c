"""Ad hoc briefings: from a list of cases, or from references to items (a query's best hits).

The search runs in the front end (briefings never imports search_index); it hands the hits'
references here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Sequence

from pydantic import ValidationError

from briefings.loader import BriefingProblem, dangling
from briefings.model import REF_PATTERN, Briefing, agreement_of, split_ref
from cases.citations import strip_markers
from cases.library import Library
from cases.model import Case

DEFAULT_AUDIENCE = "Delegation members and staff preparing for a Track II or Track 1.5 meeting"


def slugify(text: str, limit: int = 60) -> str:
    """A briefing id from a title: lowercase words joined by hyphens, at most ``limit`` long.

    Accents are folded (``Réunion`` -> ``reunion``). Letters that have no ASCII form (Chinese,
    Cyrillic...) would vanish, so a title that has them also gets a short hash of itself:
    "和平对话" and "Переговоры" make two different ids.
    """
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    lost = any(ch.isalnum() for ch in folded if not ch.isascii() and not unicodedata.combining(ch))
    suffix = "-" + hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:6] if lost else ""
    room = limit - len(suffix)
    if len(slug) > room:
        slug = slug[:room].rsplit("-", 1)[0] if "-" in slug[:room] else slug[:room]
    return (slug or "briefing") + suffix


def _names(cases: Sequence[Case]) -> str:
    names = [f"{c.title}" for c in cases]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _check(refs: Sequence[str], lib: Library) -> list[str]:
    out: list[str] = []
    for raw in refs:
        ref = raw.strip()
        if not re.match(REF_PATTERN, ref):
            raise BriefingProblem(f"'{raw}' is not a case id or a case-id/item-id reference")
        message = dangling(ref, lib)
        if message:
            raise BriefingProblem(message)
        if ref not in out:
            out.append(ref)
    if not out:
        raise BriefingProblem("a briefing needs at least one case or item")
    return out


def _build(data: dict[str, object]) -> Briefing:
    try:
        return Briefing.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise BriefingProblem(f"{where}: {err['msg']}") from None


def compose_from_cases(
    lib: Library,
    case_ids: Sequence[str],
    title: str | None = None,
    audience: str | None = None,
    purpose: str | None = None,
    as_of: dt.date | None = None,
    briefing_id: str | None = None,
) -> Briefing:
    """A briefing with one section per case, each case shown whole (summary, outcome, items).

    Raises BriefingProblem for an unknown case id (with a suggestion) or an empty list.
    """
    for raw in case_ids:
        if "/" in raw:
            raise BriefingProblem(
                f"'{raw}' names an item, not a case; give the case id '{split_ref(raw.strip())[0]}'"
            )
    refs = _check(case_ids, lib)
    cases = [lib.cases[r] for r in refs]
    title = title or (
        "Briefing: " + cases[0].title
        if len(cases) == 1
        else f"Briefing: {len(cases)} Track II cases"
    )
    plural = "case" if len(cases) == 1 else f"{len(cases)} cases"
    summary = (
        f"This briefing covers {plural}: {_names(cases)}. For each it sets out what happened, "
        "how it ended, and the lessons, challenges and recommendations drawn from it. "
        "Every source the cases rely on is listed, numbered, at the end."
    )
    return _build(
        {
            "id": briefing_id or slugify(title),
            "title": title,
            "audience": audience or DEFAULT_AUDIENCE,
            "purpose": purpose
            or f"Background on {plural} chosen for this meeting, and what they teach.",
            "as_of": as_of or dt.date.today(),
            "summary": summary,
            "sections": [{"heading": c.title, "refs": [c.id]} for c in cases],
        }
    )


KEY_POINTS = 4
"""Item titles quoted in an ad hoc briefing's summary (the rest are in its sections)."""


def _key_points(lib: Library, items: Sequence[str]) -> str:
    """The summary's sentence written from what was chosen: the first items' titles, led by
    recommendations (what the reader is asked to do), then lessons and challenges."""
    order = {"recommendation": 0, "lesson": 1, "challenge": 2}
    found = []
    for n, ref in enumerate(items):
        case_id, item_id = split_ref(ref)
        hit = lib.cases[case_id].item(item_id or "")
        if hit:
            found.append((order.get(hit[0], 3), n, hit[1].title.rstrip(".")))
    if not found:
        return ""
    titles = [t for _, _, t in sorted(found)[:KEY_POINTS]]
    more = len(found) - len(titles)
    tail = f"; and {more} more" if more else ""
    return "In short: " + "; ".join(titles) + tail + ". "


def compose_from_refs(
    lib: Library,
    refs: Sequence[str],
    title: str | None = None,
    query: str | None = None,
    audience: str | None = None,
    purpose: str | None = None,
    as_of: dt.date | None = None,
    briefing_id: str | None = None,
) -> Briefing:
    """A briefing from references (``case-id`` or ``case-id/item-id``), grouped by case.

    Sections follow the order in which cases first appear in ``refs`` (for a query, best hit
    first). A whole-case reference makes that case's item references redundant, so they are
    dropped. Raises BriefingProblem for a reference that does not resolve.
    """
    checked = _check(refs, lib)
    agreements = [r for r in checked if agreement_of(r) is not None]
    checked = [r for r in checked if agreement_of(r) is None]
    whole = {r for r in checked if "/" not in r}
    groups: dict[str, list[str]] = {}
    for ref in checked:
        case_id, item_id = split_ref(ref)
        if item_id and case_id in whole:
            continue
        groups.setdefault(case_id, []).append(ref)
    cases = [lib.cases[cid] for cid in groups]
    items = [r for r in checked if "/" in r and split_ref(r)[0] not in whole]
    counts: dict[str, int] = {}
    for ref in items:
        case_id, item_id = split_ref(ref)
        found = lib.cases[case_id].item(item_id or "")
        if found:
            counts[found[0]] = counts.get(found[0], 0) + 1
    what = ", ".join(
        f"{counts[k]} {k}{'' if counts[k] == 1 else 's'}"
        for k in ("lesson", "challenge", "recommendation")
        if k in counts
    )
    if query:
        title = title or f"Briefing: {query}"
        summary = (
            f"What the library's cases teach about \u201c{query}\u201d: "
            f"{what or 'the matching cases'}, from {_names(cases)}. "
        )
    elif not cases:
        title = title or "Briefing: peace agreements"
        summary = ""
    else:
        title = title or "Briefing: selected lessons and recommendations"
        summary = f"A selection of {what or 'cases'} from {_names(cases)}. "
    summary += _key_points(lib, items)
    summary += (
        "Each item is shown under the case it comes from, with that case's sources "
        "numbered in the list at the end."
    )
    sections = []
    for case in cases:
        group = groups[case.id]
        has_whole = case.id in whole
        sections.append(
            {
                "heading": case.title,
                # Items read out of context need the case's story; a whole case already tells it.
                **({} if has_whole else {"text": strip_markers(case.summary)}),
                "refs": group,
            }
        )
    if agreements:
        sections.append({"heading": "Agreements", "refs": agreements})
        n = len(agreements)
        these = f"{n} peace agreement{'' if n == 1 else 's'} from PA-X"
        summary = (
            f"{summary} {these.capitalize()} close{'s' if n == 1 else ''} it, with "
            "key facts and provisions."
            if cases
            else f"A selection of {these}, with key facts, provisions and the cases that fed them."
        )
    if not cases:
        purpose = purpose or "Peace agreements chosen for this meeting, with what fed them."
    default_purpose = (
        f"The best lessons and recommendations for \u201c{query}\u201d, grouped by case."
        if query
        else "Lessons and recommendations chosen for this meeting, grouped by case."
    )
    return _build(
        {
            "id": briefing_id or slugify(title),
            "title": title,
            "audience": audience or DEFAULT_AUDIENCE,
            "purpose": purpose or default_purpose,
            "as_of": as_of or dt.date.today(),
            "summary": summary,
            "sections": sections,
            **({"query": query} if query else {}),
        }
    )
