"""``track2 agreements`` and ``track2 agreement``: import, list, search, show, validate, brief.

Most tests call the command line in-process (``tui.cli.main``, output captured by pytest);
the import that must leave the previous one intact, and exit codes, are also checked in a
real subprocess.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import CURATED, run_cli, seed_curated_index
from tui.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pax"
FULL = FIXTURES / "pax-synthetic.csv"
SUMMARY = FIXTURES / "pax-corpus-app-synthetic.csv"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    seed_curated_index()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def imported(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "agreements", "import", str(FULL))
    assert code == 0, err


def with_ids(tmp_path: Path, mapping: dict[str, str]) -> Path:
    """The full fixture with some AgtIds changed (to match ids curated cases link to)."""
    rows = list(csv.reader(io.StringIO(FULL.read_text(encoding="utf-8"))))
    n = rows[0].index("AgtId")
    for row in rows[1:]:
        row[n] = mapping.get(row[n], row[n])
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path = tmp_path / "ids.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


# Without an import ------------------------------------------------------------------------


def test_without_an_import_a_line_says_how(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "agreements")
    assert code == 0 and "track2 agreements import FILE.csv" in out
    code, out, _ = cli(capsys, "agreements", "--json")
    assert json.loads(out)["imported"] is False


def test_an_agreement_a_case_links_to_shows_what_the_case_records(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = cli(capsys, "agreement", "34")
    assert code == 0
    assert "Israel/PLO Recognition - Exchange of Letters" in out
    assert "The Oslo back channel" in out  # the case that fed it
    assert "track2 agreements import" in out
    assert "Bell" in out and "Badanjak" in out  # the credit PA-X asks for


def test_an_unknown_or_malformed_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "agreement", "999999")
    assert code == 1 and "no case links to PA-X agreement 999999" in err
    code, _, err = cli(capsys, "agreement", "oslo")
    assert code == 2 and "not a PA-X agreement id" in err


# Importing --------------------------------------------------------------------------------


def test_import_summary_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "agreements", "import", str(FULL))
    assert code == 0
    assert "imported 5 agreements (full export, provisions coded)" in out
    assert "Journal of Peace Research" in out
    code, out, _ = cli(capsys, "agreements", "import", str(SUMMARY), "--json")
    summary = json.loads(out)
    assert summary["imported"] == 3 and summary["replaced"] == 5 and summary["shape"] == "summary"


def test_a_bad_file_keeps_the_previous_import(tmp_path: Path, imported: None) -> None:
    broken = tmp_path / "broken.csv"
    text = FULL.read_text(encoding="utf-8").replace("1993-09-13", "1993-13-45", 1)
    broken.write_text(text, encoding="utf-8")
    proc = run_cli("agreements", "import", str(broken))
    assert proc.returncode == 1
    assert "broken.csv:2:" in proc.stderr and "Dat" in proc.stderr
    assert "the previous import (5 agreements) is unchanged" in proc.stderr
    listed = run_cli("agreements", "--json")
    assert json.loads(listed.stdout)["total"] == 5


def test_import_needs_one_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert cli(capsys, "agreements", "import")[0] == 2
    code, _, err = cli(capsys, "agreements", "import", str(tmp_path / "none.csv"))
    assert code == 1 and "no such file" in err


# Listing and searching -------------------------------------------------------------------


def test_list_newest_first_with_the_credit(
    capsys: pytest.CaptureFixture[str], imported: None
) -> None:
    code, out, _ = cli(capsys, "agreements")
    assert code == 0
    ids = [line.split()[0] for line in out.splitlines() if line[:5].isdigit()]
    assert ids == ["90005", "90004", "90001", "90002", "90003"]
    assert "5 of 5 matching, 5 imported" in out and "PA-X Peace Agreements Database" in out


def test_filters_by_process_and_provision(
    capsys: pytest.CaptureFixture[str], imported: None
) -> None:
    code, out, _ = cli(
        capsys, "agreements", "--process", "graustark", "--provision", "gender", "--json"
    )
    found = json.loads(out)
    assert code == 0
    assert {a["id"] for a in found["agreements"]} == {90004, 90005}
    code, out, _ = cli(capsys, "agreements", "--provision", "GeWom", "--json")
    assert {a["id"] for a in json.loads(out)["agreements"]} == {90002, 90004}


def test_query_words_rank_and_stage_filters(
    capsys: pytest.CaptureFixture[str], imported: None
) -> None:
    code, out, _ = cli(capsys, "agreements", "ceasefire", "--stage", "ceasefire", "--json")
    assert [a["id"] for a in json.loads(out)["agreements"]] == [90003]


def test_an_unknown_filter_value_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], imported: None
) -> None:
    code, _, err = cli(capsys, "agreements", "--provision", "gendre")
    assert (
        code == 1 and "unknown provision category 'gendre'" in err and "did you mean gender" in err
    )


def test_search_finds_agreements_by_kind_and_facets(
    capsys: pytest.CaptureFixture[str], imported: None
) -> None:
    code, out, _ = cli(
        capsys, "search", "kind:agreement provision:gender process:ruritania", "--json"
    )
    result = json.loads(out)
    assert code == 0
    assert {h["ref"] for h in result["hits"]} == {"agreement:90002", "agreement:90003"}
    facets = result["facets"]
    assert facets["stage"] == {"Cea": 1, "SubComp": 1}
    assert facets["country"] == {"MZ": 2} and facets["decade"] == {"1990s": 2}
    assert "sub-saharan-africa" in facets["region"] and "gender" in facets["provision"]
    assert "Badanjak" in result["credit"]
    _, out, _ = cli(capsys, "search", "kind:agreement ruritania")
    assert "Journal of Peace Research" in out


def test_region_and_decade_filters_reach_agreements(
    capsys: pytest.CaptureFixture[str], imported: None
) -> None:
    _, out, _ = cli(capsys, "search", "kind:agreement region:asia decade:2000s", "--json")
    assert [h["ref"] for h in json.loads(out)["hits"]] == ["agreement:90004"]


def test_pax_field_finds_the_agreement_and_its_cases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, "agreements", "import", str(with_ids(tmp_path, {"90002": "419"})))
    _, out, _ = cli(capsys, "search", "pax:419", "--json")
    refs = {h["ref"] for h in json.loads(out)["hits"]}
    assert refs == {"agreement:419", "santegidio-mozambique"}


def test_the_glossary_is_searchable_as_terms(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(capsys, "search", "kind:term", "back", "channel", "--json")
    hits = json.loads(out)["hits"]
    assert hits and hits[0]["ref"] == "term:back-channel"


# One agreement ----------------------------------------------------------------------------


def test_show_one_with_provisions_levels_link_and_linked_cases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, "agreements", "import", str(with_ids(tmp_path, {"90002": "419"})))
    code, out, _ = cli(capsys, "agreement", "419", "--width", "100")
    assert code == 0
    for needed in (
        "Synthetic General Peace Agreement for Ruritania",
        "1992-10-04",
        "Ruritania peace process",
        "Government of Ruritania; Ruritanian National Resistance",
        "Mediators: a lay religious community",
        "Framework-substantive, comprehensive",
        "Multiparty signed/agreed",
        "48 pages, 190,000 characters",
        "Gender",
        "level 1 of 3: Women, girls and gender",
        "https://www.peaceagreements.org/agreements/419/",
        "Sant'Egidio",
        "Introducing PA-X",
    ):
        assert needed in out, needed
    code, out, _ = cli(capsys, "agreement", "419", "--json")
    data = json.loads(out)
    assert data["imported"] and data["provisions"]["gender"] == 1
    assert [c["id"] for c in data["cases"]] == ["santegidio-mozambique"]


@pytest.mark.parametrize("suffix", ["md", "html", "pdf", "docx"])
def test_an_agreement_exports_to_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], imported: None, suffix: str
) -> None:
    target = tmp_path / f"agreement.{suffix}"
    code, _, err = cli(capsys, "agreement", "90002", "-o", str(target))
    assert code == 0, err
    data = target.read_bytes()
    if suffix in ("md", "html"):
        text = data.decode("utf-8")
        assert "Synthetic General Peace Agreement" in text and "Badanjak" in text
    else:
        assert len(data) > 2000


def test_a_case_shows_the_pax_facts_of_its_agreements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, "agreements", "import", str(with_ids(tmp_path, {"90003": "256"})))
    _, out, _ = cli(capsys, "show", "santegidio-mozambique", "--width", "120")
    assert re.search(r"PA-X 256 +1992-08-07 · Ruritania peace process · Ceasefire", out)
    assert re.search(r"PA-X 419 +not in the imported PA-X data", out)
    # Agreements PA-X places in the case's countries and years, which the case does not link:
    # 90002 is located in Mozambique (MOZ) and dated 1992-10-04, within the case's period.
    nearby = out.split("Also in PA-X for the case's countries and years", 1)[1]
    assert "Synthetic General Peace Agreement for Ruritania" in nearby and "PA-X 90002" in nearby
    assert "PA-X 90001" not in out  # Norway and Sweden: not the case's countries


# validate --------------------------------------------------------------------------------


def test_validate_warns_when_a_link_disagrees_with_pax(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], user_library: Path
) -> None:
    shutil.copy(CURATED / "santegidio-mozambique.yaml", user_library)
    cli(capsys, "agreements", "import", str(with_ids(tmp_path, {"90002": "419"})))
    code, out, err = cli(capsys, "validate", "--library", str(user_library))
    assert code == 0  # warnings only
    assert (
        "agreements[0].name: PA-X 419: the case says 'Joint Communiqué (Mozambique)', PA-X says"
        in err
    )
    assert "agreements[0].date: PA-X 419: the case dates it 1990-07-10, PA-X 1992-10-04" in err
    assert "agreements[1].pax: PA-X agreement 256 is not in the imported PA-X data" in err


def test_validate_without_an_import_checks_no_pax(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "validate")
    assert code == 0 and "PA-X" not in err


# Briefings -------------------------------------------------------------------------------


def test_a_briefing_can_include_agreements(
    isolated_user_folders: Path, capsys: pytest.CaptureFixture[str], imported: None
) -> None:
    folder = isolated_user_folders / "data" / "briefings"
    folder.mkdir(parents=True)
    (folder / "with-agreements.yaml").write_text(
        "id: with-agreements\ntitle: With agreements\naudience: A delegation\n"
        "purpose: What the talks produced\nas_of: 2026-01-01\nsummary: Two parts.\n"
        "sections:\n  - heading: Outcomes\n    refs:\n"
        "      - oslo-back-channel\n      - agreement: 90002\n      - agreement:34\n",
        encoding="utf-8",
    )
    code, out, err = cli(capsys, "brief", "with-agreements", "--format", "md")
    assert code == 0, err
    assert "Synthetic General Peace Agreement for Ruritania" in out
    assert "Israel/PLO Recognition - Exchange of Letters" in out  # from the case: not imported
    assert "Introducing PA-X" in out  # PA-X's citation among the references
    assert cli(capsys, "validate")[0] == 0
