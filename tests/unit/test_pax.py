"""PA-X import: both export shapes, every kind of broken file, the store and the codebook.

Runs on the synthetic fixtures in ``shared/fixtures`` (real column names, invented rows) and
on broken variants made from them here; no real PA-X row is ever committed.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cases.pax import (
    CITATION,
    Agreement,
    StoreError,
    codebook,
    load_store,
    same_name,
    store_path,
    write_store,
)
from cases.pax_import import METADATA, read_csv

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pax"
"""Copies of ``shared/fixtures``: real PA-X column names, invented rows."""
FULL = FIXTURES / "pax-synthetic.csv"
SUMMARY = FIXTURES / "pax-corpus-app-synthetic.csv"


def variant(tmp_path: Path, source: Path, edit, name: str = "broken.csv") -> Path:
    """A copy of ``source`` with ``edit(rows)`` applied to its parsed rows (header first)."""
    text = source.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    edit(rows)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def col(rows: list[list[str]], name: str) -> int:
    return rows[0].index(name)


# Both shapes ------------------------------------------------------------------------------


def test_full_export_imports_every_row_with_its_provisions() -> None:
    result = read_csv(FULL)
    assert result.ok, [str(p) for p in result.problems]
    assert result.shape == "full"
    assert [a.id for a in result.agreements] == [90001, 90002, 90003, 90004, 90005]
    first = result.agreements[0]
    assert first.date == "1993-09-13"
    assert first.process == "Freedonia-Sylvania: border process"
    assert first.countries == ["NO", "SE"]  # ISO alpha-3 -> the country vocabulary's alpha-2
    assert first.regions == ["europe", "russia-and-eurasia"]
    assert first.pages == 6 and first.characters == 14200
    assert first.provisions["Ce"] == 3 and "GeWom" not in first.provisions  # zeros dropped
    assert result.agreements[1].provisions["GeWom"] == 1


def test_summary_export_with_bom_and_day_first_dates_imports() -> None:
    result = read_csv(SUMMARY)
    assert result.ok, [str(p) for p in result.problems]
    assert result.shape == "summary"
    assert [a.date for a in result.agreements] == ["1993-09-13", "1992-10-04", "1992-08-07"]
    assert result.agreements[0].name.startswith("Synthetic Declaration")  # no BOM in a name
    assert result.agreements[0].url == "https://www.peaceagreements.org/agreements/90001/"
    assert result.agreements[0].description.startswith("A synthetic description")
    assert all(not a.provisions for a in result.agreements)


def test_accents_and_other_scripts_survive_the_import() -> None:
    names = [a.name for a in read_csv(FULL).agreements]
    assert any("Fédération, Ωmega" in n for n in names)


def test_progress_is_reported_to_the_end() -> None:
    seen: list[tuple[int, int]] = []
    read_csv(FULL, lambda done, total: seen.append((done, total)))
    assert seen[-1] == (5, 5)


# Broken files: each names the line and the column, and imports nothing ---------------------


def only_problem(path: Path) -> str:
    result = read_csv(path)
    assert not result.ok and result.agreements == []
    return str(result.problems[0])


def test_a_bad_date_names_line_and_column(tmp_path: Path) -> None:
    def edit(rows: list[list[str]]) -> None:
        rows[3][col(rows, "Dat")] = "1992-02-30"

    message = only_problem(variant(tmp_path, FULL, edit))
    assert ":4:" in message and "Dat" in message and "not a real day" in message


def test_an_unreadable_date_names_its_value(tmp_path: Path) -> None:
    def edit(rows: list[list[str]]) -> None:
        rows[1][col(rows, "Dat")] = "Sept 1993"

    message = only_problem(variant(tmp_path, SUMMARY, edit))
    assert ":2:" in message and "'Sept 1993' is not a date" in message


def test_a_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    def edit(rows: list[list[str]]) -> None:
        rows[4][col(rows, "AgtId")] = rows[2][col(rows, "AgtId")]

    message = only_problem(variant(tmp_path, FULL, edit))
    assert ":5:" in message and "AgtId" in message and "appears already on line 3" in message


@pytest.mark.parametrize("column", ["AgtId", "Agt", "Dat"])
def test_a_missing_required_column_is_named(tmp_path: Path, column: str) -> None:
    def edit(rows: list[list[str]]) -> None:
        n = col(rows, column)
        for row in rows:
            del row[n]

    message = only_problem(variant(tmp_path, FULL, edit))
    assert ":1:" in message and f"no column {column}" in message


def test_an_empty_name_and_a_bad_id_are_both_reported(tmp_path: Path) -> None:
    def edit(rows: list[list[str]]) -> None:
        rows[1][col(rows, "Agt")] = ""
        rows[2][col(rows, "AgtId")] = "12a"

    result = read_csv(variant(tmp_path, FULL, edit))
    messages = [str(p) for p in result.problems]
    assert any(":2:" in m and "Agt" in m and "no name" in m for m in messages)
    assert any(":3:" in m and "'12a' is not an agreement id" in m for m in messages)


def test_a_provision_that_is_not_a_level_is_named(tmp_path: Path) -> None:
    def edit(rows: list[list[str]]) -> None:
        rows[2][col(rows, "GeWom")] = "yes"

    message = only_problem(variant(tmp_path, FULL, edit))
    assert ":3:" in message and "GeWom" in message and "provision level" in message


def test_a_short_row_is_named(tmp_path: Path) -> None:
    def edit(rows: list[list[str]]) -> None:
        del rows[2][40:]

    message = only_problem(variant(tmp_path, FULL, edit))
    assert ":3:" in message and "40 field(s) where the header has 279" in message


def test_latin1_bytes_name_line_and_column(tmp_path: Path) -> None:
    raw = SUMMARY.read_bytes().decode("utf-8-sig").replace("Fédération", "F\x00")
    data = raw.encode("utf-8").replace(b"F\x00", "Fédé".encode("latin-1"))
    path = tmp_path / "latin1.csv"
    path.write_bytes(data)
    message = only_problem(path)
    assert ":4:" in message and "not UTF-8" in message


def test_utf16_gets_a_message_that_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "utf16.csv"
    path.write_bytes(FULL.read_text(encoding="utf-8").encode("utf-16"))
    assert "UTF-16" in only_problem(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "not a CSV file"),
        (b"", "empty"),
        (b"name,date\nOslo,1993\n", "is not a PA-X export"),
        (b'AgtId,Agt,Dat\n1,"an unclosed quote,1993-09-13\n', "broken"),
        (FULL.read_bytes().split(b"\n")[0] + b"\n", "no agreements"),
    ],
)
def test_files_that_are_not_pax_exports(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(content)
    assert expected in only_problem(path)


def test_many_problems_are_capped_and_counted(tmp_path: Path) -> None:
    header = "AgtId,Agt,Dat\n"
    path = tmp_path / "many.csv"
    path.write_text(header + "".join(f"{n},Name,not-a-date\n" for n in range(1, 80)))
    result = read_csv(path)
    assert len(result.problems) == 50 and result.more_problems == 29


# The store -----------------------------------------------------------------------------


def test_store_round_trip_and_replace(tmp_path: Path) -> None:
    full = read_csv(FULL)
    path = tmp_path / "pax.json"
    write_store(full.agreements, full.source(FULL), path)
    loaded = load_store(path)
    assert loaded is not None and len(loaded) == 5
    assert loaded.get(90002) == full.agreements[1]
    assert loaded.source["shape"] == "full" and loaded.source["rows"] == 5
    summary = read_csv(SUMMARY)
    write_store(summary.agreements, summary.source(SUMMARY), path)
    again = load_store(path)
    assert again is not None and len(again) == 3 and again.get(90005) is None
    assert [p.name for p in tmp_path.iterdir()] == ["pax.json"]  # no temporary file left


def test_store_lives_in_the_user_data_folder(isolated_user_folders: Path) -> None:
    assert store_path() == isolated_user_folders / "data" / "agreements" / "pax.json"
    assert load_store() is None


@pytest.mark.parametrize(
    "content",
    ["{not json", '{"format": 99, "agreements": []}', '{"format": 1, "agreements": [{"x": 1}]}'],
)
def test_a_damaged_store_says_to_import_again(tmp_path: Path, content: str) -> None:
    path = tmp_path / "pax.json"
    path.write_text(content)
    with pytest.raises(StoreError, match="import the CSV again"):
        load_store(path)


def test_stored_json_keeps_only_filled_fields(tmp_path: Path) -> None:
    path = write_store([Agreement(id=7, name="A", date="2000-01-02")], {}, tmp_path / "s.json")
    data = json.loads(path.read_text())
    assert data["agreements"] == [{"id": 7, "name": "A", "date": "2000-01-02"}]


# The codebook ----------------------------------------------------------------------------


def test_every_fixture_provision_column_has_one_category() -> None:
    header = FULL.read_text(encoding="utf-8").splitlines()[0].split(",")
    provisions = [c for c in header if c not in METADATA]
    book = codebook()
    assert len(provisions) == 251
    assert set(provisions) <= set(book.provisions)
    assert all(c in book.category_of for c in provisions)
    assert book.provision("GeWom") == "Women, girls and gender"
    assert book.provision("NoSuchCode") == "NoSuchCode"  # an unknown code shows as the code


def test_codebook_names_its_source_and_the_stages() -> None:
    book = codebook()
    assert book.source["url"].startswith("https://www.peaceagreements.org/")
    assert set(book.stages) == {"Pre", "SubPar", "SubComp", "Imp", "Cea", "Ren", "Oth"}
    assert book.stage("Cea") == "Ceasefire" and book.stage("Zzz") == "Zzz"
    assert "Bell" in CITATION and "Journal of Peace Research 56(3)" in CITATION


def test_categories_of_an_agreement_come_in_codebook_order_with_their_level() -> None:
    a = Agreement(id=1, name="A", date="2000-01-01", provisions={"Ce": 2, "GeWom": 1, "Zq": 1})
    cats = a.categories()
    labels = [label for _, label, _, _ in cats]
    assert labels.index("Gender") < labels.index("Ceasefire")
    assert ("ceasefire", "Ceasefire", 2, ["Ce"]) in cats
    assert cats[-1] == ("Zq", "Zq", 1, ["Zq"])  # unknown codes last, named by the code


def test_names_compare_without_case_quotes_or_spacing() -> None:
    assert same_name(
        "Basic Agreement ('Oslo Agreement')", "basic agreement (\u2018Oslo  Agreement\u2019)"
    )
    assert not same_name("Joint Communiqué", "Joint Declaration")


# The search index ------------------------------------------------------------------------


def test_an_import_updates_the_index_in_place_and_only_once(tmp_path: Path) -> None:
    from cases.dirs import LibraryDir
    from search_index import SearchIndex

    dirs = [LibraryDir(Path(__file__).resolve().parents[1] / "tui" / "library", "fixtures")]
    cache = tmp_path / "cache"
    with SearchIndex.open(dirs, cache_root=cache) as idx:
        assert idx.last_update.rebuilt and idx.search("kind:agreement").total == 0
    full = read_csv(FULL)
    write_store(full.agreements, full.source(FULL))
    with SearchIndex.open(dirs, cache_root=cache) as idx:
        assert not idx.last_update.rebuilt and idx.last_update.extras == ("agreement",)
        assert idx.search("kind:agreement").total == 5
    with SearchIndex.open(dirs, cache_root=cache) as idx:
        assert idx.last_update.touched == 0  # nothing changed: nothing re-indexed
    summary = read_csv(SUMMARY)
    write_store(summary.agreements, summary.source(SUMMARY))
    with SearchIndex.open(dirs, cache_root=cache) as idx:
        assert idx.search("kind:agreement").total == 3  # replaced, not added to
        assert idx.search("pax:90005").total == 0
    store_path().unlink()
    with SearchIndex.open(dirs, cache_root=cache) as idx:
        assert idx.search("kind:agreement").total == 0
