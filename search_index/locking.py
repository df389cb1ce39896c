"""An inter-process lock on the index folder.

``flock`` locks belong to the open file, so the kernel drops them when a process dies, however
it dies: a lock file left by a killed ``track2`` is never "stale", the next process simply
takes the lock. Where ``fcntl`` is missing (Windows) the lock is a no-op, and where the lock
file cannot be opened the caller is told, so it can keep the index in memory.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import TracebackType

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "lock"


class LockTimeout(Exception):
    """Another process held the index lock for longer than we were willing to wait."""


class IndexLock:
    """An exclusive lock on ``folder/lock``, taken with a timeout."""

    def __init__(self, folder: Path, timeout: float = 120.0) -> None:
        self.path = folder / LOCK_NAME
        self.timeout = timeout
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, polling until ``timeout``; raises OSError or LockTimeout."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is None:  # pragma: no cover - Windows
            self._fd = fd
            return
        deadline = time.monotonic() + self.timeout
        delay = 0.01
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise LockTimeout(f"{self.path} held by another process") from None
                time.sleep(delay)
                delay = min(delay * 2, 0.2)
            except OSError:
                os.close(fd)
                raise
        # Who holds it, for a person looking at the folder; the lock itself is the flock.
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        except OSError:
            pass
        self._fd = fd

    def release(self) -> None:
        """Let go of the lock (closing the file releases the flock)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> IndexLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
