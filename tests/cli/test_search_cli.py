"""``track2 search``, ``track2 lessons`` and ``track2 index`` as a user runs them."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.conftest import run_cli
from tests.unit.test_search_fixtures import write_case


def test_search_json_shape() -> None:
    proc = run_cli("search", "back channel oslo", "--json", "--limit", "3")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"query", "total", "hits", "suggestion", "facets"}
    assert data["query"] == "back channel oslo" and data["total"] >= len(data["hits"]) > 0
    hit = data["hits"][0]
    assert set(hit) == {
        *("kind", "ref", "case_id", "item_id", "title", "case_title", "score", "tags", "snippet")
    }
    assert hit["case_id"] == "oslo-back-channel"
    assert all(set(span) == {"text", "match"} for span in hit["snippet"])
    assert any(span["match"] and span["text"].lower() == "oslo" for span in hit["snippet"])
    assert "kind" in data["facets"]


def test_search_for_people_is_plain_when_piped() -> None:
    proc = run_cli("search", "ping", "pong", "--kind", "case")
    assert proc.returncode == 0, proc.stderr
    assert "ping-pong-diplomacy" in proc.stdout
    assert "\x1b[" not in proc.stdout
    assert "results" in proc.stdout.splitlines()[-1]
    assert not any(line.endswith(" ") for line in proc.stdout.splitlines())


def test_search_did_you_mean() -> None:
    proc = run_cli("search", "olso")
    assert proc.returncode == 0
    assert proc.stdout.startswith("Showing results for oslo: nothing matches olso")
    assert "oslo-back-channel" in proc.stdout
    data = json.loads(run_cli("search", "olso", "--json").stdout)
    assert data["corrected_from"] == "olso" and data["query"] == "oslo" and data["total"] > 0
    exact = run_cli("search", "olso", "--exact")
    assert "Nothing matches olso." in exact.stdout and "Did you mean: oslo?" in exact.stdout
    assert json.loads(run_cli("search", "olso", "--exact", "--json").stdout)["suggestion"] == "oslo"


def test_search_bad_query_is_a_note_not_a_failure() -> None:
    proc = run_cli("search", "theme:cooking", "trust")
    assert proc.returncode == 0
    assert "note: unknown theme 'cooking'" in proc.stderr


def test_search_usage_errors() -> None:
    assert run_cli("search", "oslo", "--limit", "0").returncode == 1
    assert run_cli("search", "oslo", "--kind", "essay").returncode == 2
    assert run_cli("search").returncode == 2


def test_search_help_documents_the_syntax() -> None:
    out = run_cli("search", "--help").stdout
    for piece in (
        '"back channel"',
        "negot*",
        "olso~",
        "kind:lesson",
        "track:1.5",
        "theme:trade",
        "country:CN",
        "year:1990..2000",
        "tag:",
        "region:",
    ):
        assert piece in out


def test_lessons_by_tag_and_query() -> None:
    proc = run_cli("lessons", "--tag", "trust-building", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["total"] == len(data["hits"]) > 0
    assert {h["kind"] for h in data["hits"]} <= {"lesson", "challenge", "recommendation"}
    found = json.loads(run_cli("lessons", "sponsoring official patron", "--json").stdout)
    assert found["hits"] and all(h["item_id"] for h in found["hits"])
    assert "oslo-back-channel/plan-the-handover" in {
        f"{h['case_id']}/{h['item_id']}" for h in found["hits"]
    }
    people = run_cli("lessons", "--tag", "trust", "--kind", "lesson")
    assert people.returncode == 0 and " items" in people.stdout


def test_lessons_bad_tag() -> None:
    proc = run_cli("lessons", "--tag", "nonsense-tag")
    assert proc.returncode == 1 and "unknown tag" in proc.stderr


def test_index_reindexes_only_the_edited_file(user_library: Path) -> None:
    write_case(user_library, "user-one", "One", "Aardvarks at dawn.")
    write_case(user_library, "user-two", "Two", "Badgers at dusk.")
    lib = ["--library", str(user_library)]
    first = json.loads(run_cli("index", "--json", *lib).stdout)
    assert first["rebuilt"] is True
    same = json.loads(run_cli("index", "--json", *lib).stdout)
    assert (same["added"], same["changed"], same["removed"], same["rebuilt"]) == (0, 0, 0, False)
    write_case(user_library, "user-two", "Two", "Beavers at dusk.")
    edited = json.loads(run_cli("index", "--json", *lib).stdout)
    assert (edited["added"], edited["changed"], edited["removed"]) == (0, 1, 0)
    hits = json.loads(run_cli("search", "beaver", "--json", *lib).stdout)["hits"]
    assert [h["case_id"] for h in hits] == ["user-two"]
    people = run_cli("index", *lib)
    assert "up to date" in people.stdout


def test_index_rebuild_and_stats() -> None:
    proc = run_cli("index", "--rebuild", "--stats", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["rebuilt"] is True
    assert data["stats"]["by_kind"]["case"] >= 20
    people = run_cli("index", "--stats").stdout
    assert "Documents:" in people and "Engine: whoosh" in people


def test_unwritable_cache_is_told_once(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    env = {"TRACK2_CACHE_DIR": str(blocker / "cache")}
    proc = run_cli("search", "oslo", "--json", env=env)
    assert proc.returncode == 0
    assert proc.stderr.count("kept in memory") == 1
    assert json.loads(proc.stdout)["hits"]
    assert os.path.isfile(blocker)


def test_results_grouped_by_case() -> None:
    """--by-case puts each hit under its case, the cases in the order of their best hit."""
    data = json.loads(run_cli("search", "oslo", "--by-case", "--json").stdout)
    groups = data["groups"]
    refs = [h["ref"] for h in data["hits"]]
    assert sorted(r for g in groups for r in g["refs"]) == sorted(refs)
    firsts = [min(refs.index(r) for r in g["refs"]) for g in groups]
    assert firsts == sorted(firsts) and len(groups) == len({g["case_id"] for g in groups})
    assert all(r.split("/")[0] == g["case_id"] for g in groups for r in g["refs"])
    text = run_cli("search", "oslo", "--by-case", env={"COLUMNS": "100"}).stdout
    first = groups[0]
    assert text.splitlines()[0] == first["case_title"]
    # Under its case's heading an item does not repeat the case's title.
    assert f"({first['case_title']})" not in text.split("\n\n")[1]
