"""``track2 validate``: check case files, one problem a line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cases.paths import display_path
from tui.cli.common import add_command
from tui.cli.context import Context

if TYPE_CHECKING:
    from cases.library import Library
    from cases.problems import Problem
    from tui.cli.common import SubParsers


def register(sub: SubParsers) -> None:
    """Add the command to the parser."""
    p = add_command(
        sub,
        "validate",
        "check case files (no paths: the whole library, the glossary and the briefings)",
        "Check case files against the model and the vocabularies. Prints one problem a line "
        "on stderr as path:line:col: field: message. Exit 0 when clean, 1 when any problem.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="case files or folders to check")
    p.add_argument("--json", action="store_true", help="problems as JSON on stdout")
    p.set_defaults(func=run)


def run(ctx: Context) -> int:
    """Validate the named files (against the library for references) or the whole library."""
    from cases.library import case_files

    paths: list[Path] = []
    missing: list[str] = []
    for raw in ctx.args.paths:
        p = Path(raw)
        if p.is_dir():
            paths += case_files(p)
        elif p.is_file():
            paths.append(p)
        else:
            missing.append(raw)
    if ctx.args.paths:
        lib = ctx.library_with(paths)
        named = {str(p) for p in paths} | {display_path(p.resolve()) for p in paths}
        problems = [pr for pr in lib.problems if pr.path in named]
        checked = len(paths)
    else:
        from cases.glossary import load_glossary

        lib = ctx.library
        glossary = load_glossary(set(lib.cases))
        briefing_files, briefing_problems = _check_briefings(lib)
        problems = list(lib.problems) + glossary.problems + briefing_problems
        problems += _check_agreements(lib)
        case_files_read = sum(len(case_files(d.path)) for d in lib.dirs if d.path.is_dir())
        checked = case_files_read + 1 + briefing_files
    problems = list(dict.fromkeys(problems))  # a file named and in a library folder: once
    lines = [str(p) for p in problems] + [f"{m}: no such file or folder" for m in missing]
    errors = len(missing) + sum(p.is_error for p in problems)
    if ctx.args.json:
        from tui.cli.output import print_json

        print_json(
            {"checked": checked, "problems": [p.as_dict() for p in problems], "missing": missing}
        )
    else:
        from cases.text import clean

        for line in lines:
            sys.stderr.write(clean(line) + "\n")
        if not errors:
            warned = f", {len(lines)} warning(s)" if lines else ", no problems"
            sys.stdout.write(f"{checked} file(s) checked{warned}\n")
    return 1 if errors else 0


def _check_agreements(lib: Library) -> list[Problem]:
    """Agreement links against the imported PA-X data (nothing to check without an import)."""
    from cases.pax import store_path, try_load_store
    from cases.problems import Problem

    imported, problem = try_load_store()
    if problem:
        return [Problem(str(store_path()), 0, 0, "", problem, "warning")]
    if imported is None:
        return []
    return lib.check_agreements(imported)


def _check_briefings(lib: Library) -> tuple[int, list[Problem]]:
    """Check curated and saved briefing files, references included."""
    from briefings.loader import curated_dir, read_briefing, user_dir

    files = [
        (p, origin)
        for folder, origin in ((curated_dir(), "curated"), (user_dir(), "user"))
        if folder.is_dir()
        for p in sorted(folder.glob("*.y*ml"))
    ]
    problems: list[Problem] = []
    for path, origin in files:
        problems += read_briefing(path, lib, origin).problems
    return len(files), problems
