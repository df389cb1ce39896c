"""The manifest: what the index holds, so an update re-reads only the files that changed.

Each case file is remembered by size, mtime and SHA-256: ``stat()`` alone decides that a file
is unchanged; a changed mtime with the same hash (a ``touch``, a checkout) costs a read, not a
re-index. The index's own files are remembered too, so bytes changed behind our back are
noticed on open and the index is rebuilt rather than trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import whoosh

from cases.dirs import LibraryDir, scan_folder
from cases.problems import Problem
from cases.version import track2_version
from search_index.schema import SCHEMA_VERSION, fingerprint

MANIFEST = "track2-manifest.json"


ENGINE = f"whoosh {whoosh.versionstring()}; track2 {track2_version()}"
"""What wrote the index: another Whoosh or another track2 means a rebuild."""


class FileEntry(NamedTuple):
    """One case file as last seen: its signature and whether it loaded.

    A tuple, stored as a JSON list: the manifest of 10,000 files is read on every open.
    """

    path: str
    label: str
    size: int
    mtime_ns: int
    sha256: str
    ok: bool
    problems: list[dict[str, Any]]

    @property
    def case_id(self) -> str:
        """The id a valid file must carry (the loader checks id == file name)."""
        return self.path.rpartition(os.sep)[2].rpartition(".")[0]


@dataclass
class Manifest:
    """The state of one index: schema, library folders, files, and the index's own files."""

    schema_version: int = SCHEMA_VERSION
    engine: str = ENGINE
    fingerprint: str = field(default_factory=fingerprint)
    dirs: list[list[str]] = field(default_factory=list)
    files: dict[str, FileEntry] = field(default_factory=dict)
    indexed: dict[str, str] = field(default_factory=dict)
    """Case id -> the path of the file whose documents are in the index."""
    index_files: dict[str, list[int]] = field(default_factory=dict)
    """Index file name -> [size, mtime_ns] right after the last commit."""
    extras: dict[str, list[int] | None] = field(default_factory=dict)
    """Kind of extra documents (agreement, term) -> the signature of the file they came from."""

    def compatible(self, dirs: list[LibraryDir]) -> bool:
        """True when this manifest was written by this schema and engine, for these folders."""
        return (
            self.schema_version == SCHEMA_VERSION
            and self.engine == ENGINE
            and self.fingerprint == fingerprint()
            and self.dirs == dir_list(dirs)
        )

    def problems(self) -> list[Problem]:
        """Every problem found in the library's files, in file order."""
        out: list[Problem] = []
        for entry in self.files.values():
            out += [Problem(**p) for p in entry.problems]
        return out

    def to_json(self) -> str:
        """The manifest as JSON text."""
        data = asdict(self)
        data["files"] = [list(entry) for entry in self.files.values()]
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        """Read a manifest; raises ValueError (or KeyError/TypeError) when it is not one."""
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("manifest is not an object")
        files = {row[0]: FileEntry(*row) for row in data.pop("files")}
        return cls(files=files, **data)


def dir_list(dirs: list[LibraryDir]) -> list[list[str]]:
    """The library folders as JSON-friendly [path, label] pairs, resolved."""
    return [[str(d.path.expanduser().resolve()), d.label] for d in dirs]


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest in ``folder``, or None when missing or unreadable."""
    try:
        return Manifest.from_json((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_manifest(folder: Path, manifest: Manifest) -> None:
    """Write atomically: a reader sees the old manifest or the new one, never half of one."""
    tmp = folder / f".{MANIFEST}.{os.getpid()}.tmp"
    tmp.write_text(manifest.to_json(), encoding="utf-8")
    os.replace(tmp, folder / MANIFEST)


def index_file_stats(folder: Path) -> dict[str, list[int]]:
    """Size and mtime of every index file in ``folder`` (the manifest and temp files aside)."""
    out: dict[str, list[int]] = {}
    for entry in os.scandir(folder):
        if entry.name == MANIFEST or entry.name.startswith(".") or not entry.is_file():
            continue
        st = entry.stat()
        out[entry.name] = [st.st_size, st.st_mtime_ns]
    return out


class Seen(NamedTuple):
    """A case file found by a scan, with its stat() signature."""

    path: str
    label: str
    size: int
    mtime_ns: int


def scan(dirs: list[LibraryDir]) -> list[Seen]:
    """Every case file of every folder, in library order (later folders override earlier)."""
    out: list[Seen] = []
    for d in dirs:
        try:
            root = d.path.expanduser().resolve()
        except OSError:
            continue
        if not root.is_dir():
            continue
        for path, st in scan_folder(str(root)).files:
            out.append(Seen(path, d.label, st.st_size, st.st_mtime_ns))
    return out


def sha256_of(data: bytes) -> str:
    """The hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()
