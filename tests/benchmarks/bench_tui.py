"""How fast the explorer starts and answers, measured the way a user feels it.

    python tests/benchmarks/bench_tui.py [--runs 7] [--cases 1000]

1. First frame: time from starting the process (in a pseudo-terminal, 100x30) until the
   first screen is on the terminal, for a minimal Textual app (header, 20-item list,
   footer) and for ``track2`` with its index already built and with no index yet (so it
   must build one). Targets: 1.3x and 1.6x the minimal app.
2. Keystroke to results: in a library of ``--cases`` cases (the curated ones copied under
   new ids), the time from a key press in the search box to the frame that shows its
   results. Target: 100 ms.

3. Screens at size: in a library of ``--cases`` cases plus the curated ones, driven in a
   100x30 pseudo-terminal as a user would: the first frame and the case rows on screen
   (against the minimal app's first frame; target 1.5x), then each key to its screen on
   the terminal: a case (``enter``, target 150 ms), the lessons explorer (``l``), the
   briefing builder (``w``), the glossary (``g``) and compare (``c``, then a case picked;
   targets 200 ms).

Prints a table of medians; not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Footer, Header, OptionList


class Minimal(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Header()
        yield OptionList(*[f"item {n}" for n in range(20)])
        yield Footer()


Minimal().run()
"""


def first_frame(
    command: list[str], marker: str, env: dict[str, str], timeout: float = 30.0
) -> float:
    """Seconds from spawning ``command`` in a 100x30 pty until ``marker`` is written."""
    term = Pty(command, env, 30, 100)
    try:
        return term.wait(marker, timeout)
    except RuntimeError:
        return float("nan")
    finally:
        term.close()


ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\x1b[=>]")


class Pty:
    """A command in a pseudo-terminal: keys in, and the time until text shows on it."""

    def __init__(self, command: list[str], env: dict[str, str], rows: int, cols: int) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            close_fds=True,
            start_new_session=True,
        )
        os.close(slave)
        self.seen = b""
        self.sent = self.started

    def send(self, keys: bytes) -> None:
        """Type ``keys``; what shows from now on is what they caused."""
        self.seen = b""
        self.sent = time.perf_counter()
        os.write(self.master, keys)

    def wait(self, marker: str, timeout: float = 30.0) -> float:
        """Seconds from the last ``send`` (or the start) until ``marker`` is on the terminal."""
        wanted = marker.encode()
        while time.perf_counter() - self.sent < timeout:
            ready, _, _ = select.select([self.master], [], [], 0.02)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if b"\x1b[6n" in chunk:  # answer a cursor position query, as a terminal does
                os.write(self.master, b"\x1b[1;1R")
            self.seen += chunk
            if wanted in ESCAPES.sub(b"", self.seen):
                return time.perf_counter() - self.sent
        raise RuntimeError(f"{marker!r} never showed; the terminal shows {self.seen[-400:]!r}")

    def settle(self, quiet: float = 0.3) -> None:
        """Read until the terminal has been quiet for ``quiet`` seconds."""
        last = time.perf_counter()
        while time.perf_counter() - last < quiet:
            ready, _, _ = select.select([self.master], [], [], 0.02)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    return
                if b"\x1b[6n" in chunk:
                    os.write(self.master, b"\x1b[1;1R")
                last = time.perf_counter()

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self.master)


SCREENS: list[tuple[str, bytes, str]] = [
    ("case (enter)", b"\r", "1/10 Overview"),
    ("lessons explorer (l)", b"l", "Lessons, challenges and recommendations"),
    ("briefing builder (w)", b"w", "Working briefing"),
    ("glossary (g)", b"g", "Glossary"),
]
"""(what, key, text that shows when its screen is on the terminal)."""


