"""Fixtures for the explorer's Pilot, snapshot and end-to-end tests.

Tests run over a small fixture library (``tests/tui/library``) so that edits to the curated
cases never change a snapshot; the search index of each library is built once per session.
``async def`` tests run under pytest-asyncio (``asyncio_mode = "auto"`` in pyproject.toml),
each in a fresh event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cases.library import LibraryDir
from tests.conftest import curated_index_into
from tui.app import Track2App, create_app

HERE = Path(__file__).resolve().parent
FIXTURE_LIBRARY = HERE / "library"
BROKEN_LIBRARY = HERE / "broken"


@pytest.fixture(scope="session")
def index_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One index cache for the session: each library's index is built once (the curated
    library's is copied in, built once for the whole run)."""
    cache = tmp_path_factory.mktemp("index-cache") / "cache"
    curated_index_into(cache)
    return cache


@pytest.fixture
def fixture_dirs() -> list[LibraryDir]:
    """The fixture library alone (labelled "fixtures")."""
    return [LibraryDir(FIXTURE_LIBRARY, "fixtures")]


@pytest.fixture
def make_app(
    index_cache: Path, fixture_dirs: list[LibraryDir], isolated_user_folders: Path
) -> Callable[..., Track2App]:
    """Build the app as ``track2`` does, over the fixture library unless told otherwise."""

    def make(dirs: list[LibraryDir] | None = None, **options: Any) -> Track2App:
        options.setdefault("cache_root", index_cache)
        return create_app(dirs if dirs is not None else fixture_dirs, **options)

    return make
