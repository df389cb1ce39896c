"""Case files written for search tests and the search benchmark, and tests that they load.

``write_case`` writes one small valid case with chosen words; ``synthetic_library`` writes N
cases shaped like the curated ones (about 600 words each, words drawn with the frequencies of
the curated text), for the benchmark and for tests that need a library big enough to take a
while to index.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from cases.library import LibraryDir, curated_dir, load_library
from cases.vocab import vocabulary

if TYPE_CHECKING:
    from search_index import SearchIndex


def case_data(
    case_id: str, title: str = "A case", summary: str = "A summary of the case.", **extra: Any
) -> dict[str, Any]:
    """A valid schema 2 case as a dict; ``extra`` replaces any field (lessons, actors...).

    Prose without a citation gets one to the first source, and events and items without
    ``sources`` get that source, so callers write only the words they test.
    """
    data: dict[str, Any] = {
        "schema_version": 2,
        "id": case_id,
        "title": title,
        "summary": summary,
        "track": ["II"],
        "period": {"start": "2000", "end": "2001"},
        "regions": ["global"],
        "countries": ["US"],
        "themes": ["theory"],
        "actors": [],
        "background": "Background of the case.",
        "timeline": [],
        "outcome": "What came of it.",
        "lessons": [
            {
                "id": "first-lesson",
                "title": "A first lesson",
                "text": "The text of the lesson.",
                "tags": ["trust-building"],
            }
        ],
        "challenges": [],
        "recommendations": [],
        "discussion_questions": [],
        "related": [],
        "sources": [{"id": "src", "title": "A source", "publisher": "A publisher"}],
        "disputed": [],
        "last_reviewed": "2026-01-01",
    }
    data.update(extra)
    if data["schema_version"] == 2 and data["sources"]:
        first = data["sources"][0]["id"]
        for name in ("summary", "background", "outcome"):
            if isinstance(data.get(name), str) and "[@" not in data[name]:
                data[name] = f"{data[name]} [@{first}]"
        for name in ("timeline", "lessons", "challenges", "recommendations"):
            for entry in data.get(name) or []:
                if isinstance(entry, dict):
                    entry.setdefault("sources", [first])
    return data


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's dumper when PyYAML has it: the same text as ``safe_dump``, seven times faster."""


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)


def write_case(
    folder: Path,
    case_id: str,
    title: str = "A case",
    summary: str = "A summary of the case.",
    **extra: Any,
) -> Path:
    """Write ``folder/<case_id>.yaml`` (see :func:`case_data`) and return its path."""
    path = folder / f"{case_id}.yaml"
    data = case_data(case_id, title, summary, **extra)
    path.write_text(_dump(data), encoding="utf-8")
    return path


@cache
def _curated_words() -> tuple[str, ...]:
    """Every word of the curated library's prose, repeated as often as it occurs."""
    lib = load_library([LibraryDir(curated_dir(), "curated")])
    out: list[str] = []
    for case in lib.cases.values():
        texts = [case.summary, case.background, case.outcome]
        texts += [i.text for _, i in case.items()]
        for text in texts:
            out += [w.strip(".,;:()\"'") for w in text.split()]
    return tuple(w for w in out if w.isalpha()) or ("dialogue", "channel", "trust")


_FIRST = ("Anna", "Boris", "Chen", "Dana", "Emil", "Fatima", "Goran", "Hiro", "Ines", "Jonas")
_LAST = ("Abe", "Berg", "Costa", "Dlamini", "Eriksen", "Fischer", "Gupta", "Haddad", "Ivanova")


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choices(_curated_words(), k=n))


def _sentence(rng: random.Random, n: int) -> str:
    text = _words(rng, n)
    return text[:1].upper() + text[1:] + "."


def synthetic_case(n: int, rng: random.Random) -> dict[str, Any]:
    """The data of synthetic case number ``n``: about 600 words, valid vocabulary ids."""
    vocab = vocabulary()
    start = rng.randint(1950, 2022)

    def items(kind: str, count: int) -> list[dict[str, Any]]:
        out = []
        for k in range(count):
            item: dict[str, Any] = {
                "id": f"{kind}-{k + 1}",
                "title": _sentence(rng, 7),
                "text": _sentence(rng, 25),
                "tags": rng.sample(list(vocab.tags), 2),
            }
            if kind == "recommendation":
                item["audience"] = rng.sample(list(vocab.audiences), 1)
            out.append(item)
        return out

    return case_data(
        f"synthetic-case-{n:05d}",
        title=f"{_sentence(rng, 5)[:-1]} ({start})",
        summary=_sentence(rng, 60),
        track=rng.sample(["I", "1.5", "II", "III"], 2),
        period={"start": str(start), "end": str(start + rng.randint(0, 3))},
        regions=rng.sample(list(vocab.regions), 2),
        countries=rng.sample(list(vocab.countries), 3),
        themes=rng.sample(list(vocab.themes), 2),
        actors=[
            {
                "name": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
                "type": "academic",
                "role": "participant",
                "affiliation": _sentence(rng, 4),
            }
            for _ in range(4)
        ],
        background=_sentence(rng, 150),
        timeline=[{"date": str(start + k // 2), "event": _sentence(rng, 15)} for k in range(4)],
        outcome=_sentence(rng, 60),
        lessons=items("lesson", 3),
        challenges=items("challenge", 3),
        recommendations=items("recommendation", 3),
    )


def synthetic_library(folder: Path, count: int, seed: int = 0, start: int = 0) -> Sequence[Path]:
    """Write ``count`` synthetic cases into ``folder``; the same seed writes the same files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        data = synthetic_case(n, rng)
        path = folder / f"{data['id']}.yaml"
        path.write_text(_dump(data), encoding="utf-8")
        paths.append(path)
    return paths


def test_write_case_is_valid(tmp_path: Path) -> None:
    write_case(tmp_path, "plain-case", lessons=[])
    lib = load_library([LibraryDir(tmp_path, "test")])
    assert lib.problems == []
    assert list(lib.cases) == ["plain-case"]


def test_synthetic_library_loads_clean_and_is_case_sized(tmp_path: Path) -> None:
    synthetic_library(tmp_path, 5)
    lib = load_library([LibraryDir(tmp_path, "test")])
    assert lib.problems == []
    assert len(lib.cases) == 5
    case = lib.cases["synthetic-case-00000"]
    prose = [case.summary, case.background, case.outcome]
    prose += [e.event for e in case.timeline]
    prose += [i.title + " " + i.text for _, i in case.items()]
    assert 500 <= sum(len(t.split()) for t in prose) <= 700


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the case files read from now on."""
    import cases.loader as loader_module  # updating imports it when a file must be read

    parsed: list[str] = []
    real = loader_module.load_case

    def counting(path, *args, **kwargs):
        parsed.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(loader_module, "load_case", counting)
    return parsed


def case_ids(idx: SearchIndex, query: str) -> set[str]:
    """The ids of the cases with a hit for ``query`` (up to 100 hits)."""
    return {h.case_id for h in idx.search(query, limit=100).hits}


def one_folder(folder: Path) -> list[LibraryDir]:
    """A library of ``folder`` alone, labelled with its path."""
    return [LibraryDir(folder, str(folder))]


def three_cases(folder: Path) -> Path:
    """Write three small cases into ``folder``, each with a word of its own; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    write_case(folder, "alpha-case", "Alpha talks", "Zebras crossed the river.")
    write_case(folder, "beta-case", "Beta talks", "Giraffes ate the leaves.")
    write_case(folder, "gamma-case", "Gamma talks", "Pelicans caught the fish.")
    return folder
