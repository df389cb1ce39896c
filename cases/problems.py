"""A problem found while loading a file: where it is and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in one file, printed as ``path:line:col: field: message``."""

    path: str
    """The file, as the user named it (or as the library found it)."""
    line: int
    """1-based line; 0 when the problem concerns the whole file."""
    column: int
    """1-based column; 0 when unknown."""
    field: str
    """Dotted field path such as ``lessons[2].title``; empty for file-level problems."""
    message: str
    """What is wrong, in words a case author understands."""
    severity: str = "error"
    """"error" (the file is rejected) or "warning" (it loads; the author should look)."""

    @property
    def is_error(self) -> bool:
        """True when the problem keeps the file out of the library."""
        return self.severity == "error"

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        level = "" if self.is_error else f" {self.severity}:"
        return f"{where}:{level}{field} {self.message}"

    def as_dict(self) -> dict[str, object]:
        """A JSON-friendly dict of this problem."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "message": self.message,
            "severity": self.severity,
        }
