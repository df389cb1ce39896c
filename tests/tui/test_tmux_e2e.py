"""End to end in a real terminal: start `track2` in tmux and use it as a new user would.

The story of the issue's "done when": find the balloon case by typing, read its lessons, add
it to a briefing, export the briefing to HTML, compare the case with the Oslo case, open help
and quit; every step is checked by reading the screen with ``tmux capture-pane``. tmux is
required (``.ci/run`` installs it with apt); without it the test fails and says so.
"""

from __future__ import annotations

import os
import re
import secrets
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import seed_curated_index

WIDTH, HEIGHT = 100, 30
pytestmark = pytest.mark.long


class Terminal:
    """A tmux session on a private server socket, driven by keys and read as text."""

    def __init__(self, tmux: str, socket: str, session: str) -> None:
        self.tmux = tmux
        self.socket = socket
        self.session = session

    def run(self, *args: str, check: bool = True) -> str:
        out = subprocess.run(
            [self.tmux, "-L", self.socket, *args],
            capture_output=True,
            text=True,
            timeout=30,
            check=check,
        )
        return out.stdout

    def keys(self, *keys: str) -> None:
        """Send tmux key names (Enter, Escape, C-p...).

        After an ``Escape``, wait for what it does before sending the next key: an escape
        and a key that the app reads together are one key to a terminal app (``Escape`` then
        ``q`` is alt+q), and on a busy machine the app may read both at once.
        """
        for key in keys:
            self.run("send-keys", "-t", self.session, key)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        """Type text literally, a key at a time (as a person types)."""
        for char in text:
            self.run("send-keys", "-t", self.session, "-l", char)
            time.sleep(0.05)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.session, check=False)

    def styled_screen(self) -> list[list[tuple[str, Style]]]:
        """Each line of the screen as (character, style) cells, from the escape codes."""
        raw = self.run("capture-pane", "-p", "-e", "-t", self.session, check=False)
        return [cells(line) for line in raw.splitlines()]

    def wait_for(self, *needles: str, timeout: float = 30.0) -> str:
        """Wait until every needle is on screen; fail with the screen when they never are."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(n in screen for n in needles):
                print(f"{time.monotonic():.1f} saw {needles}")
                return screen
            time.sleep(0.1)
        size = self.run(
            "display", "-p", "-t", self.session, "#{window_width}x#{window_height}", check=False
        ).strip()
        pytest.fail(f"never saw {needles!r} on the {size} screen; it shows:\n{screen}")


Style = tuple[str, str, bool, bool, bool, bool]
"""What a cell looks like: (foreground, background, bold, dim, reverse, underline)."""
PLAIN: Style = ("", "", False, False, False, False)
SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def _apply(style: Style, params: list[str]) -> Style:
    fg, bg, bold, dim, reverse, under = style
    i = 0
    while i < len(params):
        p = int(params[i] or 0)
        if p in (38, 48):  # 38;5;N or 38;2;R;G;B
            width = 3 if params[i + 1] == "5" else 5
            colour = ";".join(params[i + 1 : i + width])
            fg, bg = (colour, bg) if p == 38 else (fg, colour)
            i += width
            continue
        if p == 0:
            fg, bg, bold, dim, reverse, under = PLAIN
        elif p in (1, 2, 7, 4):
            bold, dim, reverse, under = (
                bold or p == 1,
                dim or p == 2,
                reverse or p == 7,
                under or p == 4,
            )
        elif p == 22:
            bold = dim = False
        elif p == 27:
            reverse = False
        elif p == 24:
            under = False
        elif 30 <= p <= 37 or 90 <= p <= 97:
            fg = str(p)
        elif p == 39:
            fg = ""
        elif 40 <= p <= 47 or 100 <= p <= 107:
            bg = str(p)
        elif p == 49:
            bg = ""
        i += 1
    return fg, bg, bold, dim, reverse, under


def cells(line: str) -> list[tuple[str, Style]]:
    """The characters of one ``capture-pane -e`` line, each with the style it is drawn in."""
    out: list[tuple[str, Style]] = []
    style, at = PLAIN, 0
    for m in SGR.finditer(line):
        out += [(c, style) for c in line[at : m.start()]]
        style = _apply(style, m.group(1).split(";") if m.group(1) else ["0"])
        at = m.end()
    out += [(c, style) for c in line[at:]]
    return out


def style_of(lines: list[list[tuple[str, Style]]], text: str) -> Style:
    """The style of the first character of ``text`` where it is on screen."""
    for line in lines:
        plain = "".join(c for c, _ in line)
        at = plain.find(text)
        if at >= 0:
            return line[at][1]
    pytest.fail(f"{text!r} is not on screen")


def track2_command() -> list[str]:
    script = Path(sys.executable).with_name("track2")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui"]


@pytest.fixture
def terminal(
    tmp_path: Path, isolated_user_folders: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[Terminal, Path]]:
    """track2 in a tmux session; a test parametrized indirectly passes extra environment.

    The curated library's index is there already (as after a first run), unless the test
    passes ``{"first_run": ""}``: then track2 builds it, as for a new user.
    """
    tmux = shutil.which("tmux")
    if tmux is None:
        pytest.fail(
            "tmux is not installed: the end-to-end test needs it "
            "(apt-get install tmux; .ci/run does this)"
        )
    socket = f"track2-test-{os.getpid()}-{secrets.token_hex(4)}"  # a server of its own
    term = Terminal(tmux, socket, "track2")
    extra = dict(getattr(request, "param", {}))
    if extra.pop("first_run", None) is None:
        seed_curated_index()
    env = {
        "TRACK2_CACHE_DIR": os.environ["TRACK2_CACHE_DIR"],
        "TRACK2_DATA_DIR": os.environ["TRACK2_DATA_DIR"],
        "TEXTUAL_ANIMATIONS": "none",
        **extra,
    }
    status = tmp_path / "exit-status"
    command = " ".join(shlex.quote(part) for part in track2_command())
    shell = (
        f"cd {shlex.quote(str(tmp_path))} && env "
        + " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        # Written beside, then renamed: the test never reads a file the shell has only opened.
        + f" {command}; echo $? > {shlex.quote(str(status))}.part"
        + f" && mv {shlex.quote(str(status))}.part {shlex.quote(str(status))}"
    )
    term.run(
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        "track2",
        "-x",
        str(WIDTH),
        "-y",
        str(HEIGHT),
        shell,
    )
    try:
        yield term, tmp_path
    finally:
        term.run("kill-server", check=False)


@pytest.mark.parametrize("terminal", [{"first_run": ""}], ids=["first-run"], indirect=True)
def test_a_new_user_finds_reads_briefs_exports_compares_and_quits(
    terminal: tuple[Terminal, Path],
) -> None:
    term, folder = terminal
    term.wait_for("Index ready", "cases from")
    term.keys("/")
    term.type("balloon")
    term.wait_for("results for balloon", "The Chinese high-altitude balloon incident")
    term.keys("Enter")
    term.wait_for("1/10 Overview", "Summary", "esc Back")
    term.keys("3")
    term.wait_for("3/10 Lessons", "Tags:")
    term.keys("b")
    term.wait_for("Added to the briefing")
    term.keys("w")
    term.wait_for("1 part", "UNOFFICIAL - NOT FOR ATTRIBUTION")
    term.keys("e")
    term.wait_for("Export the briefing", "HTML (.html)")
    term.keys("Enter")
    term.wait_for("Exported to")
    exported = list(folder.glob("*.html"))
    assert len(exported) == 1
    assert "balloon" in exported[0].read_text(encoding="utf-8").lower()
    term.keys("Escape")
    term.wait_for("3/10 Lessons")  # back on the case (see Terminal.keys on escapes)
    term.keys("Escape")
    term.wait_for("Index ready")
    term.keys("c")
    term.wait_for("Compare 'The Chinese high-altitude balloon")
    term.type("oslo back channel")
    term.keys("Enter")
    term.wait_for("Period", "Themes", "The Oslo back channel")
    term.keys("Escape")
    term.wait_for("Index ready")
    term.keys("?")
    term.wait_for("Find      / and type", "Brief     b: add the case")
    term.keys("Escape")
    term.wait_for("Index ready")
    term.keys("q")
    status = folder / "exit-status"
    deadline = time.monotonic() + 15
    while not status.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert status.exists(), term.screen()
    assert status.read_text().strip() == "0"


@pytest.mark.parametrize(
    "terminal",
    [
        {"TERM": "xterm-256color"},
        {"TERM": "xterm"},  # 16 colours
        {"TERM": "xterm-256color", "NO_COLOR": "1"},
    ],
    ids=["256-colours", "16-colours", "no-color"],
    indirect=True,
)
def test_the_current_part_and_the_entry_under_the_cursor_stand_out(
    terminal: tuple[Terminal, Path],
) -> None:
    """In the terminals people have (tmux and macOS Terminal offer 256 colours), the part on
    show in a case's side list and the entry under the cursor look unlike their neighbours,
    drawn from the escape codes the terminal received."""
    term, _ = terminal
    term.wait_for("Index ready", "cases from")
    term.keys("/")
    term.type("Pugwash Conferences")
    term.wait_for("results for Pugwash Conferences")
    term.keys("Enter")
    term.wait_for("1/10 Overview")
    term.keys("3")
    screen = term.wait_for("3/10 Lessons", "Tags:")
    lines = term.styled_screen()
    assert style_of(lines, "3 Lessons") != style_of(lines, "2 Timeline")
    # The first lesson is under the cursor; the second starts after the first blank line
    # of the part's text (right of the side list, below the part's title line).
    rows = screen.splitlines()
    top = next(n for n, row in enumerate(rows) if "3/10 Lessons" in row) + 1
    nav = rows[top].index("1 Overview") + len("Recommendations 3  ")
    body = [row[nav:].strip() for row in rows[top:]]
    first, second = body[0], body[body.index("") + 1]
    print(
        f"first {first!r}: {style_of(lines, first)}; second {second!r}: {style_of(lines, second)}"
    )
    assert first and second
    assert style_of(lines, first) != style_of(lines, second)
