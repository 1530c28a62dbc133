"""How long a burst of live posts takes to land above the reader in a long timeline.

Usage: python benchmarks/live_insert_bench.py [--count N]

A `StatusList` holds N statuses (10,000 by default) with the reader halfway
down; bursts of 1, 10 and 100 new posts are inserted above them with
`insert_above` (what `LiveUpdates` does once per coalesced burst), and the
time per burst is printed, with a check that the reader did not move.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from datetime import UTC, datetime, timedelta

from textual.app import App, ComposeResult

from tootui.models import Account, Status
from tootui.ui.status_lines import make_renderer
from tootui.ui.status_list import StatusList

NOW = datetime.now(UTC)


def _status(n: int) -> Status:
    account = Account(id=str(n % 17), username=f"user{n % 17}", acct=f"user{n % 17}@example.org")
    words = " ".join(f"word{k}" for k in range(n % 40))
    return Status(id=str(10_000_000 + n), account=account, created_at=NOW - timedelta(minutes=n),
                  content_html=f"<p>status {n} {words}</p>")


class _Bench(App[None]):
    def compose(self) -> ComposeResult:
        yield StatusList(make_renderer(None), collapse_after=12, id="list")


async def _run(count: int) -> None:
    app = _Bench()
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(StatusList)
        pane.set_statuses([_status(-n) for n in range(count)], selected=count // 2)
        await pilot.pause()
        next_id = 1
        for burst in (1, 10, 100, 1, 10, 100):
            reading, row = pane.selected_status, pane.selected_row
            new = [_status(next_id + k) for k in reversed(range(burst))]
            next_id += burst
            start = time.perf_counter()
            pane.insert_above(0, new)
            elapsed = time.perf_counter() - start
            await pilot.pause()
            still = pane.selected_status == reading and pane.selected_row == row
            print(f"{len(pane.statuses):>6} statuses, burst of {burst:>3}: "
                  f"{elapsed * 1000:7.2f} ms  reader still: {still}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    asyncio.run(_run(parser.parse_args().count))


if __name__ == "__main__":
    main()
