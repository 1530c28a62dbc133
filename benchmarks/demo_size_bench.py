"""How long the demo instance takes to seed `--demo-size N` statuses, and to serve them.

Usage: python benchmarks/demo_size_bench.py [--size N]

Prints the time from a fresh data directory to a listening server with N
generated statuses, the database size, and how long the first home page
(40 statuses) and a page deep in the timeline take.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import requests

from tootui.demo.server import DemoServer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000)
    size = parser.parse_args().size
    with tempfile.TemporaryDirectory() as data_dir:
        started = time.perf_counter()
        server = DemoServer(Path(data_dir), reset=True, size=size).start()
        seeded = time.perf_counter() - started
        try:
            session = requests.Session()
            session.headers["Authorization"] = f"Bearer {server.create_token()}"
            url = f"{server.url}/api/v1/timelines/home"
            t0 = time.perf_counter()
            page = session.get(url, params={"limit": 40}, timeout=60)
            first = time.perf_counter() - t0
            statuses = page.json()
            cursor = statuses[-1]["id"]
            for _ in range(25):  # walk 1,000 statuses down the timeline
                cursor = session.get(url, params={"limit": 40, "max_id": cursor},
                                     timeout=60).json()[-1]["id"]
            t0 = time.perf_counter()
            session.get(url, params={"limit": 40, "max_id": cursor}, timeout=60)
            deep = time.perf_counter() - t0
            db_mb = server.db_path.stat().st_size / 1e6
        finally:
            server.stop()
    print(f"--demo-size {size}: ready in {seeded:.2f} s, database {db_mb:.1f} MB")
    print(f"home page (40): {first * 1000:.0f} ms first, {deep * 1000:.0f} ms 1,000 deep")


if __name__ == "__main__":
    main()
