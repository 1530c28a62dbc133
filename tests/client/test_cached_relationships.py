"""Relationships go to the cache as the server answers them, and stay readable offline."""

from __future__ import annotations

from pathlib import Path

from tootui.client.api import MastodonClient
from tootui.client.cache import Cache
from tootui.client.cached import CachedClient
from tootui.client.errors import NetworkError
from tootui.demo.server import DemoServer


def _offline() -> MastodonClient:
    raise NetworkError("the test's network is down")


def test_a_follow_and_a_mute_are_remembered_for_offline_reading(
        tmp_path: Path, demo_server: DemoServer, client: MastodonClient) -> None:
    path = tmp_path / "cache.sqlite3"
    juzi = client.suggest_accounts("juzi")[0]
    token = demo_server.create_token()
    with CachedClient(Cache(path), lambda: MastodonClient(demo_server.url, token)) as online:
        assert online.cached_relationship(juzi.id) is None
        before = online.relationship(juzi.id)
        assert online.cached_relationship(juzi.id) == before
        online.unfollow(juzi.id)
        online.mute(juzi.id)
    # The server holds what the cache says.
    on_server = client.relationship(juzi.id)
    assert on_server.muting and not on_server.following
    with CachedClient(Cache(path), _offline) as offline:
        assert offline.cached_relationship(juzi.id) == on_server