def bench_screens(cases: int, runs: int) -> dict[str, float]:
    """Median seconds: first frame, rows on screen, and each key to its screen."""
    work = Path(tempfile.mkdtemp(prefix="track2-screens-"))
    lib = work / "library"
    lib.mkdir()
    make_library(lib, cases)
    minimal = work / "minimal.py"
    minimal.write_text(MINIMAL_APP, encoding="utf-8")
    env = dict(
        os.environ,
        TEXTUAL_ANIMATIONS="none",
        TERM="xterm-256color",
        TRACK2_CACHE_DIR=str(work / "cache"),
        TRACK2_DATA_DIR=str(work / "data"),
    )
    env.pop("TRACK2_LIBRARY", None)
    track2 = [str(Path(sys.executable).with_name("track2")), "--library", str(lib)]
    subprocess.run([*track2, "index"], env=env, capture_output=True, check=True)
    results: dict[str, list[float]] = {"minimal app, first frame": []}
    for _ in range(runs):
        results["minimal app, first frame"].append(
            first_frame([sys.executable, str(minimal)], "item 19", env)
        )
        term = Pty(track2, env, 30, 100)
        try:
            results.setdefault("track2 first frame", []).append(
                term.wait("Search cases and lessons")
            )
            # The first row by period: the curated Pugwash case (1955).
            results.setdefault("track2 rows on screen", []).append(term.wait("Pugwash"))
            term.wait("Index ready")
            term.settle()
            for name, key, marker in SCREENS:
                term.send(key)
                results.setdefault(name, []).append(term.wait(marker))
                term.settle()
                term.send(b"\x1b")
                term.wait("Search cases and lessons")
                term.settle()
            term.send(b"c")
            term.wait("Compare '")
            term.settle()
            term.send(b"oslo back channel")
            term.wait("The Oslo back channel")
            term.settle()
            term.send(b"\r")
            results.setdefault("compare (c, a case picked)", []).append(term.wait("Themes"))
        finally:
            term.close()
    shutil.rmtree(work, ignore_errors=True)
    return {k: statistics.median(v) for k, v in results.items()}


def bench_first_frame(runs: int) -> dict[str, float]:
    """Median first-frame seconds: minimal app, track2 with index, track2 building one."""
    work = Path(tempfile.mkdtemp(prefix="track2-bench-"))
    minimal = work / "minimal.py"
    minimal.write_text(MINIMAL_APP, encoding="utf-8")
    base = dict(os.environ, TEXTUAL_ANIMATIONS="none", TERM="xterm-256color")
    base.pop("TRACK2_LIBRARY", None)
    track2 = [str(Path(sys.executable).with_name("track2"))]
    built = dict(base, TRACK2_CACHE_DIR=str(work / "cache"), TRACK2_DATA_DIR=str(work / "data"))
    subprocess.run([*track2, "index"], env=built, capture_output=True, check=True)
    marker = "Search cases and lessons"
    results: dict[str, list[float]] = {
        "minimal": [],
        "track2 (index built)": [],
        "track2 (no index)": [],
    }
    for n in range(runs):
        results["minimal"].append(first_frame([sys.executable, str(minimal)], "item 19", base))
        results["track2 (index built)"].append(first_frame(track2, marker, built))
        fresh = dict(
            base, TRACK2_CACHE_DIR=str(work / f"fresh-{n}"), TRACK2_DATA_DIR=str(work / "data")
        )
        results["track2 (no index)"].append(first_frame(track2, marker, fresh))
    shutil.rmtree(work, ignore_errors=True)
    return {k: statistics.median(v) for k, v in results.items()}


def make_library(folder: Path, count: int) -> None:
    """``count`` case files: the curated cases copied under new ids and titles."""
    curated = sorted((REPO / "cases" / "curated").glob("*.yaml"))
    for n in range(count):
        src = curated[n % len(curated)]
        text = src.read_text(encoding="utf-8")
        new_id = f"{src.stem}-copy-{n}"
        text = re.sub(r"(?m)^id: .*$", f"id: {new_id}", text, count=1)
        suffix = f" (copy {n})"

        def retitle(m: re.Match[str], suffix: str = suffix) -> str:
            return f'title: "{m.group(1)}{suffix}"'

        text = re.sub(r'(?m)^title: "?(.*?)"?$', retitle, text, count=1)
        (folder / f"{new_id}.yaml").write_text(text, encoding="utf-8")


