"""PA-X import at the size of the real database: the figures #13 asks for, as ratios.

    python tests/benchmarks/bench_pax.py [--rows 2300] [--runs 3]

Makes a synthetic full export of N rows from the fixture's five (new ids, processes and
dates; the real column names, invented values), then measures:

- ``track2 agreements import FILE`` as a whole process (reading, checking, storing and
  updating the search index of the curated library): target under 30 s;
- the index update that import triggers, against a full build of an index holding the same
  agreements and nothing else: target within 1.5x;
- a search over cases and agreements together (p95 of 50 type-ahead queries): target 100 ms.

It prints each figure with its target. Not part of the test run.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

FIXTURE = REPO / "tests" / "fixtures" / "pax" / "pax-synthetic.csv"
QUERIES = ["gen", "gender", "gender rur", "ceasefire", "grau", "border prot", "mindanao", "trust"]


def synthetic_export(rows: int, target: Path) -> None:
    """``rows`` agreements cycling the fixture's rows, each with its own id, process, date."""
    table = list(csv.reader(io.StringIO(FIXTURE.read_text(encoding="utf-8"))))
    header, body = table[0], table[1:]
    at = {name: n for n, name in enumerate(header)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for n in range(rows):
        row = list(body[n % len(body)])
        row[at["AgtId"]] = str(100_000 + n)
        row[at["PP"]] = str(9000 + n % 250)
        row[at["PPName"]] = f"Synthetic process {n % 250}"
        row[at["Agt"]] = f"{row[at['Agt']]} no. {n}"
        row[at["Dat"]] = f"{1990 + n % 34}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        writer.writerow(row)
    target.write_text(out.getvalue(), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from cases.dirs import CURATED, LibraryDir, curated_dir
    from search_index import SearchIndex

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        csv_path = base / "pax.csv"
        synthetic_export(args.rows, csv_path)
        env = dict(os.environ, TRACK2_DATA_DIR=str(base / "data"), TRACK2_CACHE_DIR=str(base / "c"))
        os.environ.update(env)
        curated = [LibraryDir(curated_dir(), CURATED)]
        SearchIndex.open(curated).close()  # the curated index exists before the import

        imports = []
        for _ in range(args.runs):
            started = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "tui", "agreements", "import", str(csv_path), "--json"],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            imports.append(time.perf_counter() - started)
            if proc.returncode:
                print(proc.stderr)
                return 1
        import_s = statistics.median(imports)

        # The update an import triggers, then a full build of the same documents alone.
        from cases.pax import store_path

        updates, builds = [], []
        empty = base / "empty"
        empty.mkdir()
        for _ in range(args.runs):
            os.utime(store_path())  # a new signature: the agreements are indexed again
            started = time.perf_counter()
            SearchIndex.open(curated).close()
            updates.append(time.perf_counter() - started)
            started = time.perf_counter()
            SearchIndex.open([LibraryDir(empty, "user")], rebuild=True).close()
            builds.append(time.perf_counter() - started)
        update_s, build_s = statistics.median(updates), statistics.median(builds)

        with SearchIndex.open(curated) as idx:
            times = []
            for _ in range(50 // len(QUERIES) + 1):
                for q in QUERIES:
                    started = time.perf_counter()
                    idx.search(q, typeahead=True, limit=50)
                    times.append(time.perf_counter() - started)
            times.sort()
            p95 = times[int(len(times) * 0.95)]
            total = idx.stats()["by_kind"]["agreement"]

    print(f"agreements indexed: {total}")
    print(f"import {args.rows} rows (whole process): {import_s:.2f} s   target < 30 s")
    print(
        f"index update after import: {update_s:.2f} s; full build of the same {total} "
        f"documents: {build_s:.2f} s; ratio {update_s / build_s:.2f}x   target <= 1.5x"
    )
    print(f"type-ahead search over cases and agreements, p95: {p95 * 1000:.0f} ms   target 100 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
