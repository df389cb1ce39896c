"""The hostile-input suite: each test is one way a file, a terminal or a crash can attack
track2, driven the way a user meets it (the CLI in a subprocess, the explorer through Pilot).

To add a case: put the bad input in the table of the file that matches its kind (YAML values,
output injection, saving, processes, library files) and state what must hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.casefiles import filled_case as template_text

# The explorer's fixtures (async Pilot tests run under pytest-asyncio, see pyproject.toml).
from tests.tui.conftest import (  # noqa: F401
    fixture_dirs,
    index_cache,
    make_app,
)


@pytest.fixture
def write_case(tmp_path: Path):
    """Write a case file from the valid template, edited by ``edit``, into a user library."""
    folder = tmp_path / "library"
    folder.mkdir(exist_ok=True)

    def write(case_id: str, edit=lambda t: t) -> Path:
        path = folder / f"{case_id}.yaml"
        path.write_text(edit(template_text(case_id)), encoding="utf-8")
        return path

    write.folder = folder  # type: ignore[attr-defined]
    return write
