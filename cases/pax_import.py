"""Read a PA-X CSV export into agreements, checking every row; nothing is stored here.

Two shapes are read: the full export (one row per agreement, ISO dates, ~250 provision
columns after ``ImSrc``) and the smaller summary export (a byte-order mark, ``dd/mm/yyyy``
dates, extra columns such as ``description`` and ``PAX_Hyperlink``, no provision columns).
Every problem names the line and the column; a file with any problem imports nothing, so the
previous import stays as it was.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cases.pax import PAX_REGIONS, Agreement
from cases.problems import Problem

REQUIRED = ("AgtId", "Agt", "Dat")
METADATA = [
    "Con",
    "Contp",
    "PP",
    "PPName",
    "Reg",
    "AgtId",
    "Ver",
    "Agt",
    "Dat",
    "Status",
    "Lgt",
    "N_characters",
    "Agtp",
    "Stage",
    "StageSub",
    "Part",
    "ThrdPart",
    "OthAgr",
    "Loc1ISO",
    "Loc2ISO",
    "Loc1GWNO",
    "Loc2GWNO",
    "UcdpCon",
    "UcdpAgr",
    "PamAgr",
    "CowWar",
    "Interim",
    "ImSrc",
]
"""The full export's leading columns: facts about the agreement, not provisions."""
SUMMARY_EXTRAS = (
    "description",
    "stage_label",
    "stage - sort",
    "stage_short",
    "agt_type",
    "agt_dat",
    "year",
    "PAX_Hyperlink",
    "PDF_Hyperlink",
    "stage_display",
    "substage_label",
)
"""Columns of the summary export that are not provisions either."""
NOT_PROVISIONS = frozenset(METADATA) | frozenset(SUMMARY_EXTRAS)
_PROVISION_CODE = re.compile(r"^[A-Z][A-Za-z0-9:]*$")
MAX_PROBLEMS = 50
"""A file with more problems than this reports the first ones and a count of the rest."""

Progress = Callable[[int, int], None]


@dataclass
class ImportResult:
    """What reading a file gave: agreements (empty when any problem is an error), problems."""

    agreements: list[Agreement] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    shape: str = ""
    """"full" (provisions coded) or "summary" (no provision columns)."""
    rows: int = 0
    sha256: str = ""
    more_problems: int = 0
    """Problems found beyond :data:`MAX_PROBLEMS` (not listed)."""

    @property
    def ok(self) -> bool:
        """True when the file can be stored."""
        return not any(p.is_error for p in self.problems)

    def source(self, path: Path) -> dict[str, object]:
        """What the store records about the imported file."""
        return {
            "file": path.name,
            "sha256": self.sha256,
            "rows": self.rows,
            "shape": self.shape,
        }


class _Problems:
    def __init__(self, path: str, result: ImportResult) -> None:
        self.path = path
        self.result = result

    def add(self, line: int, column: str, message: str, col_no: int = 0) -> None:
        if len(self.result.problems) >= MAX_PROBLEMS:
            self.result.more_problems += 1
            return
        self.result.problems.append(Problem(self.path, line, col_no, column, message))


def _decode(raw: bytes, problems: _Problems) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add(1, "", "the file is UTF-16 text; export or save it as UTF-8 CSV")
        return None
    if b"\x00" in raw[:4096]:
        problems.add(1, "", "this is not a CSV file (it holds binary data)")
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start]
        problems.add(
            line,
            "",
            f"byte 0x{byte:02x} is not UTF-8 text; save the CSV as UTF-8 (PA-X's own "
            "downloads are UTF-8)",
            column,
        )
        return None


def _date(value: str) -> str:
    """``1993-09-13`` or ``13/09/1993`` as ISO; raises ValueError."""
    text = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
        if not m:
            raise ValueError(f"'{value}' is not a date like 1993-09-13 or 13/09/1993")
        d, mo, y = (int(g) for g in m.groups())
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        raise ValueError(f"'{value}' is not a real day") from None


def _count(value: str) -> int | None:
    text = value.strip().replace(",", "")
    if not text:
        return None
    if not text.isdigit():
        raise ValueError(f"'{value}' is not a whole number")
    return int(text)


def _countries(row: dict[str, str]) -> list[str]:
    import pycountry

    out: list[str] = []
    for column in ("Loc1ISO", "Loc2ISO"):
        code = (row.get(column) or "").strip().upper()
        if not code:
            continue
        country = pycountry.countries.get(alpha_3=code) or pycountry.countries.get(alpha_2=code)
        alpha2 = country.alpha_2 if country is not None else None
        if alpha2 and alpha2 not in out:
            out.append(alpha2)
    return out