async def keystrokes(count: int) -> list[float]:
    """Seconds from each key press to the frame showing its results, typing real queries."""
    from cases.library import LibraryDir
    from tui.app import create_app
    from tui.screens.library import LibraryScreen

    work = Path(tempfile.mkdtemp(prefix="track2-keys-"))
    lib = work / "library"
    lib.mkdir()
    make_library(lib, count)
    os.environ["TRACK2_DATA_DIR"] = str(work / "data")
    dirs = [LibraryDir(lib, "bench")]
    from search_index import SearchIndex, SearchResult

    SearchIndex.open(dirs, cache_root=work / "cache").close()  # build once, not timed
    app = create_app(dirs, cache_root=work / "cache")
    shown: list[float] = []
    original = LibraryScreen._show_result

    def timed(self: LibraryScreen, ticket: int, result: SearchResult, cursor: int = 0) -> None:
        original(self, ticket, result, cursor)
        if self._latest.is_newest(ticket):
            self.call_after_refresh(lambda: shown.append(time.perf_counter()))

    LibraryScreen._show_result = timed  # type: ignore[method-assign]
    latencies: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        while not app.data.ready:
            await pilot.pause(0.05)
        await pilot.press("slash")
        for query in (
            "trust",
            "back channel",
            "nuclear dialogue",
            "balloon",
            "negotiation",
            "human rights",
            "oslo",
            "confidential",
            "crisis hotline",
            "academic",
        ):
            await pilot.press("ctrl+u")
            await app.workers.wait_for_complete()
            for char in query:
                before = len(shown)
                start = time.perf_counter()
                await pilot.press(char)
                while len(shown) == before and time.perf_counter() - start < 2:
                    await asyncio.sleep(0.001)
                await app.workers.wait_for_complete()
                if len(shown) > before:
                    latencies.append(shown[before] - start)
    LibraryScreen._show_result = original  # type: ignore[method-assign]
    shutil.rmtree(work, ignore_errors=True)
    return latencies


def main() -> None:
    """Run both benchmarks and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="start-up runs per variant")
    parser.add_argument("--cases", type=int, default=1000, help="library size for typing")
    parser.add_argument("--only", choices=("startup", "keys", "screens"), help="run one benchmark")
    parser.add_argument(
        "--screen-cases", type=int, default=2000, help="library size for the screens benchmark"
    )
    args = parser.parse_args()
    if args.only in (None, "screens"):
        timed = bench_screens(args.screen_cases, max(3, args.runs // 2))
        minimal = timed["minimal app, first frame"]
        print(f"Screens at {args.screen_cases} cases + curated (median, 100x30 pty):")
        for name, seconds in timed.items():
            ratio = (
                f"   {seconds / minimal:4.2f}x minimal" if "frame" in name or "rows" in name else ""
            )
            print(f"  {name:<28} {seconds * 1000:7.0f} ms{ratio}")
        if args.only == "screens":
            return
    if args.only != "keys":
        frames = bench_first_frame(args.runs)
        minimal = frames["minimal"]
        print(f"First frame (median of {args.runs}, 100x30 pty):")
        for name, seconds in frames.items():
            print(f"  {name:<22} {seconds * 1000:7.0f} ms   {seconds / minimal:4.2f}x minimal")
    if args.only == "startup":
        return
    lat = sorted(asyncio.run(keystrokes(args.cases)))
    p95 = lat[int(len(lat) * 0.95) - 1]
    print(
        f"Keystroke to results at {args.cases} cases ({len(lat)} keys): "
        f"median {statistics.median(lat) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"max {lat[-1] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
