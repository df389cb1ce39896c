"""Shared fixtures: every test runs with its own cache and data folders and no user library."""

from __future__ import annotations

import gc
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CURATED = REPO / "cases" / "curated"

# This machine sets PYTHONDONTWRITEBYTECODE, which also stops pytest from keeping the test
# modules it rewrote for its assert messages: every worker of every run rewrote all of them
# again (about 1.5 s a worker). Compiled files are ignored by git.
sys.dont_write_bytecode = False

# Collect garbage less often than Python's default (700, 10, 10): a worker's heap holds
# pytest, Textual, Whoosh and hypothesis, and every full collection walks all of it. With
# the defaults, collections took 14% of the Pilot tests' time (5.9 s of 43 s for two files,
# 4.7 s of it full collections); with these 2.3 s (0.7 s), for 35 MB more memory a worker.
gc.set_threshold(10_000, 10, 10)

_TEMPLATE: list[Path] = []
"""The folder of the run's prebuilt index of the curated library (built on first use)."""
_SHARED: list[Path] = []
"""A folder every worker of this run sees (set by the ``run_folder`` fixture)."""


@pytest.fixture(scope="session", autouse=True)
def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder that every worker of this run shares (the curated index is built there)."""
    root = tmp_path_factory.getbasetemp()
    shared = root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root
    _SHARED[:] = [shared]
    return shared


@pytest.fixture(autouse=True)
def isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point the cache and data folders at fresh temp folders; drop TRACK2_LIBRARY."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("TRACK2_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("TRACK2_DATA_DIR", str(base / "data"))
    monkeypatch.delenv("TRACK2_LIBRARY", raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    yield base


@pytest.fixture
def user_library(tmp_path: Path) -> Path:
    """An empty folder to put user case files in."""
    folder = tmp_path / "library"
    folder.mkdir()
    return folder


@pytest.fixture
def copy_case(user_library: Path):
    """Copy a curated case into the user library (optionally under a new file name)."""

    def copy(case_id: str, name: str | None = None) -> Path:
        dest = user_library / f"{name or case_id}.yaml"
        shutil.copy(CURATED / f"{case_id}.yaml", dest)
        return dest

    return copy


def run_cli(
    *args: str,
    env: dict[str, str] | None = None,
    input: str | None = None,
    cwd: Path | None = None,
    process: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run ``track2 ARGS`` piped (so no colour) and capture its output and exit code.

    By default the command runs in this process, through ``tui.cli.main`` with its own
    environment, standard streams and working folder, which is ten times faster than a new
    interpreter. ``process=True`` runs ``python -m tui`` in a real subprocess: for what only a
    process shows (packaging, signals, an interpreter's exit code, a real pipe).
    """
    seed_curated_index()
    if process:
        return _run_process(args, env, input, cwd)
    return _run_in_process(args, env, input, cwd)


def seed_curated_index() -> None:
    """Give a test's empty cache folder a copy of the curated library's index.

    Building it takes a second or two; every CLI test would otherwise build its own. Only an
    empty cache is seeded, so a test that prepares its cache (or runs a second command) sees
    exactly what the commands left; an index for other folders (``--library``) is built as
    usual (from the curated one beneath it), and one for the curated library is updated as
    usual if a curated file changed.
    """
    if not os.environ.get("TRACK2_NO_SEED"):
        curated_index_into(Path(os.environ["TRACK2_CACHE_DIR"]))


def curated_index_into(cache: Path) -> None:
    """Make ``cache`` a copy of the run's index of the curated library, unless it exists."""
    if cache.exists():
        return
    if not _TEMPLATE:
        _TEMPLATE.append(_shared_template())
    shutil.copytree(_TEMPLATE[0], cache)


def _shared_template() -> Path:
    """The curated library's index, built by whichever worker of the run needs it first."""
    import fcntl

    root = _SHARED[0]
    template, done = root / "curated-index", root / "curated-index.done"
    with open(root / "curated-index.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the others wait for the one building it
        if not done.exists():
            shutil.rmtree(template, ignore_errors=True)
            env = {"TRACK2_CACHE_DIR": str(template)}
            result = _run_in_process(("index",), env, None, None)
            assert result.returncode == 0, result.stderr
            done.write_text("")
    return template


def _run_process(
    args: tuple[str, ...], env: dict[str, str] | None, input: str | None, cwd: Path | None
) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env.pop("FORCE_COLOR", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env=full_env,
        input=input,
        cwd=cwd,
        timeout=120,
    )


def _stream(data: bytes = b"") -> io.TextIOWrapper:
    """A text stream over bytes, like a pipe's: UTF-8, not a terminal, with a ``buffer``."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline="", write_through=True)


def _run_in_process(
    args: tuple[str, ...], env: dict[str, str] | None, input: str | None, cwd: Path | None
) -> subprocess.CompletedProcess[str]:
    from tui.cli import main

    saved_env = dict(os.environ)
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    saved_cwd = os.getcwd()
    out, err = _stream(), _stream()
    os.environ.pop("FORCE_COLOR", None)
    os.environ.update(env or {})
    sys.stdin, sys.stdout, sys.stderr = _stream((input or "").encode()), out, err
    try:
        if cwd is not None:
            os.chdir(cwd)
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's usage errors and --help
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        stdout, stderr = _read(out), _read(err)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["track2", *args], code, stdout, stderr)


def _read(stream: io.TextIOWrapper) -> str:
    """What was written to ``stream`` (empty if the command closed it, as on a broken pipe)."""
    if stream.closed:
        return ""
    stream.flush()
    raw = stream.buffer
    assert isinstance(raw, io.BytesIO)
    return raw.getvalue().decode("utf-8")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one worker more than there are cores.

    Part of the suite's time is waiting, not working: Pilot waits for the app to go idle
    after every key, the end-to-end tests wait for a terminal in tmux, the index tests for
    processes they start or kill. A third worker on two cores works while the others wait.
    On this 2-core machine the whole suite took 111 s on 2 workers, 102 s on 3 and 140 s on
    4 (there the workers' start-up and their contention for the cores cost more than the
    waits they fill).
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + 1


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Long tests first (the order is the same in every worker, as xdist needs): started
    last, one of them kept its worker busy for seconds after the others had finished."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Compile the packages once, so each subprocess a test starts reads bytecode.

    (The environment may set PYTHONDONTWRITEBYTECODE; then nothing else writes it.)
    """
    if hasattr(session.config, "workerinput"):
        return  # an xdist worker: the controller compiled already
    import compileall

    for package in ("cases", "search_index", "briefings", "tui"):
        compileall.compile_dir(REPO / package, quiet=2)
