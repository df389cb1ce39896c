"""Shared fixtures: every test runs with its own cache and data folders and no user library."""

from __future__ import annotations

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


_TEMPLATE: list[Path] = []
"""The folder of this worker's prebuilt index of the curated library (built on first use)."""


def seed_curated_index() -> None:
    """Give a test's empty cache folder a copy of the curated library's index.

    Building it takes a second or two; every CLI test would otherwise build its own. Only an
    empty cache is seeded, so a test that prepares its cache (or runs a second command) sees
    exactly what the commands left; an index for other folders (``--library``) is built as
    usual, and one for the curated library is updated as usual if a curated file changed.
    """
    cache = Path(os.environ["TRACK2_CACHE_DIR"])
    if cache.exists() or os.environ.get("TRACK2_NO_SEED"):
        return
    if not _TEMPLATE:
        import tempfile

        template = Path(tempfile.mkdtemp(prefix="track2-seed-"))
        result = _run_in_process(("index",), {"TRACK2_CACHE_DIR": str(template)}, None, None)
        assert result.returncode == 0, result.stderr
        _TEMPLATE.append(template)
    shutil.copytree(_TEMPLATE[0], cache)


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


def pytest_sessionstart(session: pytest.Session) -> None:
    """Compile the packages once, so each subprocess a test starts reads bytecode.

    (The environment may set PYTHONDONTWRITEBYTECODE; then nothing else writes it.)
    """
    if hasattr(session.config, "workerinput"):
        return  # an xdist worker: the controller compiled already
    import compileall

    for package in ("cases", "search_index", "briefings", "tui"):
        compileall.compile_dir(REPO / package, quiet=2)
