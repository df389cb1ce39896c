"""Save a briefing as a YAML file the loader reads back (the TUI builder and `--save` use it)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

from briefings.loader import USER, BriefingProblem, user_dir
from briefings.model import Briefing

HEADER = "# A track2 briefing: print it with `track2 brief ID`; list all: `track2 briefings`.\n"


def briefing_yaml(briefing: Briefing) -> str:
    """The briefing as YAML text, fields in model order, empty optional fields left out."""
    data = briefing.model_dump(mode="json", exclude_none=True)
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=96)
    return HEADER + body


def save_briefing(briefing: Briefing, path: Path | None = None) -> Path:
    """Write ``briefing`` to ``path`` (default: the user folder, ``<id>.yaml``); return the path.

    Raises BriefingProblem when ``path``'s name is not ``<id>.yaml``. The file is written
    to a temporary name first and then renamed, so a crash never leaves a
    half-written briefing behind.
    """
    target = path or user_dir() / f"{briefing.id}.yaml"
    if target.stem != briefing.id:
        # The loader insists that a briefing's id is its file name; refuse to write a file it
        # would then reject.
        raise BriefingProblem(f"a briefing with id '{briefing.id}' must be saved as "
                              f"{briefing.id}.yaml, not {target.name}")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".briefing-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(briefing_yaml(briefing))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if path is None or target.parent == user_dir():
        briefing._origin = USER
    briefing._path = str(target)
    return target
