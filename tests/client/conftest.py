"""Client tests talk real HTTP to the embedded demo instance."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer


@pytest.fixture
def token(demo_server: DemoServer) -> str:
    return demo_server.create_token()


@pytest.fixture
def client(demo_server: DemoServer, token: str) -> Iterator[MastodonClient]:
    with MastodonClient(demo_server.url, token) as api:
        yield api
