"""Helpers for tests of the cached client under the app: a gated connection, a
record of the requests the demo instance received."""

from __future__ import annotations

import threading
from pathlib import Path

from tootui.client.api import MastodonClient
from tootui.client.cache import Cache
from tootui.client.cached import CachedClient
from tootui.client.errors import NetworkError
from tootui.demo.server import DemoServer


class Gate:
    """`connect` for a CachedClient that waits until the test opens it."""

    def __init__(self, server: DemoServer, token: str, *, open_: bool = False) -> None:
        self.server = server
        self.token = token
        self.opened = threading.Event()
        self.calls = 0
        if open_:
            self.opened.set()

    def connect(self) -> MastodonClient:
        self.calls += 1
        if not self.opened.wait(30):
            raise NetworkError("the test never opened the gate")
        return MastodonClient(self.server.url, self.token)


def record_requests(server: DemoServer) -> list[str]:
    """Paths of every HTTP request the server receives from now on."""
    seen: list[str] = []
    take = server.faults.take

    def recording(path: str):  # type: ignore[no-untyped-def]
        seen.append(path)
        return take(path)

    server.faults.take = recording  # type: ignore[method-assign]
    return seen


def cached_client(path: Path, gate: Gate) -> CachedClient:
    return CachedClient(Cache(path), gate.connect)
