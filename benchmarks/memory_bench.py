"""Benchmark 5: peak memory (RSS) with 40, 1,000 and 10,000 statuses loaded.

Usage: python benchmarks/memory_bench.py [--sizes 1000,10000]

40: the real `tootui` on a profile, started on a warm cache (its timeline is
the server's first page of 40), `j` pressed 30 times, then `q`. 1,000 and
10,000: the key latency runs (key_latency_bench.py, `loaded_app.py` holding
that many). The figure is the app process's peak resident set as the kernel
counted it (`wait4`'s ru_maxrss), read when it has quit: every thread, the
network stack and Mastodon.py included, as they are loaded by then.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import clients
import pty_run
from demo_host import DemoHost
from key_latency_bench import MARKER, drive
from key_latency_bench import measure as loaded

TARGETS_MB = {40: 60, 10_000: 150}


def at_40() -> float:
    with DemoHost(Path(tempfile.mkdtemp(prefix="demo-")), 40) as host:
        target = clients.tootui(host, Path(tempfile.mkdtemp(prefix="tootui-memory-")))
        drive(target, MARKER, 0)  # the first run fills the cache
        return drive(target, MARKER, 30).rss_mb


def report(count: int, rss_mb: float) -> None:
    target = TARGETS_MB.get(count)
    print(f"tootui {count:>6} statuses: peak RSS {rss_mb:6.1f} MB"
          + (f" (target <= {target} MB)" if target else ""), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    pty_run.header("5. peak RSS")
    report(40, at_40())
    for count in (int(s) for s in args.sizes.split(",")):
        report(count, loaded(count, 30).rss_mb)


if __name__ == "__main__":
    main()
