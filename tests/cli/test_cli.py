"""The command line: output, exit codes, piped output without colour.

Commands run in this process (``run_cli``); the exit codes and a real pipe are also checked
in a subprocess.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.casefiles import filled_case
from tests.conftest import REPO, run_cli

ANSI = re.compile(r"\x1b\[")


def test_version_and_help() -> None:
    out = run_cli("--version")
    assert out.returncode == 0 and out.stdout.startswith("track2 ")
    help_out = run_cli("--help")
    assert help_out.returncode == 0
    for command in ("list", "show", "validate", "new", "schema", "glossary", "vocab", "browse"):
        assert command in help_out.stdout


def test_every_command_has_help_text() -> None:
    from tui.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert sub.choices is not None
    names = list(sub.choices)
    assert len(names) >= 8
    for name in names:
        out = run_cli(name, "--help")
        assert out.returncode == 0, name
        assert len(out.stdout.strip().splitlines()) >= 3, name


def test_list_json_shape() -> None:
    out = run_cli("list", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert len(data["cases"]) >= 4
    first = data["cases"][0]
    assert set(first) == {"id", "title", "track", "period", "themes", "origin"}
    assert first["origin"] == "curated"
    assert set(first["period"]) == {"start", "end"}


def test_list_filters_by_track_and_theme() -> None:
    everything = json.loads(run_cli("list", "--json").stdout)["cases"]
    official = json.loads(run_cli("list", "--track", "I", "--json").stdout)["cases"]
    assert official and len(official) < len(everything)
    assert all("I" in c["track"] for c in official)
    trade = json.loads(run_cli("list", "--theme", "trade-and-market-access", "--json").stdout)[
        "cases"
    ]
    assert trade and all("trade-and-market-access" in c["themes"] for c in trade)
    bad = run_cli("list", "--theme", "astrology")
    assert bad.returncode == 1 and "unknown theme" in bad.stderr and "Traceback" not in bad.stderr


def test_piped_output_has_no_escape_codes() -> None:
    for args in (("list",), ("show", "oslo-back-channel"), ("vocab", "tags"), ("glossary",)):
        out = run_cli(*args, process=True)  # a real pipe
        assert out.returncode == 0, (args, out.stderr)
        assert not ANSI.search(out.stdout), args
    forced = run_cli("show", "oslo-back-channel", env={"FORCE_COLOR": "1"}, process=True)
    assert ANSI.search(forced.stdout)  # the check above can fail: colour does appear when forced
    no_color = run_cli("show", "oslo-back-channel", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not re.search(r"\x1b\[[0-9;]*3[0-9]m", no_color.stdout)


@pytest.mark.parametrize("fmt", ["rich", "text", "md", "json"])
def test_show_formats(fmt: str) -> None:
    out = run_cli("show", "oslo-back-channel", "--format", fmt)
    assert out.returncode == 0, out.stderr
    if fmt == "json":
        data = json.loads(out.stdout)
        assert data["id"] == "oslo-back-channel" and data["origin"] == "curated"
        assert data["lessons"]
    elif fmt == "md":
        assert out.stdout.startswith("# ")
        assert "## Lessons" in out.stdout and "## Sources" in out.stdout
    else:
        assert "Lessons" in out.stdout and "Sources" in out.stdout


def test_show_unknown_id_suggests_and_exits_1() -> None:
    out = run_cli("show", "oslo-backchannel", process=True)  # the interpreter's own exit code
    assert out.returncode == 1
    assert "no case with id 'oslo-backchannel'" in out.stderr
    assert "oslo-back-channel" in out.stderr
    assert "Traceback" not in out.stderr


def test_usage_error_exits_2() -> None:
    out = run_cli("show")
    assert out.returncode == 2
    assert run_cli("no-such-command").returncode == 2
    assert run_cli("no-such-command", process=True).returncode == 2


def test_validate_whole_library_is_clean() -> None:
    out = run_cli("validate")
    assert out.returncode == 0, out.stderr
    cases = len(list((REPO / "cases" / "curated").glob("*.yaml")))
    briefings = len(list((REPO / "briefings" / "curated").glob("*.yaml")))
    assert f"{cases + 1 + briefings} file(s) checked, no problems" in out.stdout


def test_validate_reports_each_problem_on_one_line(tmp_path: Path) -> None:
    (tmp_path / "good-case.yaml").write_text(filled_case("good-case"), encoding="utf-8")
    (tmp_path / "bad-case.yaml").write_text(
        (tmp_path / "good-case.yaml")
        .read_text(encoding="utf-8")
        .replace("id: good-case", "id: bad-case")
        .replace("themes: [theory]", "themes: [astrology]"),
        encoding="utf-8",
    )
    (tmp_path / "broken.yaml").write_bytes(b"id: x\ntitle: \xff\n")
    out = run_cli("validate", str(tmp_path))
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 2, lines
    assert any(
        re.match(r".*bad-case\.yaml:\d+:\d+: themes\[0\]: unknown theme 'astrology'", ln)
        for ln in lines
    )
    assert any(re.match(r".*broken\.yaml:2:\d+: not valid UTF-8", ln) for ln in lines)
    assert "Traceback" not in out.stderr
    clean = run_cli("validate", str(tmp_path / "good-case.yaml"))
    assert clean.returncode == 0, clean.stderr
    missing = run_cli("validate", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 1 and "no such file" in missing.stderr


def test_new_writes_a_template_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = run_cli("new", "my-dialogue", "--dir", str(tmp_path))
    assert out.returncode == 0
    text = (tmp_path / "my-dialogue.yaml").read_text(encoding="utf-8")
    assert "id: my-dialogue" in text and "# yaml-language-server: $schema=" in text
    again = run_cli("new", "my-dialogue", "--dir", str(tmp_path))
    assert again.returncode == 1 and "exists" in again.stderr
    bad = run_cli("new", "Not A Slug", "--dir", str(tmp_path))
    assert bad.returncode == 1 and "not a valid id" in bad.stderr


def test_an_unfilled_template_does_not_validate_clean(tmp_path: Path) -> None:
    run_cli("new", "my-dialogue", "--dir", str(tmp_path))
    out = run_cli("validate", str(tmp_path / "my-dialogue.yaml"))
    assert out.returncode == 1
    assert re.search(
        r"my-dialogue\.yaml:\d+:\d+: summary: still the template's placeholder", out.stderr
    )
    assert "lessons[0].title: still the template's placeholder text" in out.stderr
    filled = tmp_path / "filled-case.yaml"
    filled.write_text(filled_case("filled-case"), encoding="utf-8")
    assert run_cli("validate", str(filled)).returncode == 0


def test_library_option_layers_a_user_case(tmp_path: Path) -> None:
    (tmp_path / "my-dialogue.yaml").write_text(filled_case("my-dialogue"), encoding="utf-8")
    out = run_cli("--library", str(tmp_path), "list", "--json")
    cases = {c["id"]: c for c in json.loads(out.stdout)["cases"]}
    assert cases["my-dialogue"]["origin"] == str(tmp_path)
    after = run_cli("list", "--library", str(tmp_path), "--json")
    assert "my-dialogue" in after.stdout
    env = run_cli("list", "--json", env={"TRACK2_LIBRARY": str(tmp_path)})
    assert "my-dialogue" in env.stdout


def test_schema_is_json_schema_with_vocabularies() -> None:
    out = run_cli("schema")
    assert out.returncode == 0
    schema = json.loads(out.stdout)
    assert schema["additionalProperties"] is False
    assert "lessons" in schema["properties"] and "schema_version" in schema["required"]
    assert "trust-building" in json.dumps(schema)
    glossary = json.loads(run_cli("schema", "--glossary").stdout)
    assert "terms" in glossary["properties"]


def test_vocab_lists_ids() -> None:
    out = run_cli("vocab", "tags", "--json")
    assert "trust-building" in json.loads(out.stdout)["tags"]
    assert run_cli("vocab", "nonsense").returncode == 2


def test_broken_user_file_does_not_stop_listing(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    out = run_cli("--library", str(tmp_path), "list", "--json")
    assert out.returncode == 0
    assert len(json.loads(out.stdout)["cases"]) >= 4
    assert "problem(s) in the library" in out.stderr
    check = run_cli("--library", str(tmp_path), "validate")
    assert check.returncode == 1
    assert re.search(r"broken\.yaml:2:1: YAML syntax error", check.stderr), check.stderr


def test_validate_checks_saved_briefings(isolated_user_folders: Path) -> None:
    folder = isolated_user_folders / "data" / "briefings"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(
        "id: mine\ntitle: Mine\naudience: Me\npurpose: Testing\nas_of: 2026-01-01\n"
        "summary: A summary.\nsections:\n  - heading: One\n    refs: [no-such-case]\n",
        encoding="utf-8",
    )
    out = run_cli("validate")
    assert out.returncode == 1
    assert re.search(r"mine\.yaml:9:\d+: .*no-such-case", out.stderr), out.stderr


def test_every_command_is_in_the_readme_table_with_its_help() -> None:
    """As sqlite-utils does: help and the README's command table never drift apart."""
    import re

    from tui.cli import build_parser

    help_text = build_parser().format_help()
    listed = re.findall(r"(?m)^    (\w+)\s{2,}(\S.*)$", help_text.split("commands:", 1)[1])
    names = [name for name, _ in listed]
    assert {"list", "show", "search", "brief", "validate", "browse"} <= set(names)
    assert all(text.strip() for _, text in listed)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("## The command line", 1)[1].split("## ", 1)[0]
    for name in names:
        assert f"`track2 {name}" in table, f"`track2 {name}` is missing from the README's table"


