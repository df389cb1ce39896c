"""A killed build leaves nothing running and nothing locked; a lock held by a dead owner's
heir is recovered; waiting for a live builder says what it waits for."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import search_index.store as store_module
from cases.dirs import default_library_dirs
from search_index import SearchIndex
from search_index.store import index_home
from tests.conftest import curated_index_into, run_cli, seed_curated_index
from tests.unit.test_search_fixtures import synthetic_library

pytestmark = pytest.mark.long


def _lock_pid(lock: Path) -> int | None:
    try:
        text = lock.read_text(encoding="ascii").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_build_leaves_no_process_and_no_lock(
    tmp_path: Path, isolated_user_folders: Path, sig: signal.Signals
) -> None:
    seed_curated_index()  # what the search after the kill starts from, as after a first run
    lib = tmp_path / "big"
    synthetic_library(lib, 30)  # rebuilt with the curated 56: about 2.5 s, so killed mid-way
    dirs = default_library_dirs([lib], env=False)
    home = index_home(dirs, Path(os.environ["TRACK2_CACHE_DIR"]))
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--library", str(lib), "index", "--rebuild"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while _lock_pid(home / "lock") != proc.pid and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _lock_pid(home / "lock") == proc.pid, "the build never took the lock"
    time.sleep(0.5)  # well into the build
    os.kill(proc.pid, sig)
    proc.wait(timeout=30)
    time.sleep(0.2)
    assert not _group_alive(proc.pid), "a process of the killed build is still running"
    after = run_cli("--library", str(lib), "search", "summary", "--limit", "1")
    assert after.returncode == 0, after.stderr
    assert "memory" not in after.stderr and "waiting" not in after.stderr


HOLDER = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
fcntl.flock(fd, fcntl.LOCK_EX)
os.ftruncate(fd, 0)
os.write(fd, (sys.argv[2] + "\\n").encode())
print("held", flush=True)
time.sleep(60)
"""


def _hold(lock: Path, pid_written: int) -> subprocess.Popen[str]:
    lock.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock), str(pid_written)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


def test_a_lock_whose_owner_is_dead_is_recovered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "LOCK_WAIT", 20.0)
    lib = tmp_path / "lib"
    synthetic_library(lib, 3)
    dirs = default_library_dirs([lib], env=False)
    cache = tmp_path / "cache"
    curated_index_into(cache)  # the index beneath this one, as after a first run
    holder = _hold(index_home(dirs, cache) / "lock", _dead_pid())
    try:
        started = time.monotonic()
        idx = SearchIndex.open(dirs, cache_root=cache)
        waited = time.monotonic() - started
        assert idx.notice is None and idx.home is not None
        assert idx.search("summary").hits
        idx.close()
    finally:
        holder.kill()
        holder.wait()
    assert waited < 15  # recovered, not timed out (the wait limit is 20 s)


def test_waiting_for_a_live_builder_says_who(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "LOCK_WAIT", 0.5)
    lib = tmp_path / "lib"
    synthetic_library(lib, 3)
    dirs = default_library_dirs([lib], env=False)
    cache = tmp_path / "cache"
    lock = index_home(dirs, cache) / "lock"
    holder = _hold(lock, os.getppid())  # a live pid that is not ours
    waits: list[int | None] = []
    try:
        idx = SearchIndex.open(dirs, cache_root=cache, on_wait=waits.append)
    finally:
        holder.kill()
        holder.wait()
    assert waits == [os.getppid()]
    assert idx.home is None and idx.notice is not None
    assert f"track2 process {os.getppid()}" in idx.notice
    assert idx.search("summary").hits  # still answers, from memory
    idx.close()


def test_rebuild_into_an_unwritable_cache_is_not_success(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    env = {"TRACK2_CACHE_DIR": str(blocker / "cache")}
    result = run_cli("index", "--rebuild", env=env)
    assert result.returncode == 1
    assert "nothing was saved" in result.stderr
    assert run_cli("index", "--rebuild", "--in-memory-ok", env=env).returncode == 0
