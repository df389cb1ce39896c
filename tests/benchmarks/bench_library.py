"""Commands at the size of a real library: whole-process timings and the ratios #12 asks for.

    python tests/benchmarks/bench_library.py [--cases 2000] [--runs 5] [--json]

Writes a synthetic library of N cases shaped like the curated ones into a temporary folder,
builds its index once, then times (median of --runs whole processes, bytecode already
compiled) on the curated library and on curated + N:

- ``track2 search trust --json`` against ``python -c "import whoosh.index"``;
- ``track2 list``, ``show ID`` and ``brief ID`` against their own time on the curated library.

It prints each figure and ratio with its target. Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.unit.test_search_fixtures import synthetic_library  # noqa: E402

BRIEFING = "trust-and-political-barriers-china-west"
TARGETS = {"search_vs_import": 2.0, "list": 1.3, "show": 1.3, "brief": 1.3}


def _median(cmd: list[str], env: dict[str, str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def _track2(*args: str) -> list[str]:
    return [sys.executable, "-m", "tui", *args]


def measure(cases: int, runs: int) -> dict[str, Any]:
    """Every figure, in seconds, and the ratios."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        synthetic_library(root / "lib", cases)
        env = dict(
            os.environ, TRACK2_CACHE_DIR=str(root / "cache"), TRACK2_DATA_DIR=str(root / "data")
        )
        env.pop("TRACK2_LIBRARY", None)
        big = ["--library", str(root / "lib")]
        # Warm both indexes (and the bytecode) before timing anything.
        for extra in ([], big):
            subprocess.run(_track2(*extra, "index"), env=env, capture_output=True, check=True)
        out: dict[str, Any] = {"cases": cases, "runs": runs}
        out["import_whoosh_s"] = _median([sys.executable, "-c", "import whoosh.index"], env, runs)
        out["search_json_s"] = _median(_track2(*big, "search", "trust", "--json"), env, runs)
        for name, args in (
            ("list", ["list"]),
            ("show", ["show", "oslo-back-channel"]),
            ("brief", ["brief", BRIEFING, "--format", "text"]),
        ):
            out[f"{name}_curated_s"] = _median(_track2(*args), env, runs)
            out[f"{name}_large_s"] = _median(_track2(*big, *args), env, runs)
        ratios = {
            "search_vs_import": out["search_json_s"] / out["import_whoosh_s"],
            **{n: out[f"{n}_large_s"] / out[f"{n}_curated_s"] for n in ("list", "show", "brief")},
        }
        out["ratios"] = {k: round(v, 2) for k, v in ratios.items()}
        out["met"] = {k: v <= TARGETS[k] for k, v in ratios.items()}
        return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = measure(args.cases, args.runs)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"library: curated + {report['cases']} synthetic cases; median of {report['runs']} runs")
    print(f"python -c 'import whoosh.index'   {report['import_whoosh_s']:.3f} s")
    print(f"track2 search trust --json        {report['search_json_s']:.3f} s")
    for name in ("list", "show", "brief"):
        print(
            f"track2 {name:<6} curated {report[f'{name}_curated_s']:.3f} s, "
            f"large {report[f'{name}_large_s']:.3f} s"
        )
    for key, ratio in report["ratios"].items():
        verdict = "met" if report["met"][key] else "MISSED"
        print(f"ratio {key:<17} {ratio:>5.2f}x  (target {TARGETS[key]}x: {verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
