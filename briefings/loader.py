"""Briefing files: load and validate them with file:line problems, find them by id.

Curated briefings ship in ``briefings/curated/``; the user's own (saved from the TUI's builder
or ``track2 brief --save``) live in ``user_data_dir()/briefings/``. A user briefing with the id
of a curated one replaces it, as user cases do.
"""

from __future__ import annotations

from difflib import get_close_matches
from importlib import resources
from pathlib import Path

from briefings.model import Briefing, agreement_of, split_ref
from cases.library import Library
from cases.loader import Loaded, accept, id_matches_file, load_model
from cases.paths import display_path, user_data_dir
from cases.problems import Problem

CURATED = "curated"
USER = "user"


class BriefingProblem(Exception):
    """A briefing cannot be loaded or resolved; ``problems`` says where, when a file is at fault."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems: list[Problem] = list(problems or [])


def curated_dir() -> Path:
    """The curated briefing folder shipped inside the package."""
    return Path(str(resources.files("briefings").joinpath("curated")))


def user_dir() -> Path:
    """Where the user's briefings are saved (not created here)."""
    return user_data_dir() / "briefings"


def ref_problems(briefing: Briefing, lib: Library) -> list[tuple[tuple[str | int, ...], str]]:
    """(location, message) for every reference that names nothing in ``lib``."""
    out: list[tuple[tuple[str | int, ...], str]] = []
    for n, section in enumerate(briefing.sections):
        for m, ref in enumerate(section.refs):
            message = dangling(ref, lib)
            if message:
                out.append((("sections", n, "refs", m), message))
    return out


def dangling(ref: str, lib: Library) -> str | None:
    """Why ``ref`` does not resolve in ``lib`` (with a suggestion), or None when it does.

    An agreement always resolves: without an import its part says how to import."""
    if agreement_of(ref) is not None:
        return None
    case_id, item_id = split_ref(ref)
    case = lib.get(case_id)
    if case is None:
        close = get_close_matches(case_id, list(lib.cases), n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else "; see `track2 list`"
        return f"no case with id '{case_id}' in the library{hint}"
    if item_id is not None and case.item(item_id) is None:
        ids = [i.id for _, i in case.items()]
        close = get_close_matches(item_id, ids, n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        return f"case '{case_id}' has no lesson, challenge or recommendation '{item_id}'{hint}"
    return None


def read_briefing(
    path: Path, lib: Library | None = None, origin: str = USER, display: str | None = None
) -> Loaded[Briefing]:
    """Load one briefing file; never raises for bad content.

    The id must equal the file name; with ``lib``, every reference must resolve in it.
    """
    result = load_model(path, Briefing, display or display_path(path))
    briefing = result.value
    if briefing is None:
        return result
    problems: list[Problem] = id_matches_file(result, briefing.id, path)
    if lib is not None:
        problems += [result.problem_at(loc, msg) for loc, msg in ref_problems(briefing, lib)]
    return accept(result, problems, origin)


def load_briefing(source: Path | str, lib: Library | None = None) -> Briefing:
    """A briefing from a file path, or by id (user briefings first, then curated ones).

    Raises BriefingProblem naming the file and line of the first problem.
    """
    path = Path(source)
    if not (path.suffix in (".yaml", ".yml") or path.is_file()):
        return find_briefing(str(source), lib)
    origin = CURATED if path.resolve().parent == curated_dir().resolve() else USER
    loaded = read_briefing(path, lib, origin)
    if loaded.value is None:
        raise BriefingProblem(str(loaded.problems[0]), loaded.problems)
    return loaded.value


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix in (".yaml", ".yml") and not p.name.startswith(".") and p.is_file()
    )


def _folder(folder: Path, origin: str, problems: list[Problem] | None) -> list[Briefing]:
    out: list[Briefing] = []
    for path in _files(folder):
        loaded = read_briefing(path, origin=origin)
        if loaded.value is not None:
            out.append(loaded.value)
        elif problems is not None:
            problems.extend(loaded.problems)
    return out


def curated_briefings(problems: list[Problem] | None = None) -> list[Briefing]:
    """The briefings shipped with track2 that load cleanly (problems appended to ``problems``)."""
    return _folder(curated_dir(), CURATED, problems)


def user_briefings(problems: list[Problem] | None = None) -> list[Briefing]:
    """The user's saved briefings that load cleanly (problems appended to ``problems``)."""
    return _folder(user_dir(), USER, problems)


def all_briefings(problems: list[Problem] | None = None) -> list[Briefing]:
    """Curated then user briefings; a user briefing replaces a curated one with its id."""
    by_id: dict[str, Briefing] = {}
    for b in curated_briefings(problems) + user_briefings(problems):
        by_id[b.id] = b
    return list(by_id.values())


def find_briefing(briefing_id: str, lib: Library | None = None) -> Briefing:
    """The briefing with this id (the user's wins over a curated one); BriefingProblem if none.

    With ``lib``, its references are checked too.
    """
    for folder, origin in ((user_dir(), USER), (curated_dir(), CURATED)):
        for path in _files(folder):
            if path.stem == briefing_id:
                loaded = read_briefing(path, lib, origin)
                if loaded.value is None:
                    raise BriefingProblem(str(loaded.problems[0]), loaded.problems)
                return loaded.value
    known = [p.stem for folder in (user_dir(), curated_dir()) for p in _files(folder)]
    close = get_close_matches(briefing_id, known, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else "; see `track2 briefings`"
    raise BriefingProblem(f"no briefing with id '{briefing_id}'{hint}")
