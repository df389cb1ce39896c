"""The index on disk: incremental updates, crashes, stale locks, damage, unwritable caches."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import search_index.index as index_module
import search_index.manifest as manifest_module
from cases.library import LibraryDir
from search_index import SearchIndex
from search_index.locking import IndexLock
from search_index.manifest import MANIFEST
from search_index.store import CURRENT, index_home
from tests.conftest import REPO
from tests.unit.test_search_fixtures import (
    case_ids,
    count_parses,
    one_folder,
    synthetic_library,
    write_case,
)

_lib = one_folder


def test_first_open_builds_then_nothing_to_do(three: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with SearchIndex.open(_lib(three), cache) as idx:
        assert idx.last_update.rebuilt and idx.last_update.added == 3
        assert case_ids(idx, "zebra") == {"alpha-case"}
        assert not idx.in_memory and idx.notice is None
    with SearchIndex.open(_lib(three), cache) as again:
        assert not again.last_update.rebuilt and again.last_update.touched == 0


def test_edit_add_delete_then_search(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    SearchIndex.open(_lib(three), cache).close()
    parsed = count_parses(monkeypatch)
    write_case(three, "alpha-case", "Alpha talks", "Hippos crossed the river.")
    write_case(three, "delta-case", "Delta talks", "Walruses slept on ice.")
    (three / "gamma-case.yaml").unlink()
    os.utime(three / "beta-case.yaml")  # touched, not edited
    with SearchIndex.open(_lib(three), cache) as idx:
        stats = idx.last_update
        assert (stats.added, stats.changed, stats.removed) == (1, 1, 1)
        assert not stats.rebuilt
        assert sorted(parsed) == ["alpha-case.yaml", "delta-case.yaml"]
        assert case_ids(idx, "hippo") == {"alpha-case"}
        assert case_ids(idx, "zebra") == set()
        assert case_ids(idx, "walrus") == {"delta-case"}
        assert case_ids(idx, "pelican") == set()
        assert case_ids(idx, "giraffe") == {"beta-case"}
        # The same again in the same process, through update().
        write_case(three, "beta-case", "Beta talks", "Okapis ate the leaves.")
        again = idx.update()
        assert (again.added, again.changed, again.removed) == (0, 1, 0)
        assert case_ids(idx, "okapi") == {"beta-case"}


def test_user_folder_overrides_and_falls_back(tmp_path: Path) -> None:
    base, user = tmp_path / "base", tmp_path / "user"
    base.mkdir()
    user.mkdir()
    write_case(base, "shared-case", "Shared", "The original walrus text.")
    override = write_case(user, "shared-case", "Shared", "The user's narwhal text.")
    dirs = [LibraryDir(base, "base"), LibraryDir(user, "user")]
    cache = tmp_path / "cache"
    with SearchIndex.open(dirs, cache) as idx:
        assert case_ids(idx, "narwhal") == {"shared-case"} and case_ids(idx, "walrus") == set()
        assert idx.cases()[0].origin == "user"
        override.unlink()
        assert idx.update().changed == 1
        assert case_ids(idx, "walrus") == {"shared-case"}
        assert idx.cases()[0].origin == "base"


def test_invalid_file_is_a_problem_not_a_failure(three: Path, tmp_path: Path) -> None:
    (three / "broken-case.yaml").write_text("id: broken-case\ntitle: [unclosed\n")
    with SearchIndex.open(_lib(three), tmp_path / "cache") as idx:
        assert len(idx.cases()) == 3
        assert [p.path for p in idx.problems] == [str((three / "broken-case.yaml").resolve())]
        write_case(three, "broken-case", "Mended", "Now a valid ostrich case.")
        assert idx.update().added == 1
        assert idx.problems == []
        assert case_ids(idx, "ostrich") == {"broken-case"}


def test_schema_change_rebuilds(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    SearchIndex.open(_lib(three), cache).close()
    monkeypatch.setattr(manifest_module, "SCHEMA_VERSION", 999)
    with SearchIndex.open(_lib(three), cache) as idx:
        assert idx.last_update.rebuilt
        assert case_ids(idx, "zebra") == {"alpha-case"}


def test_progress_is_reported_up_to_total(three: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    SearchIndex.open(_lib(three), tmp_path / "cache", progress=lambda d, t: calls.append((d, t)))
    assert calls and calls[-1][0] == calls[-1][1] == 6
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def _hold_lock_then_die(home: Path) -> None:
    """A child process takes the index lock and is SIGKILLed while holding it."""
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from search_index.locking import IndexLock\n"
        "lock = IndexLock(Path(sys.argv[1]))\n"
        "lock.acquire()\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(home)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)


def test_stale_lock_of_a_killed_process_is_recovered(three: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    home = index_home(_lib(three), cache)
    home.mkdir(parents=True)
    _hold_lock_then_die(home)
    assert (home / "lock").read_text().strip().isdigit()  # the dead process's pid is left
    started = time.monotonic()
    with SearchIndex.open(_lib(three), cache) as idx:
        assert time.monotonic() - started < 10
        assert not idx.in_memory and case_ids(idx, "zebra") == {"alpha-case"}


def test_a_held_lock_makes_the_second_opener_wait_then_go_to_memory(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    home = index_home(_lib(three), cache)
    home.mkdir(parents=True)
    # store.py passes LOCK_WAIT to IndexLock explicitly: shorten that, not the default.
    monkeypatch.setattr("search_index.store.LOCK_WAIT", 0.3)
    with IndexLock(home):
        idx = SearchIndex.open(_lib(three), cache)
    assert idx.in_memory and idx.notice and "in memory" in idx.notice
    assert case_ids(idx, "zebra") == {"alpha-case"}


def _kill_mid_way(lib: Path, cache: Path) -> None:
    """Run an open in a child, SIGKILL it once it reports a quarter of the work done (of 60
    cases: three quarters, about half a second of work, are left when the kill lands)."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from cases.library import LibraryDir\n"
        "from search_index import SearchIndex\n"
        "said = False\n"
        "def progress(done, total):\n"
        "    global said\n"
        "    if not said and total and done * 4 >= total:\n"
        "        said = True\n"
        "        print('working', flush=True)\n"
        "lib = Path(sys.argv[1])\n"
        "SearchIndex.open([LibraryDir(lib, str(lib))], Path(sys.argv[2]), progress=progress)\n"
        "print('finished', flush=True)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(lib), str(cache)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "working"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)


