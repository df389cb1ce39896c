"""Load one YAML file into a model, turning every failure into Problems with file:line:col."""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from cases.dirs import CURATED
from cases.integrity import citation_checks
from cases.model import Case, FileBacked, cross_checks, format_loc
from cases.problems import Problem
from cases.yamlmarks import Loc, Parsed, YamlProblem, parse_mapping

M = TypeVar("M", bound=BaseModel)


@dataclass
class Loaded(Generic[M]):
    """The result of loading one file: the model (None when invalid) and its problems."""

    path: str
    value: M | None
    problems: list[Problem] = field(default_factory=list)
    parsed: Parsed | None = None

    def problem_at(self, loc: Loc, message: str, severity: str = "error") -> Problem:
        """A Problem at the position of ``loc`` in this file."""
        line, col = self.parsed.mark_for(loc) if self.parsed else (0, 0)
        return Problem(self.path, line, col, format_loc(loc), message, severity)


def _message(err: dict[str, object]) -> str:
    kind = err.get("type")
    if kind == "missing":
        return "field required"
    if kind == "extra_forbidden" and err.get("typo_of"):
        return f"unknown field; did you mean '{err['typo_of']}'?"
    if kind == "extra_forbidden":
        return "unknown field (check its spelling; `track2 schema` lists the fields)"
    msg = str(err.get("msg", "invalid value"))
    msg = msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return msg[:1].lower() + msg[1:]


def _fold_typos(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A misspelt field is both unknown and missing: report it once, with the right name."""
    missing = {tuple(e["loc"]): e for e in errors if e["type"] == "missing"}
    dropped: set[tuple[Any, ...]] = set()
    for err in errors:
        if err["type"] != "extra_forbidden":
            continue
        loc = tuple(err["loc"])
        parent, name = loc[:-1], str(loc[-1])
        names = {str(m[-1]): m for m in missing if m[:-1] == parent and m not in dropped}
        close = get_close_matches(name, list(names), n=1, cutoff=0.6)
        if close:
            dropped.add(names[close[0]])
            err["typo_of"] = close[0]
    return [e for e in errors if tuple(e["loc"]) not in dropped or e["type"] != "missing"]


def validation_problems(path: str, parsed: Parsed, exc: ValidationError) -> list[Problem]:
    """One Problem per pydantic error, placed at the YAML node it concerns."""
    out: list[Problem] = []
    for err in _fold_typos([dict(e) for e in exc.errors()]):
        loc: Loc = tuple(err["loc"])
        if err["type"] not in ("missing", "extra_forbidden"):
            # Drop pydantic's type tags (e.g. 'function-after[...]') after the data path.
            loc = loc[: max(parsed.deepest_known(loc), 1)]
        line, col = parsed.mark_for(loc)
        out.append(Problem(path, line, col, format_loc(loc), _message(err)))
    out.sort(key=lambda p: (p.line, p.column))
    return out


def load_model(path: Path, model: type[M], display: str | None = None) -> Loaded[M]:
    """Read ``path`` and validate it as ``model``; never raises for bad content."""
    shown = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Loaded(shown, None, [Problem(shown, 0, 0, "", f"cannot read: {exc.strerror}")])
    try:
        parsed = parse_mapping(raw)
    except YamlProblem as exc:
        return Loaded(shown, None, [Problem(shown, exc.line, exc.column, exc.field, exc.message)])
    result: Loaded[M] = Loaded(shown, None, parsed=parsed)
    duplicates = [Problem(shown, d.line, d.column, d.field, d.message) for d in parsed.duplicates]
    try:
        result.value = model.model_validate(parsed.data)
    except ValidationError as exc:
        result.problems = validation_problems(shown, parsed, exc)
    if duplicates:
        # Every problem in one run: a duplicate key no longer hides the others.
        result.problems = sorted(duplicates + result.problems, key=lambda p: (p.line, p.column))
        result.value = None
    return result


def id_matches_file(result: Loaded[M], value_id: str, path: Path) -> list[Problem]:
    """The rule every library file follows: its ``id`` is its file name without suffix."""
    if value_id == path.stem:
        return []
    return [result.problem_at(("id",), f"id '{value_id}' must equal the file name '{path.stem}'")]


F = TypeVar("F", bound=FileBacked)


def accept(result: Loaded[F], problems: list[Problem], origin: str) -> Loaded[F]:
    """Finish a load: any error rejects the value; an accepted one learns where it came from."""
    result.problems = problems
    if any(p.is_error for p in problems):
        result.value = None
    elif result.value is not None:
        result.value._origin = origin
        result.value._path = result.path
    return result


def load_case(path: Path, display: str | None = None, origin: str = "") -> Loaded[Case]:
    """Load one case file: the model, then the id/file-name rule and cross-field rules."""
    result = load_model(path, Case, display)
    case = result.value
    if case is None:
        raw_id = result.parsed.data.get("id") if result.parsed else None
        if isinstance(raw_id, str) and raw_id != path.stem:
            result.problems += id_matches_file(result, raw_id, path)
            result.problems.sort(key=lambda p: (p.line, p.column))
        return result
    problems = id_matches_file(result, case.id, path)
    problems += [result.problem_at(loc, msg) for loc, msg in cross_checks(case)]
    found = citation_checks(case, curated=origin == CURATED)
    problems += [result.problem_at(loc, msg, sev) for loc, msg, sev in found]
    problems.sort(key=lambda p: (p.line, p.column))
    return accept(result, problems, origin)
