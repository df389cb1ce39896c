"""Every speed target of the "fast at the size of a real library" issue, measured in one run.

    python tests/benchmarks/bench_targets.py [--cases 2000] [--runs 3]

Runs the three benchmarks on libraries of ``--cases`` synthetic cases shaped like the curated
ones, and prints one table: each target, what was measured, the ratio or time, and whether it
is met.

- ``bench_library``: ``search --json`` start-up against ``import whoosh.index``; ``list``,
  ``show`` and ``brief`` against the curated library;
- ``bench_tui``: rows on screen against a minimal Textual app's first frame, and the time to
  a case, the lessons explorer, the briefing builder, the glossary and compare;
  keystroke to results (p95);
- ``bench_search``: the full build against SQLite FTS5 loading and indexing the same YAML, and
  phrase queries (p95).

It takes several minutes (each library is written and indexed). Not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.benchmarks import bench_library, bench_search, bench_tui  # noqa: E402
from tests.unit.test_search_fixtures import synthetic_library  # noqa: E402

Row = tuple[str, str, float, float, bool]
"""(target, what was measured, the figure, its limit, met?)."""


def measure(cases: int, runs: int) -> list[Row]:
    """Every target, measured."""
    rows: list[Row] = []
    lib = bench_library.measure(cases, runs)
    ratios = lib["ratios"]
    rows.append(
        ("search --json start-up", "x import whoosh.index", ratios["search_vs_import"], 2.0, False)
    )
    for name in ("list", "show", "brief"):
        rows.append((f"{name} at {cases} cases", "x the curated library", ratios[name], 1.3, False))
    screens = bench_tui.bench_screens(cases, runs)
    minimal = screens["minimal app, first frame"]
    rows.append(
        ("rows on screen", "x minimal app", screens["track2 rows on screen"] / minimal, 1.5, False)
    )
    limits = {
        "case (enter)": 150.0,
        "lessons explorer (l)": 200.0,
        "briefing builder (w)": 200.0,
        "glossary (g)": 200.0,
        "compare (c, a case picked)": 200.0,
    }
    for name, limit in limits.items():
        rows.append((name, "ms", screens[name] * 1000, limit, False))
    keys = sorted(asyncio.run(bench_tui.keystrokes(cases)))
    rows.append(
        ("keystroke to results", "p95 ms", keys[int(len(keys) * 0.95) - 1] * 1000, 100.0, False)
    )
    work = Path(tempfile.mkdtemp(prefix="track2-targets-"))
    try:
        synthetic_library(work / "library", cases)
        whoosh, idx = bench_search.bench_whoosh(work / "library", work / "cache", runs)
        idx.close()
        fts = bench_search.bench_fts5(work / "library", work, runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows.append(("full build", "x SQLite FTS5", whoosh["build_s"] / fts["build_s"], 2.0, False))
    rows.append(("phrase query", "p95 ms", whoosh["queries"]["phrase"]["p95_ms"], 50.0, False))
    return [(t, what, value, limit, value <= limit) for t, what, value, limit, _ in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = measure(args.cases, args.runs)
    print(f"Targets at {args.cases} cases (medians of {args.runs} runs)")
    for target, what, value, limit, met in rows:
        verdict = "met" if met else "MISSED"
        print(f"  {target:<30} {value:8.2f} {what:<22} limit {limit:g}: {verdict}")


if __name__ == "__main__":
    main()
