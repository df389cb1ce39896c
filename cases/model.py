"""The case model: pydantic v2, unknown fields forbidden, vocabularies enforced."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from cases.dates import PartialDate, is_before
from cases.tracks import TRACKS as TRACKS  # re-exported: callers know it from here
from cases.tracks import track_label as track_label
from cases.vocab import vocabulary

SCHEMA_VERSION = 2
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https?://[^\s<>\"'`{}|\\^]+$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]


def _vocab_type(kind: str, noun: str) -> Any:
    """A str type that must be an id of vocabulary ``kind``; its JSON Schema lists them."""
    allowed = getattr(vocabulary(), kind)

    def check(value: str) -> str:
        if value not in allowed:
            close = [a for a in allowed if a.startswith(value[:3])][:3] if value else []
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise ValueError(f"unknown {noun} '{value}'{hint}; see `track2 vocab {kind}`")
        return value

    return Annotated[str, AfterValidator(check), WithJsonSchema({"enum": list(allowed)})]


def _track(value: Any) -> Any:
    # YAML reads an unquoted 1.5 as a float.
    if isinstance(value, float) and value == 1.5:
        return "1.5"
    if isinstance(value, str) and value not in TRACKS:
        raise ValueError(f"unknown track '{value}'; use one of I, 1.5, II, III")
    return value


def _norway(value: Any) -> Any:
    # YAML 1.1 reads an unquoted NO (Norway) as false: `countries: [IL, NO]` must just work.
    return "NO" if value is False else value


if TYPE_CHECKING:
    Theme: TypeAlias = str
    Region: TypeAlias = str
    Country: TypeAlias = str
    ActorType: TypeAlias = str
    ActorRole: TypeAlias = str
    Tag: TypeAlias = str
    Audience: TypeAlias = str
    Relation: TypeAlias = str
    Track: TypeAlias = str
else:
    Theme = _vocab_type("themes", "theme")
    Region = _vocab_type("regions", "region")
    Country = Annotated[_vocab_type("countries", "country"), BeforeValidator(_norway)]
    ActorType = _vocab_type("actor_types", "actor type")
    ActorRole = _vocab_type("actor_roles", "actor role")
    Tag = _vocab_type("tags", "tag")
    Audience = _vocab_type("audiences", "audience")
    Relation = _vocab_type("relations", "relation")
    Track = Annotated[Literal["I", "1.5", "II", "III"], BeforeValidator(_track)]


class Strict(BaseModel):
    """Base of every file model: unknown fields are errors, strings are stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class FileBacked(Strict):
    """A model read from a file: it remembers where it came from (not part of the data)."""

    _origin: str = PrivateAttr(default="")
    _path: str = PrivateAttr(default="")

    @property
    def origin(self) -> str:
        """Where it was loaded from: "curated" for the shipped folder, else the user's folder."""
        return self._origin

    @property
    def path(self) -> str:
        """The file it was loaded from ("" when never on disk)."""
        return self._path


class Period(Strict):
    """When the episode ran; ``end`` is absent while it goes on."""

    start: PartialDate
    end: PartialDate | None = None

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Period:
        if self.end is not None and is_before(self.end, self.start):
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Actor(Strict):
    """A person or organisation that took part, and how."""

    name: Text
    type: ActorType
    affiliation: Text | None = None
    role: ActorRole
    side: Text | None = None


SourceIds = list[Slug]
"""The ids, in the case's ``sources``, of the works that support an event or an item."""


class TimelineEvent(Strict):
    """One dated event, with the sources that date it."""

    date: PartialDate
    event: Text
    sources: SourceIds = Field(default_factory=list)


class Item(Strict):
    """A lesson or a challenge: a stable id, a one-line title, text and tags."""

    id: Slug
    title: Text
    text: Text
    tags: list[Tag] = Field(min_length=1)
    sources: SourceIds = Field(default_factory=list)


class Recommendation(Item):
    """A recommendation also names who should act on it."""

    audience: list[Audience] = Field(min_length=1)


class Related(Strict):
    """A link to another case in the library."""

    case: Slug
    relation: Relation
    note: Text | None = None


