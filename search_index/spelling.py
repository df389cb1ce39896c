"""Close words from the index's own vocabulary: fuzzy queries and "did you mean".

Whoosh's edit distance counts a swap of two neighbouring letters as two edits, so ``olso``
is two edits from ``oslo``; people mostly mistype by swapping, so swaps are tried here
explicitly and count as one edit.

Corrections come from the whole vocabulary: names as written, and the stems of titles and
text. A stem is not a word ("negoti"), so a corrected stem is shown as a word of a document
that holds it (``Surface``): an unstemmed copy of the text in the index would cost a fifth
more build time for a feature used only after a typo.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from search_index.analysis import fold, stem, words
from search_index.query import ParsedQuery

SPELL_FIELDS = {"names": False, "body": True}
"""Field -> stemmed? A word found in any of them is spelled right; corrections come from them."""
Surface = Callable[[str, str, str], str | None]
"""(field, term, the word as typed) -> the indexed word with that term closest to it."""
"""(field, stem) -> a word of the index with that stem, as it is written in a document."""
KEEP = 32


def swaps(word: str) -> list[str]:
    """``word`` with each pair of neighbouring letters swapped."""
    return [
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(len(word) - 1)
        if word[i] != word[i + 1]
    ]


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insert, delete, substitute, swap neighbours."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def _doc_frequency(reader: Any, field: str, word: str) -> int:
    try:
        return int(reader.doc_frequency(field, word))
    except (KeyError, ValueError):
        return 0


def close_terms(reader: Any, field: str, word: str, distance: int) -> list[str]:
    """Words of ``field`` within ``distance`` edits of ``word`` (itself too), most used first."""
    found: set[str] = set(reader.terms_within(field, word, distance, prefix=1))
    found.update(w for w in swaps(word) if _doc_frequency(reader, field, w))
    if _doc_frequency(reader, field, word):
        found.add(word)
    ranked = sorted(found, key=lambda w: -_doc_frequency(reader, field, w))
    return ranked[:KEEP]


def is_known(reader: Any, word: str) -> bool:
    """True when the index holds ``word`` (as a stem or as an exact word) anywhere."""
    for field, stemmed in SPELL_FIELDS.items():
        term = stem(word) if stemmed else fold(word)
        if term and _doc_frequency(reader, field, term):
            return True
    return False


def correct(reader: Any, word: str, surface: Surface) -> str | None:
    """The most likely intended word for an unknown ``word``, or None."""
    folded = fold(word)
    if len(folded) < 3 or not folded.isalpha():
        return None
    limit = 1 if len(folded) <= 4 else 2
    best: tuple[int, int, str, str] | None = None
    for field, stemmed in SPELL_FIELDS.items():
        asked = stem(folded) if stemmed else folded
        if not asked:
            continue
        candidates = set(reader.terms_within(field, asked, limit, prefix=1))
        candidates.update(swaps(asked))
        for cand in candidates:
            if cand == asked:
                continue
            freq = _doc_frequency(reader, field, cand)
            if not freq:
                continue
            dist = edit_distance(asked, cand)
            if dist > limit:
                continue
            key = (dist, -freq, cand, field)
            if best is None or key < best:
                best = key
    if best is None:
        return None
    cand, field = best[2], best[3]
    found = cand if not SPELL_FIELDS[field] else surface(field, cand, folded)
    return same_case(word, found) if found else None


def same_case(typed: str, word: str) -> str:
    """``word`` written with the capitals of ``typed``: Olso -> Oslo, OLSO -> OSLO."""
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def suggest(
    reader: Any, parsed: ParsedQuery, surface: Surface, typeahead: bool = False
) -> str | None:
    """The query with unknown words replaced by their likeliest spelling, or None.

    With ``typeahead`` the last word is still being typed: it is not corrected ("minda" is
    the start of "mindanao", not a misspelling of "minded")."""
    text = parsed.text
    edits: list[tuple[int, int, str]] = []
    last = parsed.clauses[-1] if parsed.clauses else None
    for clause in parsed.clauses:
        if clause.negate or clause.kind == "prefix":
            continue
        if typeahead and parsed.ends_in_word and clause is last:
            continue
        base = text.find(clause.text, clause.start, clause.end)
        if base < 0:
            continue
        for word, start, end in words(clause.text):
            if len(word) < 3 or not stem(word) or is_known(reader, word):
                continue
            fixed = correct(reader, word, surface)
            if fixed:
                edits.append((base + start, base + end, fixed))
    if not edits:
        return None
    for start, end, fixed in reversed(edits):
        text = text[:start] + fixed + text[end:]
    return text.strip() if text != parsed.text else None
