"""Small case libraries for briefing tests, written to a temp folder (and a check that they load).

Other briefing test modules import ``write_library`` / ``EVIL`` from here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from cases.library import Library, LibraryDir, load_library

EVIL = (
    "[bold]loud[/bold] <script>alert(1)</script> *not em* #set text(red) $x$ "
    "\x1b[2J\x1b]8;;http://x.test\x07link\x1b]8;;\x07"
)
"""Rich markup, HTML, Markdown, Typst and terminal escape sequences, as a hostile case author
might write them."""

SHARED_URL = "https://example.org/shared-report"


def _item(
    item_id: str, title: str, text: str, rec: bool = False, sources: tuple[str, ...] = ("own",)
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": item_id,
        "title": title,
        "text": text,
        "tags": ["trust-building"],
        "sources": list(sources),
    }
    if rec:
        out["audience"] = ["governments"]
    return out


def case_data(
    case_id: str,
    title: str,
    start: str = "2001",
    lesson_text: str | None = None,
    extra_sources: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A valid case with two lessons, one challenge and one recommendation.

    The first lesson cites the case's own source, the recommendation the shared one, so a
    briefing that takes only some items cites only some sources.
    """
    extra_ids = [s["id"] for s in extra_sources or []]
    return {
        "schema_version": 2,
        "id": case_id,
        "title": title,
        "summary": f"What happened in {title} [@own].",
        "track": ["II"],
        "period": {"start": start, "end": str(int(start[:4]) + 1)},
        "regions": ["global"],
        "countries": ["US"],
        "themes": ["theory"],
        "background": "Before it began [@own].",
        "outcome": f"How it ended [@{(extra_ids or ['own'])[0]}].",
        "lessons": [
            _item("trust-first", "Build trust first", lesson_text or "Trust takes years."),
            _item("keep-quiet", "Keep it quiet", "Discretion protects participants."),
        ],
        "challenges": [_item("funding", "Funding runs out", "Money is scarce.")],
        "recommendations": [
            _item("fund-it", "Fund it steadily", "Give five-year grants.", True, ("shared",))
        ],
        "sources": [
            {
                "id": "own",
                "title": f"A history of {title}",
                "publisher": "Example Press",
                "year": 2010,
                "url": f"https://example.org/{case_id}",
            },
            {
                "id": "shared",
                "title": "The shared report",
                "author": "A. Writer",
                "year": 2020,
                "url": SHARED_URL,
            },
            *(extra_sources or []),
        ],
        "last_reviewed": "2026-01-01",
    }


def write_library(folder: Path, evil: bool = True) -> Library:
    """Three cases in ``folder`` (alpha-talks, beta-channel and, with ``evil``, evil-case)."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = [
        case_data("alpha-talks", "Alpha talks", "1990"),
        # The shared source is cited with a trailing slash here: still the same work.
        case_data(
            "beta-channel",
            "Beta channel",
            "1995",
            extra_sources=[
                {
                    "id": "again",
                    "title": "Shared report (reprint)",
                    "publisher": "B",
                    "url": SHARED_URL + "/",
                }
            ],
        ),
    ]
    if evil:
        cases.append(case_data("evil-case", f"Evil {EVIL}", "2005", lesson_text=EVIL))
    for data in cases:
        (folder / f"{data['id']}.yaml").write_text(
            yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
    return load_library([LibraryDir(folder, "test")])


def test_the_fixture_library_loads_clean(tmp_path: Path) -> None:
    lib = write_library(tmp_path / "lib")
    assert not lib.problems
    assert sorted(lib.cases) == ["alpha-talks", "beta-channel", "evil-case"]
    # The hostile text survives loading untouched: rendering is what must neutralise it.
    assert lib.cases["evil-case"].lessons[0].text == EVIL
