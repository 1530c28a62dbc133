"""Attachment files over real HTTP: the bytes, the session memory, the limits, the errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.demo.api import api_for
from tests.ui.cached import record_requests
from tootui.client.api import MastodonClient
from tootui.client.cache import Cache
from tootui.client.cached import CachedClient
from tootui.client.errors import NetworkError, NotFoundError, ServerError
from tootui.client.media_files import MediaMemory, MediaRefused, download
from tootui.demo.server import DemoServer

PNG = (Path(__file__).parents[2] / "tootui/demo/data/media/techo-weeks.png").read_bytes()


def _seeded_media(demo_server: DemoServer) -> dict:
    return next(m for s in api_for(demo_server).home(limit=40) for m in s["media_attachments"])


def test_media_file_is_fetched_once_then_kept_for_the_session(
        demo_server: DemoServer, client: MastodonClient) -> None:
    media = _seeded_media(demo_server)
    seen = record_requests(demo_server)
    assert client.media_file(media["preview_url"]) == PNG
    assert client.media_file(media["preview_url"]) == PNG
    file_requests = [p for p in seen if p.startswith("/system/media_attachments/")]
    assert file_requests == [media["preview_url"].removeprefix(demo_server.url)]


def test_the_cached_client_fetches_through_its_network_client(
        demo_server: DemoServer, token: str, tmp_path: Path) -> None:
    media = _seeded_media(demo_server)
    with CachedClient(Cache(tmp_path / "c.sqlite3"),
                      lambda: MastodonClient(demo_server.url, token)) as cached:
        assert cached.media_file(media["url"]) == PNG
        demo_server.faults.add("/system/media_attachments/", status=404)
        with pytest.raises(NotFoundError):
            cached.media_file(media["preview_url"] + "?again")
        # A media host's failure is not the instance being unreachable.
        assert cached.offline_since is None


def test_media_errors_are_client_errors(demo_server: DemoServer,
                                        client: MastodonClient) -> None:
    media = _seeded_media(demo_server)
    demo_server.faults.add("/system/media_attachments/", status=503)
    with pytest.raises(ServerError):
        client.media_file(media["url"])
    demo_server.faults.add("/system/media_attachments/", status=0, drop=True)
    with pytest.raises(NetworkError):
        client.media_file(media["url"])
    with pytest.raises(MediaRefused):
        client.media_file("file:///etc/passwd")
    with pytest.raises(NotFoundError):
        client.media_file(f"{demo_server.url}/system/media_attachments/files/1/small/none.png")


def test_a_file_over_the_limit_is_refused(demo_server: DemoServer) -> None:
    import requests

    media = _seeded_media(demo_server)
    with requests.Session() as session:
        with pytest.raises(MediaRefused, match="larger than"):
            download(session, media["url"], max_bytes=len(PNG) - 1)
        assert download(session, media["url"], max_bytes=len(PNG)) == PNG


def test_a_file_trickling_past_the_deadline_is_dropped(demo_server: DemoServer) -> None:
    import requests

    media = _seeded_media(demo_server)
    with requests.Session() as session, pytest.raises(NetworkError) as caught:
        download(session, media["url"], deadline_s=-1.0)
    assert caught.value.timed_out


def test_media_memory_drops_the_least_recently_used_past_its_bound() -> None:
    memory = MediaMemory(max_bytes=10)
    memory.put("a", b"1234")
    memory.put("b", b"1234")
    assert memory.get("a") == b"1234"  # now the most recent
    memory.put("c", b"1234")
    assert memory.get("b") is None
    assert memory.get("a") == b"1234" and memory.get("c") == b"1234"
    memory.put("huge", b"x" * 11)
    assert memory.get("huge") is None and memory.get("c") == b"1234"