def test_build_killed_mid_way_leaves_a_usable_index(tmp_path: Path) -> None:
    lib, cache = tmp_path / "lib", tmp_path / "cache"
    synthetic_library(lib, 60)
    _kill_mid_way(lib, cache)
    with SearchIndex.open(_lib(lib), cache) as idx:
        assert idx.last_update.rebuilt
        assert len(idx.cases()) == 60
        assert idx.search("kind:case", limit=1).total == 60
    home = index_home(_lib(lib), cache)
    assert sorted(p.name for p in home.iterdir()) == [CURRENT, "lock"]


def test_update_killed_mid_way_is_redone(tmp_path: Path) -> None:
    lib, cache = tmp_path / "lib", tmp_path / "cache"
    synthetic_library(lib, 60)
    SearchIndex.open(_lib(lib), cache).close()
    synthetic_library(lib, 60, seed=1)  # same ids, new words: every case changed
    write_case(lib, "synthetic-case-00007", "Changed", "A capybara appears.")
    _kill_mid_way(lib, cache)
    with SearchIndex.open(_lib(lib), cache) as idx:
        assert idx.last_update.changed == 60
        assert len(idx.cases()) == 60
        assert case_ids(idx, "capybara") == {"synthetic-case-00007"}


def _index_files(three: Path, cache: Path) -> Path:
    return index_home(_lib(three), cache) / CURRENT


