"""Benchmarks 3 and 5: key latency and peak memory with N statuses in the timeline.

Usage: python benchmarks/key_latency_bench.py [--sizes 1000,10000] [--presses N]

For each N the demo instance is seeded with N generated statuses, the cache is
filled with them, and `loaded_app.py` (tootui holding the N, see there) runs on
a pty. Once the first status is on screen and the app has been quiet for
0.5 s, `j` is pressed `--presses` times, one after the other. Each latency is
measured at the terminal (pty_run.py): from the write of `j` to the last byte
of the burst of output that follows it (a burst ends at 50 ms of silence), so
it is the time until the updated screen is entirely drawn; the time to the
first byte is printed beside it. Peak RSS is the app process's maximum
resident set (`wait4`), read when it quits after the presses.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import clients
import pty_run
from demo_host import DemoHost

MARKER = "what makes a terminal client"


@dataclass
class KeyFigures:
    count: int
    median_ms: float
    p95_ms: float
    first_byte_ms: float
    silent: int
    rss_mb: float


def drive(target: clients.Target, marker: str, presses: int) -> KeyFigures:
    """Start `target`, wait for `marker`, press its down key `presses` times, quit."""
    run = pty_run.spawn(target.argv, target.env)
    if run.wait_for_text(marker, timeout=120) is None:
        run.stop(target.quit_key)
        raise RuntimeError(f"{target.name}: {marker!r} never showed")
    run.settle(0.5)
    done: list[tuple[float, float]] = []
    silent = 0
    for _ in range(presses):
        answer = run.press(target.down_key)
        if answer is None:
            silent += 1
        else:
            done.append(answer)
    rss = run.stop(target.quit_key)
    last = [end * 1000 for _first, end in done] or [float("nan")]
    return KeyFigures(0, statistics.median(last), pty_run.percentile(last, 95),
                      statistics.median(first * 1000 for first, _end in done) if done
                      else float("nan"), silent, rss / 1024)


def fill(target: clients.Target, count: int) -> None:
    """Put `count` statuses in the cache of `target`'s HOME (untimed)."""
    argv = [target.argv[0], target.argv[1], "--fill", str(count)]
    subprocess.run(argv, env=target.env, check=True, capture_output=True)


def measure(count: int, presses: int) -> KeyFigures:
    with DemoHost(Path(tempfile.mkdtemp(prefix="demo-")), count) as host:
        target = clients.loaded_tootui(host, Path(tempfile.mkdtemp(prefix="tootui-keys-")),
                                       count)
        fill(target, count)
        figures = drive(target, MARKER, presses)
    figures.count = count
    return figures


def report(name: str, f: KeyFigures) -> None:
    print(f"{name:<8} {f.count:>6} statuses: j median {f.median_ms:6.1f} ms, "
          f"p95 {f.p95_ms:6.1f} ms (first byte {f.first_byte_ms:5.1f} ms"
          f"{', ' + str(f.silent) + ' presses drew nothing' if f.silent else ''}); "
          f"peak RSS {f.rss_mb:6.1f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--presses", type=int, default=150)
    args = parser.parse_args()
    pty_run.header("3+5. key latency (j) and peak RSS with N statuses loaded")
    print("targets at 10,000: median <= 10 ms, p95 <= 16 ms; RSS <= 150 MB")
    for count in (int(s) for s in args.sizes.split(",")):
        report("tootui", measure(count, args.presses))


if __name__ == "__main__":
    main()
