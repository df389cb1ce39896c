"""Search as you type answers out of order; only the newest question's answer may show.

The one mechanism for stale results, used by every screen that searches while the user
types: each keystroke takes a ticket; the data layer skips a search whose ticket is no longer
the newest when its turn comes (``wanted``); and an answer is drawn only if its ticket is
still the newest when it arrives.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Latest:
    """Numbered tickets; only the newest one counts."""

    def __init__(self) -> None:
        self._newest = 0
        self._lock = threading.Lock()

    def take(self) -> int:
        """A new ticket: every earlier one is stale from now on."""
        with self._lock:
            self._newest += 1
            return self._newest

    def is_newest(self, ticket: int) -> bool:
        """True while no later ticket was taken."""
        return ticket == self._newest

    def wanted(self, ticket: int) -> Callable[[], bool]:
        """``is_newest`` for this ticket, as the data layer's ``wanted`` callback."""
        return lambda: self.is_newest(ticket)
