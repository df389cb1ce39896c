"""Peace agreements from PA-X, the Peace Agreements Database (University of Edinburgh).

PA-X's licence does not let us ship its data, so the user downloads the CSV from the PA-X site
and imports it (:mod:`cases.pax_import`); the agreements are then kept in the user data folder
as one JSON file that loads in a few milliseconds. This module holds the agreement record,
the codebook that names PA-X's codes (``pax_codebook.yaml``, data with its source), and the
store: reading it, and replacing it atomically.

Plain dataclasses on purpose: search and listing read agreements without pydantic.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from cases.paths import user_data_dir

STORE_FORMAT = 1
"""Bump when the stored JSON changes shape: an older store then asks for a new import."""

CITATION = (
    'Bell, Christine, and Sanja Badanjak. 2019. "Introducing PA-X: A new peace agreement '
    'database and dataset." Journal of Peace Research 56(3): 452-466.'
)
"""How PA-X asks to be cited; every screen and export that shows its data says this."""
CREDIT = (
    "Agreement data: PA-X Peace Agreements Database (PeaceRep, University of Edinburgh). "
    + CITATION
)
IMPORT_HINT = (
    "No PA-X agreements imported. Download the CSV from https://www.peaceagreements.org/ "
    "and run: track2 agreements import FILE.csv"
)
SITE = "https://www.peaceagreements.org/agreements/{id}/"

PAX_REGIONS = {
    "africa (excl mena)": ["sub-saharan-africa"],
    "americas": ["americas"],
    "asia and pacific": ["asia", "oceania"],
    "europe and eurasia": ["europe", "russia-and-eurasia"],
    "middle east and north africa": ["middle-east", "north-africa"],
    "cross-regional": ["global"],
}
"""PA-X's regions (column ``Reg``) as the region ids cases use, so one facet serves both."""


def store_path() -> Path:
    """The imported agreements: ``<data>/agreements/pax.json`` (may not exist)."""
    return user_data_dir() / "agreements" / "pax.json"


# The codebook ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Codebook:
    """PA-X's codes and their labels, as its codebook gives them."""

    source: dict[str, Any]
    stages: dict[str, str]
    substages: dict[str, str]
    agreement_types: dict[str, str]
    levels: dict[int, str]
    categories: dict[str, tuple[str, tuple[str, ...]]]
    """Category id -> (label, the provision columns it groups)."""
    provisions: dict[str, str]
    """Provision column -> label."""
    category_of: dict[str, str] = field(default_factory=dict)
    """Provision column -> category id."""

    def stage(self, code: str) -> str:
        """The label of a ``Stage`` code (the code itself when unknown)."""
        return self.stages.get(code, code)

    def agreement_type(self, code: str) -> str:
        """The label of an ``Agtp`` code (the code itself when unknown)."""
        return self.agreement_types.get(code, code)

    def provision(self, code: str) -> str:
        """The label of a provision column (the code itself when unknown)."""
        return self.provisions.get(code, code)

    def category_label(self, cat: str) -> str:
        """The label of a provision category id (the id itself when unknown)."""
        found = self.categories.get(cat)
        return found[0] if found else cat


