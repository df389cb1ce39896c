"""Text from files is data in every output: no markup, no escape sequences, no live links."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli

ESC = "\x1b"
HOSTILE_TITLE = "[/] [link=javascript:alert(1)]x[/link] \x1b[2J\x1b]52;c;cGF5bG9hZA==\x07 \x1b]8;;https://evil.example\x07y\x1b]8;;\x07 \u202eevil"
SHOWN = "[/] [link=javascript:alert(1)]x[/link]"


def _hostile(text: str) -> str:
    title = json.dumps(HOSTILE_TITLE)  # a JSON string is a valid YAML double-quoted scalar
    text = text.replace('title: "Hostile case"', f"title: {title}", 1)
    text = text.replace('title: "Hostile\\u009b2J case"', f'title: {title[:-1]}\\u009b2J"', 1)
    return text.replace(
        "  - id: first-lesson\n    title: One line", f"  - id: first-lesson\n    title: {title}"
    )


COMMANDS = [
    ["list"],
    ["lessons"],
    ["search", "alert"],
    ["show", "hostile-case"],
    ["show", "hostile-case", "--format", "text"],
    ["show", "hostile-case", "--format", "md"],
    ["brief", "--case", "hostile-case", "--format", "text"],
    ["brief", "--case", "hostile-case", "--format", "md"],
    ["brief", "--case", "hostile-case", "--format", "html"],
]


@pytest.mark.parametrize("color", ["piped", "forced"])
@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_case_text_never_reaches_the_terminal_as_control(write_case, command, color) -> None:
    write_case("hostile-case", _hostile)
    env = {"FORCE_COLOR": "1", "COLUMNS": "200"} if color == "forced" else {"COLUMNS": "200"}
    result = run_cli("--library", str(write_case.folder), *command, env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = result.stdout
    for bad in ("\x1b[2J", "\x1b]52", "\x1b]8;;https://evil", "\u202e", "\x07"):
        assert bad not in out, (bad, command)
    if color == "piped":
        assert ESC not in out
    if "html" not in command:
        assert "javascript:alert(1)" in out  # shown literally, as text
    if command[0] == "list" or command == ["show", "hostile-case", "--format", "text"]:
        assert SHOWN in out


def test_json_output_escapes_controls(write_case) -> None:
    write_case(
        "hostile-case", lambda t: _hostile(t.replace('"Hostile case"', '"Hostile\\u009b2J case"'))
    )
    result = run_cli(
        "--library", str(write_case.folder), "show", "hostile-case", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    for bad in ("\u009b", "\u202e", ESC):
        assert bad not in result.stdout
    data = json.loads(result.stdout)
    assert "\u202e" in data["title"] and "\u009b" in data["title"]  # intact, written escaped


def test_validate_messages_do_not_echo_escapes(write_case) -> None:
    write_case(
        "evil-field",
        lambda t: t.replace(
            "regions: [global]", 'regions: ["\\e[2Jglobal"]\n"\\e]52;c;eA==\\a": 1'
        ),
    )
    result = run_cli("validate", str(write_case.folder / "evil-field.yaml"))
    assert result.returncode == 1
    assert "unknown" in result.stderr
    assert ESC not in result.stderr and "\x07" not in result.stderr


def test_markdown_keeps_numbers_and_entities_literal(write_case) -> None:
    write_case(
        "md-case",
        lambda t: t.replace("Filled in replace", "1. Not a list &lt; &amp; Replace"),
    )
    result = run_cli("--library", str(write_case.folder), "show", "md-case", "--format", "md")
    assert "1\\. Not a list \\&lt; \\&amp;" in result.stdout
    assert "\\1." not in result.stdout
