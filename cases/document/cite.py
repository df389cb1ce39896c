"""Citation numbers: a case numbers its own source list; a briefing numbers what it cites.

A case document shows ``[3]`` for the third source in the case's list. A briefing numbers the
sources of the parts it includes in order of first citation, merges the same work cited by
several cases, and lists only those.
"""

from __future__ import annotations

from collections.abc import Iterable

from cases.citations import paragraphs, split_cited
from cases.document.blocks import Para, Reference, Span
from cases.model import Case, Source


def source_key(src: Source) -> str:
    """One key for the same work cited by several cases (by URL, else title, author, year)."""
    if src.url:
        return src.url.rstrip("/").lower().removeprefix("https://").removeprefix("http://")
    return "|".join(str(x).strip().lower() for x in (src.title, src.author, src.year))


def _reference(number: int, src: Source, ids: tuple[str, ...]) -> Reference:
    return Reference(
        number=number,
        title=src.title,
        author=src.author or "",
        publisher=src.publisher or "",
        year=src.year,
        url=src.url or "",
        source_article=src.is_source_article,
        ids=ids,
    )


class Citer:
    """Numbers citations. The base numbers by position in the case's own list."""

    def number(self, case: Case, source_id: str) -> int | None:
        """The number shown for ``source_id`` of ``case`` (None when the case has no such id)."""
        for n, src in enumerate(case.sources, 1):
            if src.id == source_id:
                return n
        return None

    def numbers(self, case: Case, ids: Iterable[str]) -> tuple[int, ...]:
        """The sorted, distinct numbers of ``ids``."""
        found = {self.number(case, sid) for sid in ids}
        return tuple(sorted(n for n in found if n is not None))

    def paras(self, case: Case, text: str | None) -> tuple[Para, ...]:
        """Prose with ``[@id]`` markers as paragraphs of spans carrying citation numbers."""
        if not text:
            return ()
        out: list[Para] = []
        for para in paragraphs(text):
            spans = [Span(piece, self.numbers(case, ids)) for piece, ids in split_cited(para)]
            out.append(tuple(s for s in spans if s.text or s.cites))
        return tuple(out)

    def references_of(self, case: Case) -> tuple[Reference, ...]:
        """The case's whole list, numbered as cited."""
        return tuple(
            _reference(n, src, (f"{case.id}/{src.id}",)) for n, src in enumerate(case.sources, 1)
        )


class BriefingCiter(Citer):
    """Numbers in order of first citation across cases; the same work keeps one number."""

    def __init__(self) -> None:
        self._by_key: dict[str, int] = {}
        self._refs: list[tuple[Source, list[str]]] = []

    def number(self, case: Case, source_id: str) -> int | None:
        """The number of this source, given on its first citation."""
        src = case.source(source_id)
        if src is None:
            return None
        key = source_key(src)
        if key not in self._by_key:
            self._refs.append((src, []))
            self._by_key[key] = len(self._refs)
        number = self._by_key[key]
        ids = self._refs[number - 1][1]
        if f"{case.id}/{source_id}" not in ids:
            ids.append(f"{case.id}/{source_id}")
        return number

    def references(self) -> tuple[Reference, ...]:
        """Only what was cited, in number order."""
        return tuple(_reference(n, src, tuple(ids)) for n, (src, ids) in enumerate(self._refs, 1))


def number_label(numbers: Iterable[int]) -> str:
    """``(1, 2, 3, 5)`` -> ``1-3, 5``: runs of consecutive numbers shortened."""
    runs: list[list[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}\u2013{b}" for a, b in runs)
