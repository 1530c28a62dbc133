"""Benchmark 7: the requests of a typical session, and what the cache answered.

Usage: python benchmarks/session_bench.py [--size N]

One session, driven on a pty (pty_run.py) with the real `tootui` command: open
the app, scroll 200 posts down (`j` until the selection has moved 200 times:
older pages load as it nears their end), go back to the top, open the
threads of 5 posts (every 5th), then open the same 5 again. It is run twice on
the same profile: the first session with an empty cache, the second as the
next day's start, on the cache the first left.

Requests are what the demo instance received, by endpoint. A thread open is a
cache hit when the cache file held that thread's context at the moment of the
key press, so it painted from the cache (the request that follows only
revalidates it); a miss waited for the server.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import tempfile
import urllib.request
from collections import Counter
from pathlib import Path

import clients
import pty_run
from demo_host import DemoHost

MARKER = "what makes a terminal client"
HOME_KEY = b"\x1b[H"
THREADS, STEP, SCROLL = 5, 5, 200


def timeline_ids(host: DemoHost) -> list[str]:
    """The ids whose thread `enter` opens, for the server's newest 40 home statuses."""
    request = urllib.request.Request(f"{host.url}/api/v1/timelines/home?limit=40",
                                     headers={"Authorization": f"Bearer {host.token}"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        page = json.load(answer)
    return [(s.get("reblog") or s)["id"] for s in page]


def cached_thread(home: Path, status_id: str) -> bool:
    files = list(home.rglob("profiles/*.sqlite3"))
    if not files:
        return False
    with sqlite3.connect(f"file:{files[0]}?mode=ro", uri=True) as db:
        return db.execute("SELECT 1 FROM contexts WHERE status_id = ?",
                          (status_id,)).fetchone() is not None


def kind(path: str) -> str:
    """An endpoint's name, ids left out."""
    return re.sub(r"/\d+", "/:id", path.rstrip("/"))


def scroll(run: pty_run.PtyProcess, key: bytes, count: int) -> None:
    """Move the selection `count` posts down, waiting for older pages as the reader would.

    A key that draws nothing hit the end of what is loaded while the next older
    page was on its way: it is pressed again once the screen is quiet, so the
    session scrolls through `count` posts, not through the first page only.
    """
    moved = silent = 0
    while moved < count and silent < 50:
        if run.press(key, quiet=0.02, timeout=0.3) is None:
            silent += 1
            run.settle(0.1, timeout=5)
        else:
            moved += 1
    print(f"    scrolled {moved} posts ({silent} keys pressed again after the end of a page)",
          flush=True)


def session(target: clients.Target, host: DemoHost, home: Path,
            ids: list[str]) -> tuple[Counter[str], int, int]:
    """(requests by endpoint, thread opens from the cache, opens that waited)."""
    host.requests()
    run = pty_run.spawn(target.argv, target.env)
    run.wait_for_text(MARKER, timeout=60)
    run.settle(0.5)
    scroll(run, target.down_key, SCROLL)
    hits = misses = 0
    for _round in range(2):
        run.press(HOME_KEY)
        for n in range(THREADS):
            if cached_thread(home, ids[n * STEP]):
                hits += 1
            else:
                misses += 1
            run.press(b"\r")
            run.settle(0.3)
            for _ in range(STEP):
                run.press(target.down_key, quiet=0.02, timeout=0.3)
    run.settle(0.5)
    run.stop(target.quit_key)
    return Counter(kind(path) for path in host.requests()), hits, misses


def measure(size: int) -> list[tuple[str, Counter[str], int, int]]:
    with DemoHost(Path(tempfile.mkdtemp(prefix="demo-")), size) as host:
        home = Path(tempfile.mkdtemp(prefix="tootui-session-"))
        target = clients.tootui(host, home)
        ids = timeline_ids(host)
        return [(label, *session(target, host, home, ids))
                for label in ("first session (empty cache)", "next session (warm cache)")]


def report(results: list[tuple[str, Counter[str], int, int]]) -> None:
    for label, requests, hits, misses in results:
        detail = ", ".join(f"{path} x{n}" for path, n in sorted(requests.items()))
        print(f"{label}: {sum(requests.values())} requests; thread opens painted from the "
              f"cache {hits}, waited for the server {misses}\n    {detail}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    args = parser.parse_args()
    pty_run.header("7. a session: open, scroll 200, open 5 threads, reopen them")
    report(measure(args.size))


if __name__ == "__main__":
    main()