WIDE_OUTPUTS = [
    ("list",),
    ("briefings",),
    ("glossary",),
    ("vocab", "themes"),
    ("search", "trust"),
    ("lessons", "--tag", "trust-building"),
    ("agreements",),
    ("show", "oslo-back-channel"),
]


@pytest.mark.parametrize("args", WIDE_OUTPUTS, ids=[" ".join(a) for a in WIDE_OUTPUTS])
def test_output_fits_80_columns_through_a_pipe(args: tuple[str, ...]) -> None:
    """Piped at COLUMNS=80, nothing runs past the edge, and ids and refs stay whole (they
    are what other commands take)."""
    from rich.cells import cell_len

    out = run_cli(*args, env={"COLUMNS": "80"}, process=args == ("list",))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    too_wide = [line for line in lines if cell_len(line) > 80]
    assert lines and not too_wide, too_wide[:3]
    ids = {p.stem for p in (REPO / "cases" / "curated").glob("*.yaml")}
    words = {w for line in lines for w in line.split()}
    if args[0] == "list":
        assert ids <= words
    if args[0] in ("search", "lessons"):
        refs = [w for w in words if w.count("/") == 1 and w.split("/")[0] in ids]
        assert len(refs) >= 5 and not [w for w in words if "/" in w and w.endswith("\u2026")]
