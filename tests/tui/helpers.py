"""Helpers for Pilot tests: wait for workers, read what is on screen."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.app import Track2App


async def settle(pilot: Pilot[int], rounds: int = 3) -> None:
    """Let every worker (index opening, searches) finish and the screen redraw."""
    await pilot.pause()
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if all(w.is_finished for w in pilot.app.workers):
            return


async def typed(pilot: Pilot[int], text: str) -> None:
    """Type ``text`` key by key, then settle."""
    await pilot.press(*list(text))
    await settle(pilot)


def screen_text(app: Track2App) -> str:
    """The plain text on screen now, line by line (what a user reads)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips)


def record_notifications(app: Track2App) -> list[str]:
    """Record every notification the app shows from now on (call before ``run_test``)."""
    seen: list[str] = []
    original = app.notify

    def notify(message: str, *args: object, **kwargs: object) -> None:
        seen.append(str(message))
        original(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    return seen
