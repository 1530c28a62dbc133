"""Benchmark 4: opening a thread of 200 posts, the first time and again later.

Usage: python benchmarks/thread_bench.py [--thread N]

The demo instance holds a thread of N posts (tootui/demo/seed_thread.py) whose
root is the newest post of the home timeline, so it is selected at start.
tootui (the real `tootui` command on a profile, pty_run.py) starts, and once
the timeline is on screen and quiet, `enter` opens the thread. Time to first
paint: from the write of `enter` to the moment the first reply's text is on
screen. Requests: those the server saw from the key press until the app was
quiet again, and how many of them came before that paint. The second run is a
new process on the same cache: the thread was read before, so it must paint
from the cache with no request before the paint (then revalidate).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import clients
import pty_run
from demo_host import DemoHost

from tootui.demo.seed_thread import reply_text

MARKER = "what makes a terminal client"


@dataclass
class ThreadFigures:
    paint_ms: float
    requests: int
    before_paint: int


def open_thread(target: clients.Target, host: DemoHost) -> ThreadFigures:
    run = pty_run.spawn(target.argv, target.env)
    run.wait_for_text(MARKER, timeout=60)
    run.settle(0.5)
    host.requests()
    wall_pressed = time.time()
    sent = time.perf_counter()
    run.press(b"\r", quiet=0.0005)
    seconds = run.wait_for_text(reply_text(1)[:24], timeout=30)
    painted = run.started + (seconds or 0)
    run.settle(0.5)
    run.stop(target.quit_key)
    requests = [at for at, path in host.timed_requests() if "/context" in path or
                "/statuses/" in path]
    wall_painted = wall_pressed + (painted - sent)
    return ThreadFigures((painted - sent) * 1000 if seconds else float("nan"), len(requests),
                         sum(1 for at in requests if at < wall_painted))


def measure(thread: int) -> tuple[ThreadFigures, ThreadFigures]:
    with DemoHost(Path(tempfile.mkdtemp(prefix="demo-")), 40, thread=thread) as host:
        target = clients.tootui(host, Path(tempfile.mkdtemp(prefix="tootui-thread-")))
        return open_thread(target, host), open_thread(target, host)


def report(first: ThreadFigures, again: ThreadFigures, thread: int) -> None:
    for label, f in ((f"first open of {thread} posts", first), ("reopened, next run", again)):
        print(f"{label:<28}: first paint {f.paint_ms:6.1f} ms after enter; "
              f"{f.requests} request(s), {f.before_paint} before the paint", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thread", type=int, default=200)
    args = parser.parse_args()
    pty_run.header("4. opening a thread")
    print("target: a thread read before paints from the cache, 0 requests before the paint")
    report(*measure(args.thread), args.thread)


if __name__ == "__main__":
    main()
