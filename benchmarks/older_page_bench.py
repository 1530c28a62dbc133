"""Append an older page to a long timeline, as reaching the end does, and print the time.

Usage: python benchmarks/older_page_bench.py [--count N] [--page N]

The timeline holds `count` varied statuses (those of render_bench.py); a page
of `page` more is added the way `StatusList.append` does it (one re-index),
and, for comparison, one status at a time the way `insert` would.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_bench import varied

from tootui.ui.status_layout import StatusLayout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--page", type=int, default=40)
    args = parser.parse_args()
    statuses = varied(args.count + args.page)
    shown, page = statuses[:args.count], statuses[args.count:]

    layout = StatusLayout(collapse_after=12)
    layout.resize(80)
    layout.set(shown)
    start = time.perf_counter()
    layout.extend(page)
    bulk = time.perf_counter() - start

    layout = StatusLayout(collapse_after=12)
    layout.resize(80)
    layout.set(shown)
    start = time.perf_counter()
    for status in page:
        layout.insert(len(layout), status, 0)
    one_by_one = time.perf_counter() - start

    print(f"timeline: {args.count} statuses, page: {len(page)}")
    print(f"append as one page:  {bulk * 1000:.1f} ms")
    print(f"append one by one:   {one_by_one * 1000:.1f} ms")


if __name__ == "__main__":
    main()
