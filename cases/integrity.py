"""The rules that make every claim in a case traceable to one of its sources.

Schema 2 requires them; a schema 1 file still loads and gets one note on what to add.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from cases.citations import cited_ids, malformed, paragraphs
from cases.model import Case, Loc

Finding = tuple[Loc, str, str]
"""(location, message, severity) where severity is "error" or "warning"."""

PROSE_FIELDS = ("summary", "background", "outcome", "track_note")


@cache
def denied_hosts() -> frozenset[str]:
    """The hosts in ``denied_hosts.txt`` (comments and blank lines skipped)."""
    text = resources.files("cases").joinpath("denied_hosts.txt").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line)


def denied_host(url: str) -> str | None:
    """The deny-listed host ``url`` is on, or None."""
    host = (urlsplit(url).hostname or "").lower()
    for denied in denied_hosts():
        if host == denied or host.endswith("." + denied):
            return denied
    return None


def _prose(case: Case) -> list[tuple[Loc, str]]:
    out: list[tuple[Loc, str]] = []
    for name in PROSE_FIELDS:
        value = getattr(case, name)
        if value:
            out.append(((name,), value))
    for n, d in enumerate(case.disputed):
        if d.note:
            out.append((("disputed", n, "note"), d.note))
    for n, a in enumerate(case.agreements):
        if a.note:
            out.append((("agreements", n, "note"), a.note))
    return out


def _items(case: Case) -> list[tuple[Loc, list[str]]]:
    out: list[tuple[Loc, list[str]]] = [
        (("timeline", n), e.sources) for n, e in enumerate(case.timeline)
    ]
    for kind in ("lessons", "challenges", "recommendations"):
        out += [((kind, n), i.sources) for n, i in enumerate(getattr(case, kind))]
    return out


@cache
def template_placeholders() -> frozenset[str]:
    """The sentences ``track2 new`` writes for the author to replace (two words or more,
    read from the shipped template): a file that still holds one is not a case yet."""
    from importlib import resources

    import yaml

    text = resources.files("cases").joinpath("template.yaml").read_text(encoding="utf-8")
    out: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str) and " " in value.strip() and "__" not in value:
            out.add(" ".join(value.split()))

    walk(yaml.safe_load(text))
    return frozenset(out)


def _texts(value: object, loc: Loc) -> list[tuple[Loc, str]]:
    if isinstance(value, dict):
        return [pair for k, v in value.items() for pair in _texts(v, (*loc, k))]
    if isinstance(value, list):
        return [pair for n, v in enumerate(value) for pair in _texts(v, (*loc, n))]
    return [(loc, value)] if isinstance(value, str) else []


def template_checks(case: Case) -> list[Finding]:
    """An error for every value still as the template wrote it ("One line", "What happened
    first."): an unfilled template must not validate clean."""
    placeholders = template_placeholders()
    found: list[Finding] = []
    data = case.model_dump(mode="json", exclude={"path", "origin"})
    for loc, text in _texts(data, ()):
        if " ".join(text.split()) in placeholders:
            found.append((loc, "still the template's placeholder text: write your own", "error"))
    return found


def citation_checks(case: Case, curated: bool = False) -> list[Finding]:
    """Every citation rule, with the location of the value that breaks it."""
    found: list[Finding] = template_checks(case)
    known = {s.id for s in case.sources}
    v2 = case.schema_version >= 2
    used: set[str] = {p.source for d in case.disputed for p in d.positions}
    missing_sources = 0
    for loc, ids in _items(case):
        if not ids:
            missing_sources += 1
            if v2:
                found.append(
                    ((*loc, "sources"), "no sources: list the ids that support it", "error")
                )
        for m, sid in enumerate(ids):
            used.add(sid)
            if sid not in known:
                found.append(((*loc, "sources", m), f"no source with id '{sid}'", "error"))
    uncited = 0
    for loc, text in _prose(case):
        for bad in malformed(text):
            # Shown literally either way; in a user's file it may be meant as text.
            message = f"malformed citation {bad!r}; write [@id] or [@a; @b]"
            found.append((loc, message, "error" if curated else "warning"))
        for sid in cited_ids(text):
            used.add(sid)
            if sid not in known:
                found.append((loc, f"cites [@{sid}], but no source has that id", "error"))
        for n, para in enumerate(paragraphs(text), 1):
            if not cited_ids(para):
                uncited += 1
                if v2:
                    found.append(
                        (loc, f"paragraph {n} cites no source; end it with [@id]", "error")
                    )
    for n, src in enumerate(case.sources):
        if v2 and src.id not in used:
            found.append((("sources", n, "id"), f"source '{src.id}' is cited nowhere", "error"))
        if v2 and src.seed is not None:
            found.append((("sources", n, "seed"), "schema 2 calls this source_article", "error"))
        host = denied_host(src.url) if src.url else None
        if host:
            found.append(
                (
                    ("sources", n, "url"),
                    f"{host} is not a source track2 accepts (a mirror, repost, encyclopedia or "
                    "content farm); cite the original",
                    "error" if curated else "warning",
                )
            )
    if not v2 and (missing_sources or uncited):
        found.append(
            (
                ("schema_version",),
                f"schema 1 still loads; for schema 2 give {missing_sources} event(s) and item(s) "
                f"`sources: [ids]` and cite {uncited} prose paragraph(s) with [@id] "
                "(`track2 new` writes a schema 2 template)",
                "warning",
            )
        )
    return found
