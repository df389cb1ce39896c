"""Each bad input yields exactly one problem naming the right file and line; good files load."""

from __future__ import annotations

from pathlib import Path

import pytest

from cases.library import LibraryDir, load_library
from cases.loader import load_case
from tests.casefiles import filled_case as template_text

GOOD = template_text("good-case")


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line number of the nth line containing ``needle``."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[nth - 1]


def replace_line(text: str, needle: str, new: str) -> str:
    return "\n".join(new if needle in line else line for line in text.splitlines()) + "\n"


def test_template_loads_clean(tmp_path: Path) -> None:
    loaded = load_case(write(tmp_path, "good-case.yaml", GOOD))
    assert loaded.problems == []
    assert loaded.value is not None and loaded.value.id == "good-case"


BAD_CASES = [
    # (name, edit the template text, the line expected (needle in template), message part)
    (
        "misspelt field",
        lambda t: t.replace("summary: >-", "sumary: >-"),
        "summary: >-",
        "did you mean 'summary'",
    ),
    (
        "unknown field",
        lambda t: t.replace("summary: >-", "colour: red\nsummary: >-"),
        None,
        "unknown field",
    ),
    (
        "missing field",
        lambda t: replace_line(t, "outcome: >-", "").replace(
            "  Filled in what came of it, and how we know [@second-source].\n", ""
        ),
        None,
        "field required",
    ),
    (
        "wrong type",
        lambda t: t.replace("    year: 2000", "    year: [1, 2]"),
        "    year: 2000",
        "integer",
    ),
    (
        "bad date",
        lambda t: t.replace('start: "2000"', 'start: "2000-13"'),
        'start: "2000"',
        "no month 13",
    ),
    (
        "end before start",
        lambda t: t.replace('end: "2001"', 'end: "1999"'),
        "period:",
        "before start",
    ),
    (
        "duplicate key",
        lambda t: t.replace("regions: [global]", "regions: [global]\nregions: [europe]"),
        None,
        "duplicate key",
    ),
    (
        "unknown theme",
        lambda t: t.replace("themes: [theory]", "themes: [astrology]"),
        "themes: [theory]",
        "unknown theme",
    ),
    (
        "unknown tag",
        lambda t: t.replace("tags: [trust-building]", "tags: [trusting]"),
        "tags: [trust-building]",
        "unknown tag",
    ),
    ("bad track", lambda t: t.replace("track: [II]", "track: [IV]"), "track: [II]", "track"),
    (
        "id not file name",
        lambda t: t.replace("id: good-case", "id: other-case"),
        "id: good-case",
        "must equal the file name",
    ),
    (
        "duplicate item id",
        lambda t: t.replace("id: first-challenge", "id: first-lesson"),
        "id: first-challenge",
        "duplicate item id",
    ),
    (
        "dispute cites unknown source",
        lambda t: t.replace(
            "disputed: []",
            "disputed:\n  - claim: x\n    positions:\n      - source: nope\n        says: y",
        ),
        "      - source: nope",
        "no source with id",
    ),
]


