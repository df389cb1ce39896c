"""An inter-process lock on the index folder.

``flock`` locks belong to the open file, so the kernel drops them when a process dies, however
it dies: a lock file left by a killed ``track2`` is never "stale", the next process simply
takes the lock. Where ``fcntl`` is missing (Windows) the lock is a no-op, and where the lock
file cannot be opened the caller is told, so it can keep the index in memory.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "lock"


class LockTimeout(Exception):
    """Another process held the index lock for longer than we were willing to wait."""

    def __init__(self, message: str, holder: int | None = None) -> None:
        super().__init__(message)
        self.holder = holder
        """The pid written in the lock file by the process that took it (None if unknown)."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def lock_holder(path: Path) -> int | None:
    """The pid that the lock's owner wrote into the lock file, if any."""
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


class IndexLock:
    """An exclusive lock on ``folder/lock``, taken with a timeout."""

    def __init__(self, folder: Path, timeout: float = 120.0) -> None:
        self.path = folder / LOCK_NAME
        self.timeout = timeout
        self._fd: int | None = None

    def acquire(self, on_wait: Callable[[int | None], None] | None = None) -> None:
        """Take the lock, polling until ``timeout``; raises OSError or LockTimeout.

        The owner writes its pid into the file. When the lock is held but that pid is dead,
        the lock is held by a process that inherited it (a child of a killed track2), not by
        a live builder: the lock file is replaced and taken. ``on_wait(pid)`` is called once
        when the wait begins, so the caller can say what it is waiting for.
        """
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is None:  # pragma: no cover - Windows
            self._fd = fd
            return
        deadline = time.monotonic() + self.timeout
        delay = 0.01
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = lock_holder(self.path)
                if holder is not None and holder != os.getpid() and not _alive(holder):
                    os.close(fd)
                    fd = self._replace_orphaned()
                    continue
                if on_wait is not None and not told:
                    told = True
                    on_wait(holder)
                if time.monotonic() >= deadline:
                    os.close(fd)
                    who = f"track2 process {holder}" if holder else "another process"
                    raise LockTimeout(f"{self.path} held by {who}", holder) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.2)
            except OSError:
                os.close(fd)
                raise
        # Who holds it: read by a waiting process (above) and by a person looking at the folder.
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        except OSError:
            pass
        self._fd = fd

    def _replace_orphaned(self) -> int:
        """A new lock file in place of one whose owner is dead; its open copies keep the old."""
        fresh = self.path.with_name(f".{LOCK_NAME}-{os.getpid()}")
        fd = os.open(fresh, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
        os.replace(fresh, self.path)
        return fd

    def release(self) -> None:
        """Let go of the lock (closing the file releases the flock)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> IndexLock:
        if self._fd is None:
            self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
