"""Snippets as spans: a window of a document's text around the words that matched.

The text is read with the same term functions as indexing, so a word is marked exactly when
it matched in the index (``negotiations`` for ``negotiate``, ``Rød`` for ``rod``). Words that
were asked for only inside a phrase (``"channel open"``, or the characters of a Chinese word)
are marked only where the whole phrase stands. Reading stops soon after the first match, so
a long case costs little.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from search_index.analysis import fold, terms
from search_index.model import Span

WIDTH = 220
"""Characters of text in a snippet, about two lines."""
LEAD = 60
"""Characters shown before the first matched word."""
MAX_MATCHES = 40


@dataclass(frozen=True)
class Marks:
    """What to mark: single terms (stemmed and folded forms) and phrases of terms."""

    stemmed: frozenset[str] = frozenset()
    folded: frozenset[str] = frozenset()
    phrases: tuple[tuple[bool, tuple[str, ...]], ...] = field(default=())
    """(stemmed?, terms) of each phrase asked for."""

    def __bool__(self) -> bool:
        return bool(self.stemmed or self.folded or self.phrases)


def _matches(text: str, marks: Marks, width: int) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of each marked word, from the start of ``text``."""
    words: list[tuple[str, str, int, int]] = []  # (stem, fold, start, end)
    found: list[tuple[int, int, str]] = []
    longest = max((len(p) for _, p in marks.phrases), default=1)
    for stemmed, start, end in terms(text):
        if found and start > found[0][0] + width * 2:
            break
        word = text[start:end]
        folded = fold(word)
        words.append((stemmed, folded, start, end))
        if stemmed in marks.stemmed or folded in marks.folded:
            found.append((start, end, folded))
        for is_stemmed, phrase in marks.phrases:
            n = len(phrase)
            if len(words) < n:
                continue
            tail = words[-n:]
            if all((w[0] if is_stemmed else w[1]) == p for w, p in zip(tail, phrase, strict=True)):
                found += [(s, e, f) for _, f, s, e in tail]
        if len(found) >= MAX_MATCHES:
            break
        if len(words) > longest * 4:
            del words[: len(words) - longest]
    return sorted(set(found))


def make_snippet(text: str, marks: Marks, width: int = WIDTH) -> list[Span]:
    """Spans of ``text`` around its best run of marked words (its start when none match)."""
    text = " ".join(text.split())
    if not text:
        return []
    matches = _matches(text, marks, width) if marks else []
    if not matches:
        return _spans(text, 0, _word_end(text, min(len(text), width)), [])
    # The window with the most distinct marked words, tried from each match in turn.
    best_start, best_score = matches[0][0], -1
    for i, (start, _, _) in enumerate(matches):
        inside = {w for s, _, w in matches[i:] if s < start + width - LEAD}
        if len(inside) > best_score:
            best_start, best_score = start, len(inside)
    begin = _word_start(text, max(0, best_start - LEAD))
    end = _word_end(text, min(len(text), begin + width))
    return _spans(text, begin, end, [(s, e) for s, e, _ in matches if begin <= s and e <= end])


def _word_start(text: str, at: int) -> int:
    """Move ``at`` forward to the start of a word (or back to a sentence start close by)."""
    if at == 0:
        return 0
    sentence = text.rfind(". ", max(0, at - 40), at)
    if sentence >= 0:
        return sentence + 2
    space = text.find(" ", at)
    return space + 1 if 0 <= space < at + 20 else at


def _word_end(text: str, at: int) -> int:
    if at >= len(text):
        return len(text)
    space = text.rfind(" ", at - 20, at)
    return space if space > 0 else at


def _spans(text: str, begin: int, end: int, marks: list[tuple[int, int]]) -> list[Span]:
    out: list[Span] = []
    if begin > 0:
        out.append(Span("… "))
    pos = begin
    for s, e in marks:
        if s < pos:
            continue
        if s > pos:
            out.append(Span(text[pos:s]))
        out.append(Span(text[s:e], True))
        pos = e
    if pos < end:
        out.append(Span(text[pos:end]))
    if end < len(text):
        out.append(Span(" …"))
    return _merge(out)


def _merge(spans: list[Span]) -> list[Span]:
    """Join neighbouring spans of the same kind."""
    out: list[Span] = []
    for span in spans:
        if out and out[-1].match == span.match:
            out[-1] = Span(out[-1].text + span.text, span.match)
        else:
            out.append(span)
    return out
