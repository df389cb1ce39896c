"""End to end in a real terminal: start `track2` in tmux and use it as a new user would.

The story of the issue's "done when": find the balloon case by typing, read its lessons, add
it to a briefing, export the briefing to HTML, compare the case with the Oslo case, open help
and quit; every step is checked by reading the screen with ``tmux capture-pane``. tmux is
required (``.ci/run`` installs it with apt); without it the test fails and says so.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

WIDTH, HEIGHT = 100, 30


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
        """Send tmux key names (Enter, Escape, C-p...)."""
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


def track2_command() -> list[str]:
    script = Path(sys.executable).with_name("track2")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui"]


@pytest.fixture
def terminal(tmp_path: Path, isolated_user_folders: Path) -> Iterator[tuple[Terminal, Path]]:
    tmux = shutil.which("tmux")
    if tmux is None:
        pytest.fail(
            "tmux is not installed: the end-to-end test needs it "
            "(apt-get install tmux; .ci/run does this)"
        )
    socket = f"track2-test-{os.getpid()}"
    term = Terminal(tmux, socket, "track2")
    env = {
        "TRACK2_CACHE_DIR": os.environ["TRACK2_CACHE_DIR"],
        "TRACK2_DATA_DIR": os.environ["TRACK2_DATA_DIR"],
        "TEXTUAL_ANIMATIONS": "none",
    }
    status = tmp_path / "exit-status"
    command = " ".join(shlex.quote(part) for part in track2_command())
    shell = (
        f"cd {shlex.quote(str(tmp_path))} && env "
        + " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        + f" {command}; echo $? > {shlex.quote(str(status))}"
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
    term.keys("Escape", "Escape")
    term.wait_for("Index ready")
    term.keys("c")
    term.wait_for("Compare 'The Chinese high-altitude balloon")
    term.type("oslo back channel")
    term.keys("Enter")
    term.wait_for("Period", "Themes", "The Oslo back channel")
    term.keys("Escape", "?")
    term.wait_for("Find      / and type", "Brief     b: add the case")
    term.keys("Escape", "q")
    status = folder / "exit-status"
    deadline = time.monotonic() + 15
    while not status.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert status.exists(), term.screen()
    assert status.read_text().strip() == "0"
