"""A library with folders of one's own: its first index starts from the index beneath it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cases.library import LibraryDir
from search_index import SearchIndex
from search_index.manifest import MANIFEST
from search_index.store import CURRENT, index_home
from tests.unit.test_search_fixtures import (
    case_ids,
    count_parses,
    one_folder,
    write_case,
)

_lib = one_folder


def test_a_layered_library_starts_from_the_index_beneath_it(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "user"
    user.mkdir()
    write_case(user, "alpha-case", "Alpha talks", "Hippos crossed the river.")  # shadows one
    write_case(user, "delta-case", "Delta talks", "Walruses slept on ice.")
    layered = [*_lib(three), LibraryDir(user, "user")]
    cache = tmp_path / "cache"
    SearchIndex.open(_lib(three), cache).close()
    beneath = (index_home(_lib(three), cache) / CURRENT / MANIFEST).read_bytes()
    parsed = count_parses(monkeypatch)
    with SearchIndex.open(layered, cache) as idx:
        stats = idx.last_update
        assert stats.rebuilt and stats.added == 4  # a new index: every case it holds
        assert sorted(parsed) == ["alpha-case.yaml", "delta-case.yaml"]  # the new folder only
        found = {q: case_ids(idx, q) for q in ("zebra", "hippo", "walrus", "giraffe", "talks")}
        assert found == {
            "zebra": set(),
            "hippo": {"alpha-case"},
            "walrus": {"delta-case"},
            "giraffe": {"beta-case"},
            "talks": {"alpha-case", "beta-case", "gamma-case", "delta-case"},
        }
        assert {c.id: c.origin for c in idx.cases()}["alpha-case"] == "user"
    with SearchIndex.open(layered, cache, rebuild=True) as fresh:
        assert {q: case_ids(fresh, q) for q in found} == found  # as a build from nothing
    # The index beneath is untouched, and still current for its own library.
    assert (index_home(_lib(three), cache) / CURRENT / MANIFEST).read_bytes() == beneath
    del parsed[:]
    with SearchIndex.open(_lib(three), cache) as lower:
        assert lower.last_update.touched == 0 and not parsed
        assert case_ids(lower, "zebra") == {"alpha-case"}


def test_a_lower_index_changed_behind_its_back_is_not_copied(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "user"
    user.mkdir()
    write_case(user, "delta-case", "Delta talks", "Walruses slept on ice.")
    cache = tmp_path / "cache"
    SearchIndex.open(_lib(three), cache).close()
    lower = index_home(_lib(three), cache) / CURRENT
    biggest = max(
        (p for p in lower.iterdir() if p.name != MANIFEST), key=lambda p: p.stat().st_size
    )
    with biggest.open("ab") as f:
        f.write(b"garbage")
    parsed = count_parses(monkeypatch)
    with SearchIndex.open([*_lib(three), LibraryDir(user, "user")], cache) as idx:
        assert idx.last_update.rebuilt and idx.last_update.added == 4
        assert len(parsed) == 4  # every file read afresh
        assert case_ids(idx, "zebra") == {"alpha-case"} and case_ids(idx, "walrus") == {
            "delta-case"
        }
