"""The Whoosh schema: one document per case and one per lesson, challenge and recommendation."""

from __future__ import annotations

import hashlib
from functools import cache

from whoosh import columns, fields

from search_index.analysis import name_analyzer, text_analyzer

SCHEMA_VERSION = 9
"""Bump whenever fields, analyzers or document contents change: the index is then rebuilt."""

FACET_FIELDS = (
    "kind",
    "track",
    "theme",
    "region",
    "country",
    "decade",
    "tag",
    "stage",
    "agtype",
    "process",
    "provision",
)
"""Fields counted for every search; the last four are filled only by PA-X agreements."""
SEARCH_FIELDS: dict[str, float] = {"body": 1.0, "title": 1.5, "idwords": 0.3}
"""The fields a plain word is looked up in, with their weight. One field on purpose: Whoosh
scores a matching document in time proportional to the terms that match it, so a word looked
up in four fields cost four times as much; ``body`` holds the title three times and the
names twice instead (see documents.py), which weighs them the same way at a quarter of it.
``title`` is looked up as well: its postings are short (only the documents whose title has
the word), and without it a long case lost to its own short items for the words of its own
title ("oslo" listed four items before the Oslo case). ``idwords`` holds the words of an item's
id (``personal-capacity-convention``), which authors choose to name what the item is about but
which need not be in its text: found, at a low weight, never as text of the item."""
TITLE_REPEAT = 3
NAMES_REPEAT = 2
STEMMED_FIELDS = frozenset({"title", "body", "idwords"})
"""Fields whose terms are stemmed (the others are only folded)."""


@cache
def fingerprint() -> str:
    """A digest of the schema's fields and analyzers: an index built with another is rebuilt
    even if someone forgot to bump SCHEMA_VERSION."""
    schema = build_schema()
    parts = [f"{SCHEMA_VERSION}"]
    for name in schema.names():
        field = schema[name]
        analyzer = getattr(field, "analyzer", None)
        parts.append(f"{name}:{type(field).__name__}:{analyzer!r}:{field.stored}")
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


def build_schema() -> fields.Schema:
    """A fresh schema object (analyzers are plain classes, so the index pickles them)."""
    text = text_analyzer()
    names = name_analyzer()

    def keyword() -> fields.KEYWORD:
        return fields.KEYWORD(lowercase=False, commas=False, scorable=False)

    return fields.Schema(
        key=fields.ID(stored=True, unique=True),
        kind=fields.ID(stored=True),
        case_id=fields.ID(stored=True),
        # title and names are searched on their own only for title: and name:, type-ahead
        # and spelling; everything else searches body.
        title=fields.TEXT(analyzer=text, stored=True),
        names=fields.TEXT(analyzer=names),
        body=fields.TEXT(analyzer=text),
        idwords=fields.TEXT(analyzer=text),
        track=keyword(),
        theme=keyword(),
        region=keyword(),
        country=keyword(),
        decade=keyword(),
        tag=keyword(),
        stage=keyword(),
        agtype=keyword(),
        process=keyword(),
        provision=keyword(),
        pax=keyword(),
        # One term per year (no tiers): a year range covers at most a few hundred terms,
        # and tiers would add 14 terms to every document.
        year_start=fields.NUMERIC(int, bits=32, signed=True, shift_step=0),
        year_end=fields.NUMERIC(int, bits=32, signed=True, shift_step=0),
        # Stored fields are unpickled whole, so the long text lives in a column of its own:
        # listing cases stays cheap, and snippets decompress only the hits they show.
        meta=fields.STORED(),
        text=fields.COLUMN(columns.CompressedBytesColumn()),
    )
