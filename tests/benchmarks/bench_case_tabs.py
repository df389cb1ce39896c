"""Why the case screen is two lists, not Textual's TabbedContent: the cost of opening a case.

    python tests/benchmarks/bench_case_tabs.py [--case oslo-back-channel] [--runs 7]

Both layouts show the same parts of a real curated case (the parts and entries that
``tui.case_tabs.case_tabs`` makes), in an app of its own at 120x40 under Pilot:

- ``two lists``: what the case screen does, a list of parts beside one list whose entries
  are replaced when the part changes;
- ``TabbedContent``: one ``TabPane`` a part, each with its own list of that part's entries.

It times pushing the screen until it has been drawn, and switching to the next part, and
prints medians. Not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from textual.app import App, ComposeResult  # noqa: E402
from textual.containers import Horizontal  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import OptionList, TabbedContent, TabPane  # noqa: E402
from textual.widgets.option_list import Option  # noqa: E402

from cases.dirs import default_library_dirs  # noqa: E402
from cases.library import load_cases  # noqa: E402
from tui.case_tabs import Tab, case_tabs  # noqa: E402


def parts(case_id: str) -> list[Tab]:
    """The parts of a curated case, as the case screen builds them."""
    lib = load_cases(default_library_dirs([], env=False), [case_id])
    case = lib.cases[case_id]
    titles = {c.id: c.title for c in lib.cases.values()}
    return case_tabs(case, titles, {}, None)


def options(tab: Tab) -> list[Option]:
    found = [Option(e.text + "\n") for e in tab.entries]
    return found or [Option("Nothing recorded.", disabled=True)]


class TwoLists(Screen[None]):
    def __init__(self, tabs: list[Tab]) -> None:
        super().__init__()
        self.tabs = tabs

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield OptionList(*[Option(t.label) for t in self.tabs], id="nav")
            yield OptionList(*options(self.tabs[0]), id="content")

    def switch(self, index: int) -> None:
        content = self.query_one("#content", OptionList)
        content.clear_options()
        content.add_options(options(self.tabs[index]))


class Tabbed(Screen[None]):
    def __init__(self, tabs: list[Tab]) -> None:
        super().__init__()
        self.tabs = tabs

    def compose(self) -> ComposeResult:
        with TabbedContent():
            for n, tab in enumerate(self.tabs):
                with TabPane(tab.label, id=f"part-{n}"):
                    yield OptionList(*options(tab))

    def switch(self, index: int) -> None:
        self.query_one(TabbedContent).active = f"part-{index}"


async def one(layout: type[TwoLists] | type[Tabbed], tabs: list[Tab]) -> tuple[float, float]:
    app: App[None] = App()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        screen = layout(tabs)
        await app.push_screen(screen)
        await pilot.pause()
        opened = time.perf_counter() - started
        started = time.perf_counter()
        screen.switch(1)
        await pilot.pause()
        switched = time.perf_counter() - started
    return opened, switched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", default="oslo-back-channel")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    tabs = parts(args.case)
    entries = sum(len(t.entries) for t in tabs)
    print(f"{args.case}: {len(tabs)} parts, {entries} entries; median of {args.runs} runs")
    for name, layout in (("two lists", TwoLists), ("TabbedContent", Tabbed)):
        asyncio.run(one(layout, tabs))  # warm up
        runs = [asyncio.run(one(layout, tabs)) for _ in range(args.runs)]
        opened = statistics.median(r[0] for r in runs) * 1000
        switched = statistics.median(r[1] for r in runs) * 1000
        print(f"  {name:<14} open {opened:6.0f} ms   next part {switched:5.0f} ms")


if __name__ == "__main__":
    main()
