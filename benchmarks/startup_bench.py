"""Benchmarks 1 and 2: start-up, from process start to the first status on screen.

Usage: python benchmarks/startup_bench.py [--runs N] [--size N]

Measured on a pty (see pty_run.py): the clock starts just before the process
is created, and stops when the newest status's text ("what makes a terminal
client feel fast?", the seeded thread's root) has been written to the terminal.
- floor: a minimal Textual app (minimal_app.py) painting one line;
- cold: tootui with an empty cache (a fresh HOME), the status from the server;
- warm: tootui again, on the cache the cold run left (the everyday start),
  with the requests the server saw before that paint, and the modules already
  imported by the UI thread by then (a separate run, import_probe.py, not timed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

import clients
import pty_run
from demo_host import DemoHost
from minimal_app import READY

MARKER = "what makes a terminal client"
HEAVY = ("mastodon", "markdownify", "bs4", "requests", "urllib3", "httpx", "keyring",
         "secretstorage", "tootui.demo.server", "tootui.demo.app", "uvicorn", "starlette",
         "babel", "wcwidth", "PIL", "textual_image")


def time_to(target: clients.Target, marker: str) -> tuple[float | None, float, int]:
    """(seconds to `marker`, its wall-clock time, peak RSS KiB) for one run."""
    run = pty_run.spawn(target.argv, target.env)
    seconds = run.wait_for_text(marker, timeout=60)
    wall = run.started + run.wall_offset + (seconds or 0)
    run.settle(0.3)
    return seconds, wall, run.stop(target.quit_key)


def floor(runs: int) -> tuple[float, float]:
    """(median seconds to the minimal app's first paint, its peak RSS in MB)."""
    target = clients.Target("minimal", [sys.executable, str(clients.BENCH_DIR / "minimal_app.py")],
                            clients.home_env(Path(tempfile.mkdtemp(prefix="floor-"))))
    found = [time_to(target, READY) for _ in range(runs)]
    return (statistics.median(seconds or float("nan") for seconds, _wall, _rss in found),
            max(rss for _seconds, _wall, rss in found) / 1024)


def heavy_before_paint(target: clients.Target) -> list[str]:
    """Heavy modules the UI thread imported before the first status was on screen."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "imports.txt"
        argv = [sys.executable, str(clients.BENCH_DIR / "import_probe.py"), str(out), MARKER]
        run = pty_run.spawn(argv, target.env)
        run.wait_for_text(MARKER, timeout=60)
        run.settle(0.3)
        run.stop(target.quit_key)
        names = set(out.read_text(encoding="utf-8").split()) if out.exists() else {"?"}
    return sorted(h for h in HEAVY if any(n == h or n.startswith(h + ".") for n in names))


def measure(host: DemoHost, runs: int) -> dict[str, float]:
    home = Path(tempfile.mkdtemp(prefix="tootui-start-"))
    target = clients.tootui(host, home)
    cold, _wall, _rss = time_to(target, MARKER)
    host.requests()
    warm: list[float] = []
    early: list[int] = []
    for _ in range(runs):
        seconds, wall, _rss = time_to(target, MARKER)
        warm.append(seconds or float("nan"))
        early.append(sum(1 for at, _path in host.timed_requests() if at < wall))
    return {"cold": cold or float("nan"), "warm": statistics.median(warm),
            "warm_best": min(warm), "requests_before_paint": max(early),
            "heavy": heavy_before_paint(target)}  # type: ignore[dict-item]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", type=int, default=40)
    args = parser.parse_args()
    pty_run.header("1-2. start-up to the first status on screen")
    with DemoHost(Path(tempfile.mkdtemp(prefix="demo-")), args.size) as host:
        figures = measure(host, args.runs)
    seconds, rss = floor(args.runs)
    print(f"floor (minimal Textual app) : {seconds:.3f} s, peak RSS {rss:.1f} MB")
    print(f"tootui cold (empty cache)   : {figures['cold']:.3f} s")
    print(f"tootui warm (median of {args.runs})  : {figures['warm']:.3f} s"
          f"  (best {figures['warm_best']:.3f} s; target <= 0.40 s)")
    print(f"requests before warm paint  : {figures['requests_before_paint']}")
    print(f"heavy modules before paint  : {', '.join(figures['heavy']) or 'none'}")


if __name__ == "__main__":
    main()
