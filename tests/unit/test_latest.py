"""The one mechanism for stale search results: only the newest ticket counts."""

from __future__ import annotations

from tui.latest import Latest


def test_only_the_newest_ticket_counts() -> None:
    latest = Latest()
    first = latest.take()
    wanted_first = latest.wanted(first)
    assert latest.is_newest(first) and wanted_first()
    second = latest.take()
    assert not latest.is_newest(first) and not wanted_first()
    assert latest.is_newest(second) and latest.wanted(second)()