@cache
def codebook() -> Codebook:
    """The codebook shipped with the package (read once)."""
    import yaml  # here, not at the top: opening the index only needs store_path()

    from cases.yamlsafe import SafeLoader

    text = resources.files("cases").joinpath("pax_codebook.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=SafeLoader)  # noqa: S506 - SafeLoader is the C safe loader

    def table(name: str) -> dict[str, str]:
        return {str(k): str(v) for k, v in (data.get(name) or {}).items()}

    categories: dict[str, tuple[str, tuple[str, ...]]] = {}
    category_of: dict[str, str] = {}
    for cat, body in (data.get("categories") or {}).items():
        codes = tuple(str(c) for c in body.get("codes") or [])
        categories[str(cat)] = (str(body.get("label", cat)), codes)
        for code in codes:
            category_of.setdefault(code, str(cat))
    return Codebook(
        source=dict(data.get("source") or {}),
        stages=table("stages"),
        substages=table("substages"),
        agreement_types=table("agreement_types"),
        levels={int(k): str(v) for k, v in (data.get("levels") or {}).items()},
        categories=categories,
        provisions=table("provisions"),
        category_of=category_of,
    )


_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


def same_name(a: str, b: str) -> bool:
    """True when two agreement names differ only in case, spacing, quote marks or dashes."""

    def norm(text: str) -> str:
        return " ".join(text.translate(_QUOTES).casefold().split())

    return norm(a) == norm(b)


# The record -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Agreement:
    """One agreement as PA-X records it (text fields exactly as in the CSV)."""

    id: int
    name: str
    date: str
    """ISO ``YYYY-MM-DD`` (the summary export's dd/mm/yyyy is converted on import)."""
    process_id: str = ""
    process: str = ""
    conflict: str = ""
    conflict_type: str = ""
    region_label: str = ""
    regions: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    """ISO 3166-1 alpha-2 codes, as the country vocabulary uses."""
    version: str = ""
    status: str = ""
    pages: int | None = None
    characters: int | None = None
    agreement_type: str = ""
    stage: str = ""
    substage: str = ""
    parties: str = ""
    third_parties: str = ""
    other_agreements: str = ""
    interim: str = ""
    description: str = ""
    url: str = ""
    provisions: dict[str, int] = field(default_factory=dict)
    """Provision column -> its coded value (only the non-zero ones are kept)."""

    @property
    def link(self) -> str:
        """The agreement's page on the PA-X site."""
        return self.url or SITE.format(id=self.id)

    @property
    def year(self) -> int:
        """The year it was signed."""
        return int(self.date[:4])

    def categories(self) -> list[tuple[str, str, int, list[str]]]:
        """The provision categories present: (id, label, highest level, codes), in codebook order.

        Codes the codebook does not know form a category of their own, named by the code.
        """
        book = codebook()
        present: dict[str, list[str]] = {}
        for code in self.provisions:
            present.setdefault(book.category_of.get(code, code), []).append(code)
        order = {cat: n for n, cat in enumerate(book.categories)}
        out = []
        for cat in sorted(present, key=lambda c: (order.get(c, len(order)), c)):
            codes = present[cat]
            level = max(self.provisions[c] for c in codes)
            out.append((cat, book.category_label(cat), level, codes))
        return out

    def to_json(self) -> dict[str, Any]:
        """The stored form (empty fields left out)."""
        return {k: v for k, v in asdict(self).items() if v not in ("", None, [], {})}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Agreement:
        """Read the stored form; raises TypeError or KeyError when it is not one."""
        return cls(**data)


# The store -------------------------------------------------------------------------------


class StoreError(Exception):
    """The agreements file exists but cannot be used; the message says what to do."""


@dataclass(frozen=True)
class AgreementSet:
    """The imported agreements, by id, with what the import recorded about its file."""

    agreements: dict[int, Agreement]
    imported: str
    source: dict[str, Any]
    path: Path | None = None

    def __len__(self) -> int:
        return len(self.agreements)

    def get(self, agreement_id: int) -> Agreement | None:
        """The agreement with this PA-X id, or None."""
        return self.agreements.get(agreement_id)

    def processes(self) -> dict[str, str]:
        """Peace process id -> name, in name order."""
        seen = {a.process_id: a.process for a in self.agreements.values() if a.process_id}
        return dict(sorted(seen.items(), key=lambda kv: kv[1].lower()))


def write_store(
    agreements: list[Agreement], source: dict[str, Any], path: Path | None = None
) -> Path:
    """Replace the store with these agreements: written beside it, fsynced, then renamed.

    A crash or a full disk at any moment leaves the previous import whole.
    """
    import datetime as dt

    target = path or store_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    body = {
        "format": STORE_FORMAT,
        "imported": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "source": source,
        "agreements": [a.to_json() for a in agreements],
    }
    fd, tmp = tempfile.mkstemp(prefix=".pax-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(body, out, ensure_ascii=False, separators=(",", ":"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _load.cache_clear()
    return target


def load_store(path: Path | None = None) -> AgreementSet | None:
    """The imported agreements, or None when nothing was imported; raises StoreError."""
    target = path or store_path()
    try:
        st = target.stat()
    except OSError:
        return None
    return _load(str(target), st.st_size, st.st_mtime_ns)


@cache
def _load(path: str, size: int, mtime_ns: int) -> AgreementSet:
    """Read one version of the store (cached by size and mtime)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise StoreError(
            f"{path}: the imported agreements cannot be read ({exc}); import the CSV again"
        ) from None
    if not isinstance(data, dict) or data.get("format") != STORE_FORMAT:
        raise StoreError(f"{path}: written by another version of track2; import the CSV again")
    try:
        found = [Agreement.from_json(row) for row in data["agreements"]]
    except (KeyError, TypeError) as exc:
        raise StoreError(f"{path}: damaged ({exc}); import the CSV again") from None
    return AgreementSet(
        agreements={a.id: a for a in found},
        imported=str(data.get("imported", "")),
        source=dict(data.get("source") or {}),
        path=Path(path),
    )


def try_load_store(path: Path | None = None) -> tuple[AgreementSet | None, str | None]:
    """The imported agreements and None, or None and why they cannot be read."""
    try:
        return load_store(path), None
    except StoreError as exc:
        return None, str(exc)
