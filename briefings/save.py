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


class BriefingExists(BriefingProblem):
    """A different briefing is already saved under this id; ``path`` is that file."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} holds another briefing with this id; replace it or retitle")
        self.path = path


def save_briefing(briefing: Briefing, path: Path | None = None, replace: bool = False) -> Path:
    """Write ``briefing`` to ``path`` (default: the user folder, ``<id>.yaml``); return the path.

    Raises BriefingProblem when ``path``'s name is not ``<id>.yaml``, and BriefingExists when
    the file holds something else and ``replace`` is false: a save never silently replaces
    another briefing (saving the same text again is fine). The file is written to a temporary
    name first, then linked or renamed into place, so a crash never leaves a half-written
    briefing and two savers cannot both think they created it.
    """
    target = path or user_dir() / f"{briefing.id}.yaml"
    if target.stem != briefing.id:
        # The loader insists that a briefing's id is its file name; refuse to write a file it
        # would then reject.
        raise BriefingProblem(
            f"a briefing with id '{briefing.id}' must be saved as "
            f"{briefing.id}.yaml, not {target.name}"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    text = briefing_yaml(briefing)
    if not replace and _holds_other(target, text):
        raise BriefingExists(target)
    fd, tmp = tempfile.mkstemp(prefix=".briefing-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if replace or target.exists():
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)  # fails if another process created it meanwhile
            except FileExistsError:
                raise BriefingExists(target) from None
            except OSError:  # a file system without hard links
                os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    if path is None or target.parent == user_dir():
        briefing._origin = USER
    briefing._path = str(target)
    return target


def _holds_other(target: Path, text: str) -> bool:
    """True when ``target`` exists with content other than ``text``."""
    try:
        return target.read_text(encoding="utf-8") != text
    except FileNotFoundError:
        return False
    except (OSError, UnicodeDecodeError):
        return True
