"""`track2 brief` and `track2 briefings` end to end, through `run_cli` (piped, so no colour)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.unit.test_briefing_helpers import write_library

CURATED_ID = "origins-and-theory-of-track-ii"


@pytest.fixture(scope="module")
def evil_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("evil") / "lib"
    write_library(folder)
    return folder


def test_curated_briefing_prints_as_plain_text_when_piped() -> None:
    out = run_cli("brief", CURATED_ID, "--width", "90")
    assert out.returncode == 0, out.stderr
    assert "\x1b" not in out.stdout
    assert "The origins and theory of Track II diplomacy" in out.stdout
    assert "Executive summary" in out.stdout and "References" in out.stdout
    assert max(len(line) for line in out.stdout.splitlines()) <= 90
    assert all(line == line.rstrip() for line in out.stdout.splitlines())


def test_briefings_lists_curated_and_saved_ones_as_json(tmp_path: Path) -> None:
    out = run_cli("briefings", "--json")
    assert out.returncode == 0, out.stderr
    listed = json.loads(out.stdout)["briefings"]
    assert len(listed) >= 3 and {b["origin"] for b in listed} == {"curated"}
    assert set(listed[0]) == {"id", "title", "audience", "origin"}
    saved = run_cli(
        "brief",
        "--case",
        "oslo-back-channel",
        "--title",
        "Oslo for the team",
        "--format",
        "json",
        "--save",
    )
    assert saved.returncode == 0, saved.stderr
    assert "saved" in saved.stderr and "track2 brief oslo-for-the-team" in saved.stderr
    again = json.loads(run_cli("briefings", "--json").stdout)["briefings"]
    mine = [b for b in again if b["id"] == "oslo-for-the-team"]
    assert mine == [
        {
            "id": "oslo-for-the-team",
            "title": "Oslo for the team",
            "audience": mine[0]["audience"],
            "origin": "user",
        }
    ]
    reprinted = run_cli("brief", "oslo-for-the-team", "--format", "md")
    assert reprinted.returncode == 0 and "\n# Oslo for the team\n" in reprinted.stdout
    human = run_cli("briefings")
    assert "oslo-for-the-team" in human.stdout and CURATED_ID in human.stdout


def test_ad_hoc_from_cases_to_a_file_follows_the_suffix(tmp_path: Path) -> None:
    target = tmp_path / "brief.html"
    out = run_cli(
        "brief",
        "--case",
        "oslo-back-channel",
        "--case",
        "northern-ireland-track-ii",
        "--title",
        "Peace channels",
        "--audience",
        "Mediators",
        "-o",
        str(target),
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout == "" and "wrote" in out.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<h1>Peace channels</h1>" in page and "<dd>Mediators</dd>" in page
    # The executive summary, one section per case, the cases drawn on.
    assert page.count('<section class="part"') == 4


def test_svg_export_parses(tmp_path: Path) -> None:
    out = run_cli("brief", "--case", "pugwash-conferences", "--format", "svg")
    assert out.returncode == 0, out.stderr
    assert ET.fromstring(out.stdout).tag.endswith("svg")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-briefing"], "no briefing with id 'no-such-briefing'"),
        (["--case", "oslo-back-chanel"], "did you mean oslo-back-channel"),
        (["--case", "oslo-back-channel/no-item"], "names an item, not a case"),
        ([CURATED_ID, "--title", "x"], "apply to --case and --query only"),
    ],
)
def test_unknown_ids_are_clear_errors(args: list[str], message: str) -> None:
    out = run_cli("brief", *args)
    assert out.returncode == 1
    assert out.stdout == ""
    assert out.stderr.startswith("track2: ") and message in out.stderr
    assert "Traceback" not in out.stderr


def test_brief_needs_something_to_brief_on() -> None:
    out = run_cli("brief")
    assert out.returncode == 2 and "one of the arguments" in out.stderr


def test_a_dangling_saved_briefing_names_file_and_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "briefings").mkdir(parents=True)
    (data / "briefings" / "broken.yaml").write_text(
        "id: broken\ntitle: T\naudience: A\npurpose: P\nas_of: 2026-01-01\nsummary: S\n"
        "sections:\n  - heading: H\n    refs: [oslo-back-channel/nope]\n",
        encoding="utf-8",
    )
    out = run_cli("brief", "broken", env={"TRACK2_DATA_DIR": str(data)})
    assert out.returncode == 1
    assert "broken.yaml:9" in out.stderr and "has no lesson" in out.stderr


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("fmt", ["text", "html", "md", "svg", "json"])
def test_hostile_case_text_is_data_on_the_command_line(evil_library: Path, fmt: str) -> None:
    out = run_cli("brief", "--library", str(evil_library), "--case", "evil-case", "--format", fmt)
    assert out.returncode == 0, out.stderr
    assert "\x1b[2J" not in out.stdout and "\x07" not in out.stdout
    if fmt == "text":
        assert "\x1b" not in out.stdout
        assert "[bold]loud[/bold] <script>alert(1)</script>" in out.stdout
    elif fmt == "html":
        page = _Text()
        page.feed(out.stdout)
        assert "script" not in page.tags
        assert "[bold]loud[/bold] <script>alert(1)</script>" in "".join(page.text)
    elif fmt == "md":
        assert "[bold]loud[/bold] \\<script\\>" in out.stdout
    elif fmt == "svg":
        text = "".join(ET.fromstring(out.stdout).itertext()).replace("\xa0", " ")
        assert "[bold]loud[/bold]" in text and "<script>" in text
    else:
        data = json.loads(out.stdout)
        items = [e for s in data["sections"] for b in s["blocks"] for e in b.get("entries", [])]
        text = items[0]["text"][0][0]["text"]
        assert text.startswith("[bold]loud[/bold] <script>alert(1)</script>")


def test_pager_is_used_on_a_terminal_for_a_long_briefing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import pydoc
    import sys

    from tui.cli import main

    paged: list[str] = []
    monkeypatch.setattr(pydoc, "pager", paged.append)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("LINES", "30")
    assert main(["brief", CURATED_ID, "--pager", "--width", "80"]) == 0
    assert len(paged) == 1 and "The origins and theory of Track II diplomacy" in paged[0]
    assert capsys.readouterr().out == ""
    paged.clear()
    assert main(["brief", CURATED_ID, "--width", "80"]) == 0
    assert paged == [] and "Executive summary" in capsys.readouterr().out


def test_ad_hoc_from_a_query_groups_the_best_items_by_case() -> None:
    out = run_cli("brief", "--query", "trust", "--limit", "5", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert ("Query", "trust") in [tuple(m) for m in data["meta"]] and "trust" in data["title"]
    entries = [
        e
        for s in data["sections"]
        for b in s["blocks"]
        if b["type"] == "items"
        for e in b["entries"]
    ]
    assert 1 <= len(entries) <= 5
    assert {e["kind"] for e in entries} <= {"lesson", "recommendation"}
    # One section per case, each holding only that case's items.
    case_ids = [
        {e["ref"].split("/")[0] for b in s["blocks"] if b["type"] == "items" for e in b["entries"]}
        for s in data["sections"][1:-1]
    ]
    assert all(len(ids) == 1 for ids in case_ids)
    assert len({next(iter(ids)) for ids in case_ids}) == len(case_ids)
    assert data["references"], "the cited sources are listed"


def test_a_query_with_no_match_is_a_clear_error() -> None:
    out = run_cli("brief", "--query", "zzqqxx")
    assert out.returncode == 1 and "no lesson or recommendation matches 'zzqqxx'" in out.stderr
    out = run_cli("brief", "--query", "  ")
    assert out.returncode == 1 and "needs some words" in out.stderr
