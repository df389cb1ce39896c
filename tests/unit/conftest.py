"""Fixtures shared by the unit tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_search_fixtures import three_cases


@pytest.fixture
def three(tmp_path: Path) -> Path:
    """A library of three small cases, each with a word of its own (see ``three_cases``)."""
    return three_cases(tmp_path / "lib")