def test_garbage_in_an_index_file_rebuilds(three: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    SearchIndex.open(_lib(three), cache).close()
    folder = _index_files(three, cache)
    biggest = max(
        (p for p in folder.iterdir() if p.name != MANIFEST), key=lambda p: p.stat().st_size
    )
    data = bytearray(biggest.read_bytes())
    data[len(data) // 3 : len(data) // 3 + 64] = os.urandom(64)
    biggest.write_bytes(bytes(data))
    with SearchIndex.open(_lib(three), cache) as idx:
        assert idx.last_update.rebuilt
        assert case_ids(idx, "zebra") == {"alpha-case"}


def test_garbage_behind_an_unchanged_stat_is_caught_on_open(three: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    SearchIndex.open(_lib(three), cache).close()
    folder = _index_files(three, cache)
    toc = next(p for p in folder.iterdir() if p.suffix == ".toc")
    st = toc.stat()
    toc.write_bytes(os.urandom(st.st_size))
    os.utime(toc, ns=(st.st_atime_ns, st.st_mtime_ns))
    with SearchIndex.open(_lib(three), cache) as idx:
        assert idx.last_update.rebuilt
        assert case_ids(idx, "giraffe") == {"beta-case"}


def test_truncated_index_and_bad_manifest_rebuild(three: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    SearchIndex.open(_lib(three), cache).close()
    folder = _index_files(three, cache)
    seg = max(folder.iterdir(), key=lambda p: p.stat().st_size)
    with seg.open("r+b") as f:
        f.truncate(seg.stat().st_size // 2)
    with SearchIndex.open(_lib(three), cache) as idx:
        assert idx.last_update.rebuilt
    (folder / MANIFEST).write_text("{not json")
    with SearchIndex.open(_lib(three), cache) as idx:
        assert idx.last_update.rebuilt and case_ids(idx, "pelican") == {"gamma-case"}
    data = json.loads((folder / MANIFEST).read_text())
    assert set(data["indexed"]) == {"alpha-case", "beta-case", "gamma-case"}


def test_a_read_error_while_searching_is_recovered(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    idx = SearchIndex.open(_lib(three), tmp_path / "cache")
    real = index_module.run_search
    failures = iter([OSError("segment went away"), ValueError("bad block")])

    def flaky(*args, **kwargs):
        failure = next(failures, None)
        if failure is not None:
            raise failure
        return real(*args, **kwargs)

    monkeypatch.setattr(index_module, "run_search", flaky)
    result = idx.search("zebra")
    assert result.error is None and [h.case_id for h in result.hits] == ["alpha-case"]
    assert idx.last_update.rebuilt  # the second failure made it rebuild
    idx.close()


def test_unwritable_cache_builds_in_memory_and_says_so(three: Path, tmp_path: Path) -> None:
    # A cache "folder" under a regular file cannot be created, even by root (CI runs as root,
    # where chmod does not stop writes).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with SearchIndex.open(_lib(three), blocker / "cache") as idx:
        assert idx.in_memory and idx.home is None
        assert idx.notice is not None and "in memory" in idx.notice
        assert case_ids(idx, "zebra") == {"alpha-case"}
        write_case(three, "delta-case", "Delta", "Walruses slept.")
        assert idx.update().added == 1
        assert case_ids(idx, "walrus") == {"delta-case"}


def test_read_only_index_is_used_while_current(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    SearchIndex.open(_lib(three), cache).close()

    def refuse(self: IndexLock, on_wait: object = None) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(IndexLock, "acquire", refuse)
    with SearchIndex.open(_lib(three), cache) as idx:
        assert not idx.in_memory and idx.notice is None
        assert case_ids(idx, "zebra") == {"alpha-case"}
    write_case(three, "delta-case", "Delta", "Walruses slept.")
    with SearchIndex.open(_lib(three), cache) as idx:
        assert idx.in_memory and idx.notice and "Permission denied" in idx.notice
        assert case_ids(idx, "walrus") == {"delta-case"}


def test_two_processes_at_once(tmp_path: Path) -> None:
    lib, cache = tmp_path / "lib", tmp_path / "cache"
    synthetic_library(lib, 60)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from cases.library import LibraryDir\n"
        "from search_index import SearchIndex\n"
        "lib = Path(sys.argv[1])\n"
        "idx = SearchIndex.open([LibraryDir(lib, str(lib))], Path(sys.argv[2]))\n"
        "print(len(idx.cases()), idx.in_memory, idx.search('kind:lesson').total)\n"
    )
    children = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(lib), str(cache)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [c.communicate(timeout=120) for c in children]
    assert [out.split() for out, _ in outputs] == [["60", "False", "180"]] * 3, outputs
    with SearchIndex.open(_lib(lib), cache) as idx:
        assert not idx.last_update.rebuilt and idx.last_update.touched == 0
