"""Tables derived from the whole index (facet bitsets, the list of cases) are saved beside
it once per generation, read back by the next process, and built again when the index changes
or a saved file is damaged (search_index/saved.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from search_index import CaseRow, SearchIndex
from search_index.docsets import DocSets
from search_index.store import CURRENT
from tests.unit.test_search_fixtures import one_folder, write_case

_lib = one_folder


def test_the_facet_table_is_saved_with_the_index_and_follows_its_changes(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first search saves the facet table beside the index; the next process reads it
    instead of building it; a changed index, or a damaged file, gets a table built again."""
    import search_index.facets as facets_module

    built: list[int] = []
    real = facets_module.facet_values

    def counting(reader: Any, docsets: DocSets) -> dict[str, dict[str, int]]:
        built.append(1)
        return real(reader, docsets)

    monkeypatch.setattr(facets_module, "facet_values", counting)
    cache = tmp_path / "cache"
    with SearchIndex.open(_lib(three), cache) as idx:
        first = idx.search("talks").facets
        folder = idx.home / CURRENT if idx.home else None
    assert folder is not None and built == [1]
    saved = list(folder.glob(".facets-*.pickle"))
    assert len(saved) == 1
    with SearchIndex.open(_lib(three), cache) as again:
        assert not again.last_update.rebuilt  # the saved table is not an index file
        assert again.search("talks").facets == first
    assert built == [1]  # read back, not built
    write_case(three, "delta-case", "Delta talks", "Otters.", themes=["health"])
    with SearchIndex.open(_lib(three), cache) as updated:
        themes = updated.search("talks").facets["theme"]
        assert themes.get("health") == 1 and themes["theory"] == 3
    assert built == [1, 1] and len(list(folder.glob(".facets-*.pickle"))) == 1
    [current] = folder.glob(".facets-*.pickle")
    current.write_bytes(b"not a pickle")
    with SearchIndex.open(_lib(three), cache) as damaged:
        assert damaged.search("talks").facets["theme"]["theory"] == 3
    assert len(built) == 3


def test_the_case_list_is_saved_with_the_index_and_follows_its_changes(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list of cases is read from stored fields once per version of the index."""
    import search_index.searching as searching_module

    reads: list[int] = []
    real = searching_module._rows

    def counting(session: searching_module.Session) -> list[CaseRow]:
        reads.append(1)
        return real(session)

    monkeypatch.setattr(searching_module, "_rows", counting)
    cache = tmp_path / "cache"
    with SearchIndex.open(_lib(three), cache) as idx:
        first = idx.cases()
    with SearchIndex.open(_lib(three), cache) as again:
        assert again.cases() == first and len(first) == 3
    assert reads == [1]
    write_case(three, "delta-case", "Delta talks", "Otters.")
    with SearchIndex.open(_lib(three), cache) as updated:
        assert [r.id for r in updated.cases()].count("delta-case") == 1
    assert reads == [1, 1]
