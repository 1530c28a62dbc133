"""Run every benchmark once and print a table of the figures.

Usage: python benchmarks/run_all.py [--quick] [--no-peers]

Each benchmark prints what it measures as it goes (see each module's
docstring); the table at the end gathers the figures beside the targets of
issue 8. `--quick` takes fewer samples; `--no-peers` leaves out tooi and toot.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import key_latency_bench
import memory_bench
import peers_bench
import pty_run
import session_bench
import startup_bench
import thread_bench
from clients import BENCH_DIR
from demo_host import DemoHost


def render_throughput(count: int) -> str:
    """Benchmark 6, render_bench.py, run as it is: its first-render line."""
    done = subprocess.run([sys.executable, str(BENCH_DIR / "render_bench.py"), "--count",
                           str(count)], capture_output=True, text=True, check=True)
    print(done.stdout, end="", flush=True)
    first = [line for line in done.stdout.splitlines() if line.startswith("first render")]
    return first[0].split(":", 1)[1].strip() if first else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args()
    runs, presses = (3, 60) if args.quick else (7, 200)
    load = ", ".join(f"{n:.2f}" for n in os.getloadavg())
    print(f"tootui benchmarks, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
          f"{pty_run.cpu_count()} CPUs, load average {load}")
    rows: list[tuple[str, str, str]] = []

    pty_run.header("1-2. start-up")
    with DemoHost(Path(tempfile.mkdtemp(prefix="demo-")), 40) as host:
        start = startup_bench.measure(host, runs)
    floor_s, floor_mb = startup_bench.floor(runs)
    rows += [("1. floor: minimal Textual app, first paint / RSS",
              f"{floor_s:.3f} s / {floor_mb:.1f} MB", ""),
             ("1. warm start to first status (median)", f"{start['warm']:.3f} s", "<= 0.40 s"),
             ("1. requests before the warm paint", str(start["requests_before_paint"]), "0"),
             ("1. heavy modules imported before it", ", ".join(start["heavy"]) or "none",
              "none"),
             ("2. cold start (empty cache, 40 from the server)", f"{start['cold']:.3f} s", "")]
    print("\n".join(f"{name}: {value}" for name, value, _target in rows), flush=True)

    pty_run.header("3+5. key latency and memory with N statuses loaded")
    for count in (1_000, 10_000):
        keys = key_latency_bench.measure(count, presses)
        key_latency_bench.report("tootui", keys)
        goal = count == 10_000
        rows += [(f"3. j at {count:,}: median / p95", f"{keys.median_ms:.1f} / "
                  f"{keys.p95_ms:.1f} ms", "<= 10 / 16 ms" if goal else ""),
                 (f"5. peak RSS at {count:,}", f"{keys.rss_mb:.1f} MB",
                  "<= 150 MB" if goal else "")]

    pty_run.header("4. a thread of 200 posts")
    first, again = thread_bench.measure(200)
    thread_bench.report(first, again, 200)
    rows += [("4. thread, first open: paint / requests",
              f"{first.paint_ms:.0f} ms / {first.requests}", ""),
             ("4. thread, reopened: paint / requests before paint",
              f"{again.paint_ms:.0f} ms / {again.before_paint}", "0 before paint")]

    pty_run.header("5. peak RSS at 40")
    rss = memory_bench.at_40()
    memory_bench.report(40, rss)
    rows.append(("5. peak RSS at 40", f"{rss:.1f} MB", "<= 60 MB"))

    pty_run.header("6. rendering throughput (render_bench.py)")
    rows.append(("6. first render of varied statuses", render_throughput(
        2_000 if args.quick else 10_000), ""))

    pty_run.header("7. a typical session")
    sessions = session_bench.measure(1_000)
    session_bench.report(sessions)
    for label, requests, hits, misses in sessions:
        rows.append((f"7. {label}: requests, thread opens cached/waited",
                     f"{sum(requests.values())}, {hits}/{misses}", ""))

    if not args.no_peers:
        pty_run.header("peers: tooi and toot's TUI")
        peers = peers_bench.run_all(runs, 30)
        peers_bench.report(peers)
        for label, result in peers:
            value = result if isinstance(result, str) else (
                f"{result[0]:.3f} s, j {result[1].median_ms:.1f} ms, {result[1].rss_mb:.0f} MB")
            rows.append((f"peers: {label} (start, key, RSS at 40)", value, ""))

    width = max(len(name) for name, _value, _target in rows)
    print(f"\n{'benchmark':<{width}} | figure | target")
    for name, value, target in rows:
        print(f"{name:<{width}} | {value} | {target}")


if __name__ == "__main__":
    main()
