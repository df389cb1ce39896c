"""Schema 2: every event and item names its sources, every prose paragraph cites inline."""

from __future__ import annotations

from pathlib import Path

import pytest

from cases.citations import cited_ids, malformed, split_cited, strip_markers
from cases.integrity import denied_host
from cases.loader import load_case
from tests.casefiles import filled_case as template_text

GOOD = template_text("good-case")


def load(tmp_path: Path, text: str, origin: str = "") -> tuple[object, list[str]]:
    path = tmp_path / "good-case.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_case(path, origin=origin)
    return loaded.value, [str(p) for p in loaded.problems]


def test_template_is_schema_2_and_clean(tmp_path: Path) -> None:
    case, problems = load(tmp_path, GOOD)
    assert problems == []
    assert case is not None and case.schema_version == 2  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("edit", "needle"),
    [
        (
            lambda t: t.replace("    sources: [first-source]    # the ids", "    # the ids"),
            "timeline[0].sources: no sources",
        ),
        (
            lambda t: t.replace(
                "    tags: [trust-building]\n    sources: [first-source]\n",
                "    tags: [trust-building]\n",
            ),
            "lessons[0].sources: no sources",
        ),
        (
            lambda t: t.replace("sources: [second-source]\n", "sources: [nowhere]\n", 1),
            "no source with id 'nowhere'",
        ),
        (
            lambda t: t.replace("own words [@first-source].", "own words [@ghost]."),
            "cites [@ghost], but no source has that id",
        ),
        (
            lambda t: t.replace("own words [@first-source].", "own words."),
            "summary: paragraph 1 cites no source",
        ),
        (
            lambda t: t.replace(
                "own words [@first-source].", "own words [@first-source].\n\n  More."
            ),
            "summary: paragraph 2 cites no source",
        ),
        (
            lambda t: t.replace("own words [@first-source].", "own words [@First Source]."),
            "malformed citation",
        ),
        (
            lambda t: t.replace(
                "how we know [@second-source]", "how we know [@first-source]"
            ).replace("    sources: [second-source]\n", "    sources: [first-source]\n"),
            "source 'second-source' is cited nowhere",
        ),
        (
            lambda t: t.replace(
                "    url: https://example.org/\n", "    url: https://example.org/\n    seed: true\n"
            ),
            "schema 2 calls this source_article",
        ),
    ],
)
def test_schema_2_rules(tmp_path: Path, edit, needle: str) -> None:
    text = edit(GOOD)
    assert text != GOOD
    case, problems = load(tmp_path, text)
    assert case is None
    assert any(needle in p for p in problems), problems
    assert all(":" in p.split(" ")[0] for p in problems)  # file:line:col on every one


def test_schema_1_file_still_loads_with_a_note(tmp_path: Path) -> None:
    v1 = (
        GOOD.replace("schema_version: 2", "schema_version: 1")
        .replace(
            "    sources: [first-source]    # the ids of the sources that support this event\n", ""
        )
        .replace(" [@first-source]", "")
    )
    case, problems = load(tmp_path, v1)
    assert case is not None
    assert (
        len(problems) == 1 and "warning:" in problems[0] and "schema 1 still loads" in problems[0]
    )


def test_denied_host_is_a_warning_for_users_an_error_for_curated(tmp_path: Path) -> None:
    text = GOOD.replace("https://example.org/", "https://docslib.org/doc/1/x")
    case, problems = load(tmp_path, text)
    assert case is not None and any("warning:" in p and "docslib.org" in p for p in problems)
    case, problems = load(tmp_path, text, origin="curated")
    assert case is None and any("docslib.org" in p for p in problems)


def test_denied_host_matches_subdomains_only() -> None:
    assert denied_host("https://en.wikipedia.org/wiki/X") == "wikipedia.org"
    assert denied_host("https://notwikipedia.org/") is None
    assert denied_host("https://example.org/?u=docslib.org") is None


def test_marker_parsing() -> None:
    text = "One [@a]. Two [@b; @c-d]. Bad [@ x] and [@e"
    assert cited_ids(text) == ["a", "b", "c-d"]
    assert malformed(text) == ["[@ x]", "[@e"]
    assert strip_markers("Ends here [@a; @b].") == "Ends here."
    assert list(split_cited("Ends here [@a].")) == [("Ends here", ["a"]), (".", [])]


def test_malformed_marker_is_a_warning_for_users_an_error_for_curated(tmp_path: Path) -> None:
    text = GOOD.replace("own words [@first-source].", "own words [@first-source] [@First Source].")
    case, problems = load(tmp_path, text)
    assert case is not None and any("warning:" in p and "malformed citation" in p for p in problems)
    case, problems = load(tmp_path, text, origin="curated")
    assert case is None and any("malformed citation" in p for p in problems)
