"""The embedded instance for a benchmark run, in its own process, counting requests.

`python benchmarks/demo_host.py --data-dir D --size N` seeds N generated
statuses and a thread of `--thread` posts on top of the home timeline, then
prints one JSON line: {"url", "token", "root_id"}. Each line `requests` read on
stdin is answered with a JSON list of the request paths received since the
last such line. It stops when stdin closes.

It runs apart from the benchmark so the server's work never delays the
benchmark's reading of the pty; `DemoHost` is the benchmark's handle on it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any


class DemoHost:
    """A `demo_host.py` child: `url`, `token`, `root_id`, and `requests()`."""

    def __init__(self, data_dir: Path, size: int, thread: int = 200) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--data-dir", str(data_dir), "--size", str(size),
             "--thread", str(thread)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        ready: dict[str, Any] = json.loads(self.process.stdout.readline())
        self.url: str = ready["url"]
        self.token: str = ready["token"]
        self.root_id: str = ready["root_id"]
        self.size = size

    def requests(self) -> list[str]:
        """Paths requested since the last call."""
        return [path for _at, path in self.timed_requests()]

    def timed_requests(self) -> list[tuple[float, str]]:
        """(time.time(), path) of each request since the last call."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("requests\n")
        self.process.stdin.flush()
        return [(at, path) for at, path in json.loads(self.process.stdout.readline())]

    def stop(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(20)

    def __enter__(self) -> DemoHost:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def _serve(data_dir: str, size: int, thread: int) -> None:
    from tootui.demo.seed_thread import seed_thread
    from tootui.demo.server import DemoServer
    from tootui.demo.store import Store

    server = DemoServer(data_dir, size=size, reset=True).start()
    store = Store(server.db_path)
    with store.tx() as db:
        root_id = seed_thread(db, thread)
    store.close()
    seen: list[tuple[float, str]] = []
    lock = threading.Lock()
    take = server.faults.take

    def recording(path: str):  # type: ignore[no-untyped-def]
        with lock:
            seen.append((time.time(), path))
        return take(path)

    server.faults.take = recording  # type: ignore[method-assign]
    print(json.dumps({"url": server.url, "token": server.create_token(),
                      "root_id": str(root_id)}), flush=True)
    for line in sys.stdin:
        if line.strip() == "requests":
            with lock:
                print(json.dumps(seen), flush=True)
                seen.clear()
    server.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--size", type=int, default=0)
    parser.add_argument("--thread", type=int, default=200)
    args = parser.parse_args()
    _serve(args.data_dir, args.size, args.thread)
