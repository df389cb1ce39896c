"""The curated briefings: they validate, every reference resolves, and each one exports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefings import briefing_document, curated_briefings, export
from briefings.loader import curated_dir, read_briefing
from briefings.resolve import resolve
from briefings.writers.markdown import md_escape
from cases.library import Library, load_library

FILES = sorted(curated_dir().glob("*.yaml"))


@pytest.fixture(scope="module")
def lib() -> Library:
    return load_library()


def test_there_are_at_least_three_curated_briefings() -> None:
    assert len(FILES) >= 3
    assert len(curated_briefings()) == len(FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_curated_briefing_validates_and_every_reference_resolves(path: Path, lib: Library) -> None:
    loaded = read_briefing(path, lib, "curated")
    assert loaded.problems == [], "\n".join(str(p) for p in loaded.problems)
    b = loaded.value
    assert b is not None and b.origin == "curated"
    res = resolve(b, lib)
    assert sum(len(s.parts) for s in res.sections) == sum(len(s.refs) for s in b.sections)
    assert briefing_document(b, lib).references, "a briefing cites the sources of its parts"
    # Curated text is plain prose, as in the case files: no markup, no brackets, no HTML.
    for text in [
        b.title,
        b.audience,
        b.purpose,
        b.summary,
        *[x for s in b.sections for x in (s.heading, s.text or "")],
    ]:
        assert not re.search(r"[\[\]<>*_`#]", text), text
    # No reference appears twice: a reader should not meet the same item in two sections.
    refs = [r for s in b.sections for r in s.refs]
    assert len(refs) == len(set(refs))
    whole = {r for r in refs if "/" not in r}
    assert not [r for r in refs if r.split("/")[0] in whole and "/" in r]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_curated_briefing_exports_as_a_document(path: Path, lib: Library) -> None:
    b = read_briefing(path, lib, "curated").value
    assert b is not None
    page = str(export(b, lib, "html"))
    assert f"<h1>{b.title}</h1>" in page.replace("&#x27;", "'")
    assert f"\n# {md_escape(b.title)}\n" in str(export(b, lib, "md"))
