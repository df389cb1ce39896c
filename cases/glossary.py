"""The glossary: terms a student meets in the cases, validated by its own model."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pydantic import Field

from cases.loader import Loaded, load_model
from cases.model import Slug, Strict, Text
from cases.problems import Problem


class Term(Strict):
    """One glossary term."""

    id: Slug
    term: Text
    definition: Text
    origin: Text | None = None
    cases: list[Slug] = Field(min_length=1)
    see_also: list[Slug] = Field(default_factory=list)


class Glossary(Strict):
    """The glossary file."""

    schema_version: int = Field(ge=1, le=1)
    terms: list[Term] = Field(min_length=1)

    def find(self, text: str) -> Term | None:
        """The term whose id or name matches ``text`` (case-insensitive), or None."""
        key = text.strip().lower()
        for t in self.terms:
            if key in (t.id, t.term.lower()):
                return t
        return None


def glossary_path() -> Path:
    """The glossary shipped inside the package."""
    return Path(str(resources.files("cases").joinpath("glossary.yaml")))


def load_glossary(case_ids: set[str], path: Path | None = None) -> Loaded[Glossary]:
    """Load and check the glossary: unique ids, see_also and case ids that exist."""
    result = load_model(path or glossary_path(), Glossary)
    g = result.value
    if g is None:
        return result
    ids = [t.id for t in g.terms]
    problems: list[Problem] = []
    seen: set[str] = set()
    for n, t in enumerate(g.terms):
        if t.id in seen:
            problems.append(result.problem_at(("terms", n, "id"), f"duplicate term id '{t.id}'"))
        seen.add(t.id)
        for m, cid in enumerate(t.cases):
            if cid not in case_ids:
                problems.append(
                    result.problem_at(("terms", n, "cases", m), f"no case with id '{cid}'")
                )
        for m, other in enumerate(t.see_also):
            if other not in ids:
                problems.append(
                    result.problem_at(("terms", n, "see_also", m), f"no term with id '{other}'")
                )
    result.problems = problems
    return result