@pytest.mark.parametrize("name,edit,needle,message", BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_case_gives_one_problem_at_the_right_line(
    tmp_path: Path, name: str, edit, needle, message: str
) -> None:
    text = edit(GOOD)
    assert text != GOOD
    path = write(tmp_path, "good-case.yaml", text)
    loaded = load_case(path)
    assert loaded.value is None
    assert len(loaded.problems) == 1, loaded.problems
    problem = loaded.problems[0]
    assert problem.path == str(path)
    assert message in problem.message
    if needle is not None:
        where = GOOD if needle in GOOD else text
        assert problem.line == line_of(where, needle), str(problem)
    assert str(problem).startswith(f"{path}:{problem.line}:")


def test_missing_field_points_at_the_mapping_that_lacks_it(tmp_path: Path) -> None:
    text = GOOD.replace("    title: Filled in one line\n", "", 1)  # the first lesson loses it
    loaded = load_case(write(tmp_path, "good-case.yaml", text))
    [problem] = loaded.problems
    assert problem.field == "lessons[0].title"
    assert problem.message == "field required"
    assert problem.line == line_of(text, "  - id: first-lesson")


def test_duplicate_key_names_the_second_line(tmp_path: Path) -> None:
    text = GOOD.replace("regions: [global]", "regions: [global]\nregions: [europe]")
    [problem] = load_case(write(tmp_path, "good-case.yaml", text)).problems
    assert problem.line == line_of(text, "regions:", 2)
    assert f"first at line {line_of(text, 'regions:')}" in problem.message


@pytest.mark.parametrize(
    "content,message,line",
    [
        (b"", "empty", 0),
        (b"# only a comment\n", "empty", 0),
        (b"- a\n- b\n", "top level is a list", 1),
        (b"just words\n", "top level is a single value", 1),
        (b"id: x\ntitle: [unclosed\n", "YAML syntax error", 3),
        (b"id: x\ntitle: caf\xe9\n", "not valid UTF-8", 2),
        (b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested", 1),
        (b"x: " + b"y" * 2_100_000 + b"\n", "limit", 0),
    ],
    ids=["empty", "comment-only", "list", "scalar", "syntax", "utf8", "deep", "oversized"],
)
def test_unreadable_files_give_one_problem(
    tmp_path: Path, content: bytes, message: str, line: int
) -> None:
    loaded = load_case(write(tmp_path, "good-case.yaml", content))
    assert loaded.value is None
    [problem] = loaded.problems
    assert message in problem.message
    assert problem.line == line


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[n]
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(levels) + "\n"
    [problem] = load_case(write(tmp_path, "good-case.yaml", text)).problems
    assert "alias" in problem.message
    assert problem.line >= 1


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path, "good-case.yaml", GOOD)
    write(tmp_path, "second-case.yaml", template_text("second-case"))
    write(tmp_path, "broken.yaml", "id: broken\ntitle: [\n")
    write(tmp_path, "empty.yaml", "")
    lib = load_library([LibraryDir(tmp_path, "mine")])
    assert sorted(lib.cases) == ["good-case", "second-case"]
    assert sorted(Path(p.path).name for p in lib.problems) == ["broken.yaml", "empty.yaml"]


def test_dangling_related_id_names_the_referring_line(tmp_path: Path) -> None:
    text = GOOD.replace("related: []", "related:\n  - case: nowhere\n    relation: contrast")
    path = write(tmp_path, "good-case.yaml", text)
    lib = load_library([LibraryDir(tmp_path, "mine")])
    assert "good-case" in lib.cases  # the case itself is fine; the reference is the problem
    [problem] = lib.problems
    assert problem.path.endswith("good-case.yaml") and str(path).endswith(problem.path)
    assert problem.line == line_of(text, "  - case: nowhere")
    assert "no case with id 'nowhere'" in problem.message


def test_unquoted_dates_and_track_are_accepted(tmp_path: Path) -> None:
    text = GOOD.replace('start: "2000"', "start: 2000-01-05").replace(
        "track: [II]", "track: [1.5, II]"
    )
    loaded = load_case(write(tmp_path, "good-case.yaml", text))
    assert loaded.value is not None, loaded.problems
    assert loaded.value.period.start == "2000-01-05"
    assert loaded.value.track == ["1.5", "II"]


def test_unquoted_norway_is_a_country_not_false(tmp_path: Path) -> None:
    text = GOOD.replace("countries: [US]", "countries: [US, NO]")
    loaded = load_case(write(tmp_path, "good-case.yaml", text))
    assert loaded.value is not None, loaded.problems
    assert loaded.value.countries == ["US", "NO"]


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    """A duplicate key no longer hides the unknown theme, and the id rule is checked too."""
    text = (
        GOOD.replace("regions: [global]", "regions: [global]\nregions: [europe]")
        .replace("themes: [theory]", "themes: [astrology]")
        .replace("id: good-case", "id: other-case")
    )
    problems = [str(p) for p in load_case(write(tmp_path, "good-case.yaml", text)).problems]
    assert any("duplicate key 'regions'" in p for p in problems)
    assert any("unknown theme 'astrology'" in p for p in problems)
    assert any("must equal the file name" in p for p in problems)