class Source(Strict):
    """A work the case relies on. ``source_article`` marks the two articles track2 began from."""

    id: Slug
    title: Text
    author: Text | None = None
    publisher: Text | None = None
    year: int | None = Field(default=None, ge=1000, le=2100)
    url: Annotated[str, StringConstraints(pattern=URL_PATTERN)] | None = None
    source_article: bool = False
    seed: bool | None = Field(
        default=None,
        json_schema_extra={"deprecated": True, "description": "schema 1 name of source_article"},
    )

    @property
    def is_source_article(self) -> bool:
        """True for the source articles, whichever schema version named them."""
        return self.source_article or bool(self.seed)

    @model_validator(mode="after")
    def _findable(self) -> Source:
        if self.url is None and (self.publisher is None and self.author is None):
            raise ValueError("a source needs a url, or an author or publisher")
        return self


class Position(Strict):
    """What one source says about a disputed claim."""

    source: Slug
    says: Text


class Disputed(Strict):
    """A claim on which sources disagree, or where a source article is wrong."""

    claim: Text
    positions: list[Position] = Field(min_length=1)
    note: Text | None = None


class AgreementLink(Strict):
    """A signed agreement the case fed, by its id in the PA-X Peace Agreements Database."""

    pax: int = Field(ge=1, le=10_000_000)
    name: Text
    date: PartialDate
    relation: Literal["outcome", "precursor", "context"]
    note: Text | None = None

    @property
    def url(self) -> str:
        """The agreement's page on the PA-X site."""
        return f"https://www.peaceagreements.org/agreements/{self.pax}/"


class Case(FileBacked):
    """One Track II / Track 1.5 episode."""

    schema_version: Literal[1, 2]
    id: Slug
    title: Text
    summary: Text
    track: list[Track] = Field(min_length=1)
    period: Period
    regions: list[Region] = Field(min_length=1)
    countries: list[Country] = Field(default_factory=list)
    themes: list[Theme] = Field(min_length=1)
    actors: list[Actor] = Field(default_factory=list)
    background: Text
    timeline: list[TimelineEvent] = Field(default_factory=list)
    outcome: Text
    track_note: Text | None = None
    lessons: list[Item] = Field(default_factory=list)
    challenges: list[Item] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    discussion_questions: list[Text] = Field(default_factory=list)
    related: list[Related] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    disputed: list[Disputed] = Field(default_factory=list)
    agreements: list[AgreementLink] = Field(default_factory=list)
    last_reviewed: PartialDate

    def items(self) -> list[tuple[str, Item]]:
        """Every lesson, challenge and recommendation as (kind, item), in file order."""
        out: list[tuple[str, Item]] = [("lesson", i) for i in self.lessons]
        out += [("challenge", i) for i in self.challenges]
        out += [("recommendation", i) for i in self.recommendations]
        return out

    def item(self, item_id: str) -> tuple[str, Item] | None:
        """The (kind, item) with this id, or None."""
        return next(((k, i) for k, i in self.items() if i.id == item_id), None)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, or None."""
        return next((s for s in self.sources if s.id == source_id), None)

    @property
    def years(self) -> str:
        """The period as a short label such as ``1992-1993`` or ``2017-``."""
        start = self.period.start[:4]
        end = self.period.end[:4] if self.period.end else ""
        if end == start:
            return start
        return f"{start}-{end}" if end else f"{start}-"


Loc = tuple[str | int, ...]


def cross_checks(case: Case) -> list[tuple[Loc, str]]:
    """Rules that span fields, each with the location of the offending value.

    Kept out of pydantic validators so that each problem points at its own line.
    """
    problems: list[tuple[Loc, str]] = []
    seen: dict[str, str] = {}
    for kind in ("lessons", "challenges", "recommendations"):
        for n, item in enumerate(getattr(case, kind)):
            if item.id in seen:
                problems.append(
                    ((kind, n, "id"), f"duplicate item id '{item.id}' (also in {seen[item.id]})")
                )
            else:
                seen[item.id] = kind
    source_ids: set[str] = set()
    for n, src in enumerate(case.sources):
        if src.id in source_ids:
            problems.append((("sources", n, "id"), f"duplicate source id '{src.id}'"))
        source_ids.add(src.id)
    for n, d in enumerate(case.disputed):
        for m, pos in enumerate(d.positions):
            if pos.source not in source_ids:
                problems.append(
                    (("disputed", n, "positions", m, "source"), f"no source with id '{pos.source}'")
                )
    for n, rel in enumerate(case.related):
        if rel.case == case.id:
            problems.append((("related", n, "case"), "a case cannot be related to itself"))
    return problems


def format_loc(loc: Loc) -> str:
    """``('lessons', 2, 'title')`` -> ``lessons[2].title``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def is_slug(text: str) -> bool:
    """True when ``text`` is a valid case or item id."""
    return re.match(SLUG_PATTERN, text) is not None
