"""Keys in order: each key is handled, bindings and all, before the next one goes anywhere.

Textual hands each key to the focused widget as soon as it arrives, and runs the widget's
and screen's bindings only when the key comes back up to the app. A burst of keys (fast
typing, a paste without bracketed paste, ``tmux send-keys "/oslo"``, or keys typed while a
screen was opening) is therefore all handed to the widget that had focus *before* the first
key's binding ran: after ``/`` the letters of the query went to the case list, not to the
search box, and after ``escape`` they went to the screen being closed. :class:`KeyOrder`
holds the keys that arrive while one is in flight and hands each on only when the one before
is done: stopped by a widget (a character typed into a box), or back at the app with its
bindings run. A key that is neither within :data:`RELEASE_AFTER` seconds lets the next go.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from textual import events
from textual.app import App
from textual.timer import Timer

RELEASE_AFTER = 0.25
"""Seconds after which a key whose end was not seen lets the next key go."""


class KeyOrder(App[Any]):
    """Mixed into the app: keys from the terminal are handled one after the other."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._key_in_flight: events.Key | None = None
        self._keys_waiting: deque[events.Key] = deque()
        self._key_timer: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._key_in_flight is not None or self._keys_waiting:
                self._keys_waiting.append(event)
                return
            await self._hand_on(event)
            return
        await super().on_event(event)
        if isinstance(event, events.Key):
            self._key_done(event)  # back at the app, its bindings run

    async def _hand_on(self, key: events.Key) -> None:
        await super().on_event(key)
        if not key.is_forwarded:
            return  # a priority binding took it, or nothing can have focus: done already
        self._key_in_flight = key
        target = self.focused or self.screen
        # Queued behind the key, so it runs once the target has handled it: a key it
        # stopped will not come back up to the app.
        target.call_later(self._after_target, key)
        self._key_timer = self.set_timer(RELEASE_AFTER, lambda: self._key_done(key))

    def _after_target(self, key: events.Key) -> None:
        # Message keeps "stopped" private; without it the timer ends the wait.
        if getattr(key, "_stop_propagation", False):
            self._key_done(key)

    def _key_done(self, key: events.Key) -> None:
        if key is not self._key_in_flight:
            return
        self._key_in_flight = None
        if self._key_timer is not None:
            self._key_timer.stop()
            self._key_timer = None
        if self._keys_waiting:
            self.call_next(self._next_key)

    async def _next_key(self) -> None:
        # A key that a priority binding takes is done at once: go on to the one after it.
        while self._key_in_flight is None and self._keys_waiting:
            await self._hand_on(self._keys_waiting.popleft())
