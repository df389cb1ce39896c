"""How text becomes index terms: one pass, cached, shared by indexing, queries and snippets.

English words are lowercased, accent-folded (``Rød`` -> ``rod``) and stemmed with Porter2
("walruses" meets "walrus", "news" stays apart from "new"); names are folded but not
stemmed; each Chinese, Japanese or Korean character is a term of its own, so a run of them
is found as a phrase. Whoosh's chain of generator filters costs about a third of
the build time here, so the whole chain is one function with a word cache instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, cast

from whoosh.analysis import Token, Tokenizer
from whoosh.analysis.analyzers import CompositeAnalyzer
from whoosh.lang.porter2 import stem as porter_stem
from whoosh.support.charset import accent_map

# Letters, digits and underscores, with inner dots kept (3.5, u.s.) as whoosh does.
_WORD = re.compile(r"\w+(?:\.\w+)*")
# Han (with extensions and compatibility forms), kana, Hangul syllables and jamo.
_CJK_CLASS = (
    "\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f"
)
_HAS_CJK = re.compile(f"[{_CJK_CLASS}]")
_CJK_PIECES = re.compile(f"[{_CJK_CLASS}]|[^{_CJK_CLASS}]+")

# Whoosh's English stop list, less "us" (as in US-China) and "may", "can", "will" (modal
# verbs are rare but "the May talks" and "good will" are not noise here).
_STOP_TEXT = """a an and are as at be by for from has have if in is it of on or that the this to
    was we were with when which who yet you your not but its into than then there these
    they their our his her he she them been being do does did so such also about"""
STOP_WORDS = frozenset(_STOP_TEXT.split())

_ACCENTS = cast(Any, accent_map)  # typed as str keys; really code points
_CACHE_MAX = 200_000
_stemmed: dict[str, str] = {}
_folded: dict[str, str] = {}


def fold(word: str) -> str:
    """Lowercase and strip accents: ``Jørgen`` -> ``jorgen``."""
    out = _folded.get(word)
    if out is None:
        out = word.lower().translate(_ACCENTS)
        if len(_folded) > _CACHE_MAX:
            _folded.clear()
        _folded[word] = out
    return out


def stem(word: str) -> str:
    """The folded, stemmed form of one word ("" for a stop word)."""
    out = _stemmed.get(word)
    if out is None:
        folded = fold(word)
        if folded in STOP_WORDS:
            out = ""
        elif folded.isascii() and folded.isalpha():
            out = porter_stem(folded)
        else:
            out = folded
        if len(_stemmed) > _CACHE_MAX:
            _stemmed.clear()
        _stemmed[word] = out
    return out


def words(text: str) -> Iterator[tuple[str, int, int]]:
    """Every word of ``text`` as (word, start, end), a CJK run split into characters."""
    for m in _WORD.finditer(text):
        word = m.group()
        if _HAS_CJK.search(word) is None:
            yield word, m.start(), m.end()
            continue
        base = m.start()
        for piece in _CJK_PIECES.finditer(word):
            yield piece.group(), base + piece.start(), base + piece.end()


def is_cjk(word: str) -> bool:
    """True when ``word`` holds a Chinese, Japanese or Korean character."""
    return _HAS_CJK.search(word) is not None


def terms(text: str, stemming: bool = True) -> Iterator[tuple[str, int, int]]:
    """The index terms of ``text`` as (term, start, end); stop words and 1-letter words dropped."""
    for word, start, end in words(text):
        if len(word) < 2 and not (_HAS_CJK.match(word) or word.isdigit()):
            continue
        term = stem(word) if stemming else fold(word)
        if term and term not in STOP_WORDS:
            yield term, start, end


_BREAK = re.compile(r"[.,;:!?()\[\]{}\n]")
"""Punctuation (or a line end: fields and paragraphs) that ends a phrase."""
BREAK_GAP = 16
"""Positions a break adds: more than any run of stop words, so no phrase spans a break."""
_JOINER = frozenset("-\u2010\u2011")


def positioned(
    text: str, stemming: bool = True, joins: bool = False
) -> Iterator[tuple[str, int, int, int]]:
    """The terms of ``text`` as (term, position, start, end), for indexing and phrases.

    Every word takes a position, stop words and one-letter words included, and a break in
    the sentence (``.``, ``,``, ``;``, a line end...) many more: so "back channel" is not
    found in "back of the channel" or in "back. Channel", nor across two fields. With
    ``joins`` (indexing), two words joined by a hyphen also give their joined form at the
    first word's position: "ping-pong" is found by "pingpong".
    """
    pos = -1
    prev: tuple[str, int, int] | None = None
    prev_end = 0
    for word, start, end in words(text):
        between = text[prev_end:start]
        pos += BREAK_GAP if pos >= 0 and _BREAK.search(between) else 1
        if joins and prev is not None and len(between) == 1 and between in _JOINER:
            joined = prev[0] + word
            if joined.isalpha():
                term = stem(joined) if stemming else fold(joined)
                if term:
                    yield term, prev[1], prev[2], end
        prev, prev_end = (word, pos, start), end
        if len(word) < 2 and not (_HAS_CJK.match(word) or word.isdigit()):
            continue
        term = stem(word) if stemming else fold(word)
        if term and term not in STOP_WORDS:
            yield term, pos, start, end


class TermTokenizer(Tokenizer):
    """A whoosh tokenizer that runs :func:`terms`; a complete analyzer on its own."""

    def __init__(self, stemming: bool = True) -> None:
        self.stemming = stemming

    def __eq__(self, other: object) -> bool:
        return other.__class__ is self.__class__ and other.__dict__ == self.__dict__

    def __hash__(self) -> int:
        return hash((self.__class__.__name__, self.stemming))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        """Yield one reused Token per term, as whoosh expects of a tokenizer."""
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.text = value
            token.original = value  # type: ignore[attr-defined]
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        for term, n, start, end in positioned(value, self.stemming, joins=mode == "index"):
            token.text = term
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[start:end]  # type: ignore[attr-defined]
            if positions:
                token.pos = start_pos + n
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token


def text_analyzer() -> CompositeAnalyzer:
    """Stemmed, folded, CJK-aware: titles and body text."""
    return CompositeAnalyzer(TermTokenizer(stemming=True))


def name_analyzer() -> CompositeAnalyzer:
    """Folded but not stemmed: names of people and organisations, completion and spelling."""
    return CompositeAnalyzer(TermTokenizer(stemming=False))
