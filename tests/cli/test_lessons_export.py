"""``track2 lessons --csv`` and ``--md``: every item with its whole text, safe in a spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.conftest import seed_curated_index
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    seed_curated_index()
    assert main(["lessons", *args]) == 0
    return capsys.readouterr().out


def test_csv_has_one_row_per_item_with_the_whole_text(capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(run(capsys, "--tag", "trust-building", "--csv"))))
    assert rows and all("trust-building" in r["tags"].split(";") for r in rows)
    assert set(rows[0]) == {
        "kind",
        "case_id",
        "case_title",
        "item_id",
        "title",
        "tags",
        "text",
        "ref",
    }
    assert all(r["ref"] == f"{r['case_id']}/{r['item_id']}" for r in rows)
    # A query's export carries the full text, not the snippet around the match.
    searched = list(csv.DictReader(io.StringIO(run(capsys, "trust", "--csv", "--limit", "5"))))
    listed = {r["ref"]: r["text"] for r in csv.DictReader(io.StringIO(run(capsys, "--csv")))}
    assert searched and all(r["text"] == listed[r["ref"]] for r in searched)
    assert not any(r["text"].startswith("\u2026") for r in searched)


def test_csv_cells_are_never_formulas(
    capsys: pytest.CaptureFixture[str],
    user_library: Path,
    copy_case,
) -> None:
    path = copy_case("ping-pong-diplomacy", "formula-case")
    text = path.read_text(encoding="utf-8").replace("id: ping-pong-diplomacy", "id: formula-case")
    first_title = text.split("lessons:", 1)[1].split("title:", 1)[1].split("\n", 1)[0]
    text = text.replace(f"title:{first_title}", 'title: "=HYPERLINK(\\"http://x\\")"', 1)
    path.write_text(text, encoding="utf-8")
    out = run(capsys, "--library", str(user_library), "--csv")
    row = next(
        r
        for r in csv.DictReader(io.StringIO(out))
        if r["case_id"] == "formula-case" and "HYPERLINK" in r["title"]
    )
    assert row["title"].startswith("'=")


def test_markdown_groups_by_case_with_labels(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "--tag", "trust-building", "--md")
    assert out.startswith("# Lessons, challenges and recommendations\n")
    from cases.vocab import vocabulary

    label = vocabulary().label("tags", "trust-building")
    assert "\n## " in out and label in out and "trust-building," not in out  # labels, not ids
    assert out.rstrip().endswith("items") and "`northern-ireland-track-ii/trusted-insiders`" in out


def test_list_filters_by_region_country_and_actor(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    def ids(*args: str) -> set[str]:
        assert main(["list", *args, "--json"]) == 0
        return {c["id"] for c in json.loads(capsys.readouterr().out)["cases"]}

    norway = ids("--country", "norway")
    assert "oslo-back-channel" in norway and ids("--country", "NO") == norway
    assert ids("--actor", "larsen") == {"oslo-back-channel"}
    assert "oslo-back-channel" in ids("--actor", "Jorgen")  # accents ignored: Jørgen
    assert ids("--country", "norway", "--actor", "larsen") == {"oslo-back-channel"}
    assert "oslo-back-channel" in ids("--region", "middle-east")
    assert main(["list", "--country", "atlantis"]) == 1
    assert "unknown country 'atlantis'" in capsys.readouterr().err
