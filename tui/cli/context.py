"""What every command shares: the parsed options and a lazily loaded library."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from cases.dirs import LibraryDir, default_library_dirs

if TYPE_CHECKING:
    from cases.library import Library


class UserError(Exception):
    """A mistake in what the user asked for: printed as one line, exit code 1."""

    exit_code = 1


class UsageError(UserError):
    """A command line that names no valid thing (an unknown argument value): exit code 2."""

    exit_code = 2


@dataclass
class Context:
    """Options common to every command, and the library they select."""

    args: argparse.Namespace
    library_paths: list[str] = field(default_factory=list)
    _partial: dict[tuple[str, ...], Library] = field(default_factory=dict, repr=False)

    @cached_property
    def dirs(self) -> list[LibraryDir]:
        """Curated, then TRACK2_LIBRARY, then every --library folder."""
        return default_library_dirs(self.library_paths)

    @cached_property
    def library(self) -> Library:
        """The loaded library (read on first use)."""
        from cases.library import load_library

        return load_library(self.dirs)

    def cases(self, case_ids: list[str]) -> Library:
        """Only these cases (and those they relate to), read from their own files: what
        ``show`` and ``brief`` need, at a cost that does not grow with the library."""
        if "library" in self.__dict__:
            return self.library
        key = tuple(case_ids)
        if key not in self._partial:
            from cases.library import load_cases

            self._partial[key] = load_cases(self.dirs, case_ids)
        return self._partial[key]

    def library_with(self, files: list[Path]) -> Library:
        """The library plus explicitly named files (as `validate FILE` wants)."""
        from cases.library import load_library

        return load_library(self.dirs, files)