def read_csv(path: Path, progress: Progress | None = None) -> ImportResult:
    """Read and check a PA-X CSV (either shape); see :class:`ImportResult`."""
    result = ImportResult()
    problems = _Problems(str(path), result)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.add(0, "", f"cannot read: {exc.strerror or exc}")
        return result
    result.sha256 = hashlib.sha256(raw).hexdigest()
    text = _decode(raw, problems)
    if text is None:
        return result
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        problems.add(0, "", "the file is empty")
        return result
    except csv.Error as exc:
        problems.add(1, "", f"this is not a CSV file: {exc}")
        return result
    header = [h.strip() for h in header]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        what = "is not a PA-X export" if len(header) < 3 else "lacks PA-X columns"
        problems.add(
            1,
            ", ".join(missing),
            f"this file {what}: no column {', '.join(missing)} (the header has "
            f"{len(header)} column(s)); download the CSV from https://www.peaceagreements.org/",
        )
        return result
    position = {name: n for n, name in enumerate(header)}
    provisions = [
        (n, name)
        for n, name in enumerate(header)
        if name not in NOT_PROVISIONS and _PROVISION_CODE.match(name)
    ]
    result.shape = "full" if provisions else "summary"
    rows: list[tuple[int, list[str]]] = []
    start = 2
    try:
        for values in reader:
            rows.append((start, values))
            start = reader.line_num + 1
    except csv.Error as exc:
        problems.add(reader.line_num, "", f"the CSV is broken here: {exc}")
        return result
    total = len(rows)
    seen: dict[int, int] = {}
    found: list[Agreement] = []
    for done, (line, values) in enumerate(rows, 1):
        if progress and (done % 100 == 0 or done == total):
            progress(done, total)
        if not any(v.strip() for v in values):
            continue  # a blank line
        result.rows += 1
        if len(values) != len(header):
            problems.add(
                line, "", f"{len(values)} field(s) where the header has {len(header)} columns"
            )
            continue
        agreement = _row(values, position, provisions, line, problems)
        if agreement is None:
            continue
        if agreement.id in seen:
            problems.add(
                line,
                "AgtId",
                f"agreement {agreement.id} appears already on line {seen[agreement.id]}",
                position["AgtId"] + 1,
            )
            continue
        seen[agreement.id] = line
        found.append(agreement)
    if result.rows == 0:
        problems.add(0, "", "the file has a header but no agreements")
    if result.ok:
        result.agreements = sorted(found, key=lambda a: a.id)
    return result


def _row(
    values: list[str],
    position: dict[str, int],
    provisions: list[tuple[int, str]],
    line: int,
    problems: _Problems,
) -> Agreement | None:
    def get(name: str) -> str:
        n = position.get(name)
        return values[n].strip() if n is not None else ""

    bad = False

    def fail(column: str, message: str) -> None:
        nonlocal bad
        bad = True
        problems.add(line, column, message, position.get(column, -1) + 1)

    raw_id = get("AgtId")
    agreement_id = 0
    if not raw_id.isdigit() or int(raw_id) < 1:
        fail("AgtId", f"'{raw_id}' is not an agreement id (a whole number)" if raw_id else "empty")
    else:
        agreement_id = int(raw_id)
    name = get("Agt")
    if not name:
        fail("Agt", "the agreement has no name")
    date = ""
    try:
        date = _date(get("Dat"))
    except ValueError as exc:
        fail("Dat", str(exc) if get("Dat") else "the agreement has no date")
    counts: dict[str, int | None] = {}
    for column in ("Lgt", "N_characters"):
        try:
            counts[column] = _count(get(column))
        except ValueError as exc:
            fail(column, str(exc))
    coded: dict[str, int] = {}
    for n, code in provisions:
        value = values[n].strip()
        if value in ("", "0"):
            continue
        if not value.isdigit():
            fail(code, f"'{value}' is not a provision level (0, 1, 2 or 3)")
            continue
        coded[code] = int(value)
    if bad:
        return None
    region = get("Reg")
    return Agreement(
        id=agreement_id,
        name=name,
        date=date,
        process_id=get("PP"),
        process=get("PPName"),
        conflict=get("Con"),
        conflict_type=get("Contp"),
        region_label=region,
        regions=list(PAX_REGIONS.get(region.lower(), [])),
        countries=_countries({k: get(k) for k in ("Loc1ISO", "Loc2ISO")}),
        version=get("Ver"),
        status=get("Status"),
        pages=counts.get("Lgt"),
        characters=counts.get("N_characters"),
        agreement_type=get("Agtp"),
        stage=get("Stage"),
        substage=get("StageSub"),
        parties=get("Part"),
        third_parties=get("ThrdPart"),
        other_agreements=get("OthAgr"),
        interim=get("Interim"),
        description=get("description"),
        url=get("PAX_Hyperlink"),
        provisions=coded,
    )
