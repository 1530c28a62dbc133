"""`LiveStream` against the demo instance: events as our models, and every way
a stream goes wrong (ended, stalled, refused, absent) survived."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from tootui.client.api import MastodonClient
from tootui.client.sse import SseEvent, SseParser
from tootui.client.streaming import (
    Backoff,
    LiveStream,
    NotificationArrived,
    StateChanged,
    StatusArrived,
    StatusEdited,
    StatusRemoved,
    StreamEvent,
    StreamState,
    StreamTiming,
    can_stream,
    channel_for,
    http_base,
    source_for,
)
from tootui.demo.server import DemoServer

FAST = StreamTiming(stall_after=1.0, first_retry=0.05, max_retry=0.4, poll_every=0.2,
                    probe_every=60.0, connect_timeout=5.0)


class Received:
    """What a stream handed over, with a way to wait for something in it."""

    def __init__(self) -> None:
        self.events: list[StreamEvent] = []
        self._changed = threading.Condition()

    def __call__(self, event: StreamEvent) -> None:
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()

    def wait_for(self, condition: Callable[[list[StreamEvent]], bool],
                 timeout: float = 10.0) -> None:
        with self._changed:
            assert self._changed.wait_for(lambda: condition(self.events), timeout), self.events

    def states(self) -> list[StreamState]:
        return [e.state for e in self.events if isinstance(e, StateChanged)]

    def arrived(self) -> list[str]:
        return [e.status.id for e in self.events if isinstance(e, StatusArrived)]


@pytest.fixture
def me(fast_server: DemoServer) -> Iterator[MastodonClient]:
    with MastodonClient(fast_server.url, fast_server.create_token(), stream_timing=FAST) as c:
        yield c


@pytest.fixture
def juzi(fast_server: DemoServer) -> Iterator[MastodonClient]:
    """Someone the demo user follows."""
    with MastodonClient(fast_server.url, fast_server.create_token("juzi")) as c:
        yield c


def _live(client: MastodonClient, name: str = "home") -> tuple[LiveStream, Received]:
    received = Received()
    stream = client.stream(name, received).start()
    received.wait_for(lambda events: StreamState.LIVE in _states(events))
    return stream, received


def _states(events: list[StreamEvent]) -> list[StreamState]:
    return [e.state for e in events if isinstance(e, StateChanged)]


def test_new_edited_and_deleted_posts_arrive_as_models(
        me: MastodonClient, juzi: MastodonClient) -> None:
    stream, received = _live(me)
    try:
        posted = juzi.post_status("直播测试 live")
        received.wait_for(lambda events: posted.id in received.arrived())
        [arrived] = [e.status for e in received.events if isinstance(e, StatusArrived)]
        assert arrived.account.acct == "juzi" and "直播测试" in arrived.content_html
        juzi.edit_status(posted.id, "直播测试 edited")
        received.wait_for(lambda events: any(isinstance(e, StatusEdited) for e in events))
        [edited] = [e.status for e in received.events if isinstance(e, StatusEdited)]
        assert edited.id == posted.id and "edited" in edited.content_html
        assert edited.edited_at is not None
        juzi.delete_status(posted.id)
        received.wait_for(lambda events: StatusRemoved(posted.id) in events)
        # The home stream carries no notifications; the notifications one carries only those.
        assert not any(isinstance(e, NotificationArrived) for e in received.events)
    finally:
        stream.stop()
        stream.join(5)
    assert stream.state is StreamState.STOPPED


def test_notifications_stream_gets_notifications_only(
        me: MastodonClient, juzi: MastodonClient) -> None:
    stream, received = _live(me, "notifications")
    try:
        juzi.post_status("@demo 通知一下")
        received.wait_for(lambda events: any(isinstance(e, NotificationArrived) for e in events))
        [note] = [e.notification for e in received.events if isinstance(e, NotificationArrived)]
        assert note.type == "mention" and [a.acct for a in note.accounts] == ["juzi"]
        assert note.status is not None
        assert received.arrived() == []
    finally:
        stream.stop()


def test_an_ended_stream_reconnects_and_catches_up(
        fast_server: DemoServer, me: MastodonClient, juzi: MastodonClient) -> None:
    fast_server.faults.add("/api/v1/streaming", status=0, end_stream=True, count=3)
    received = Received()
    stream = me.stream("home", received, since_id=me.timeline(limit=1).items[0].id).start()
    try:
        received.wait_for(lambda events: stream.connections >= 4
                          and _states(events)[-1] is StreamState.LIVE)
        assert StreamState.RECONNECTING in received.states()
        posted = juzi.post_status("after three drops")
        received.wait_for(lambda events: posted.id in received.arrived())
    finally:
        stream.stop()


# Catching up pages the stream's own timeline by its name: a hashtag's too.
@pytest.mark.parametrize("name", ["home", "tag:NeoDB"])
def test_posts_made_while_disconnected_are_caught_up(
        fast_server: DemoServer, me: MastodonClient, juzi: MastodonClient, name: str) -> None:
    newest = me.timeline(limit=1).items[0].id
    # The first connection is refused; what is posted then comes by catching up.
    fast_server.faults.add("/api/v1/streaming", status=503)
    missed = juzi.post_status("posted while the stream was down #NeoDB")
    received = Received()
    stream = me.stream(name, received, since_id=newest).start()
    try:
        received.wait_for(lambda events: missed.id in received.arrived())
        assert received.states()[:2] == [StreamState.RECONNECTING, StreamState.LIVE]
        assert received.arrived().count(missed.id) == 1
    finally:
        stream.stop()


def test_a_stalled_stream_is_noticed_and_replaced(
        fast_server: DemoServer, me: MastodonClient, juzi: MastodonClient) -> None:
    fast_server.faults.add("/api/v1/streaming", status=0, stall=True)
    received = Received()
    stream = me.stream("home", received, since_id=me.timeline(limit=1).items[0].id).start()
    try:
        # Live on the silent connection, then the stall timeout, then live again.
        received.wait_for(lambda events: _states(events)[-3:] == [
            StreamState.LIVE, StreamState.RECONNECTING, StreamState.LIVE])
        assert stream.connections == 2
        posted = juzi.post_status("after the stall")
        received.wait_for(lambda events: posted.id in received.arrived())
    finally:
        stream.stop()


def test_without_streaming_the_timeline_is_polled(
        fast_server: DemoServer, me: MastodonClient, juzi: MastodonClient) -> None:
    fast_server.faults.add("/api/v1/streaming", status=404, count=None)
    received = Received()
    stream = me.stream("home", received, since_id=me.timeline(limit=1).items[0].id).start()
    try:
        received.wait_for(lambda events: StreamState.POLLING in _states(events))
        posted = juzi.post_status("found by polling")
        received.wait_for(lambda events: posted.id in received.arrived())
        assert StreamState.LIVE not in received.states() and stream.connections == 0
    finally:
        stream.stop()


def test_stop_returns_at_once_from_a_blocked_read(me: MastodonClient) -> None:
    stream, _received = _live(me)
    stream.stop()
    stream.join(2)
    assert stream.state is StreamState.STOPPED


def test_timeline_names() -> None:
    assert channel_for("home").path == "/api/v1/streaming/user"
    assert channel_for("notifications").notifications
    assert channel_for("local").path == "/api/v1/streaming/public/local"
    assert channel_for("federated").path == "/api/v1/streaming/public"
    assert channel_for("tag:NeoDB").params == (("tag", "NeoDB"),)
    assert channel_for("list:7").params == (("list", "7"),)
    with pytest.raises(ValueError):
        channel_for("bookmarks")
    assert can_stream("tag:NeoDB") and not can_stream("bookmarks")
    assert http_base("wss://streaming.example/") == "https://streaming.example"
    assert http_base("ws://127.0.0.1:8000") == "http://127.0.0.1:8000"
    assert http_base(None) is None and http_base("ftp://x") is None


def test_backoff_doubles_up_to_its_cap_and_resets() -> None:
    backoff = Backoff(1.0, 8.0, jitter=lambda: 0.0)
    assert [backoff.next() for _ in range(6)] == [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    backoff.reset()
    assert backoff.next() == 1.0
    assert 0.8 <= Backoff(1.0, 8.0, jitter=lambda: 1.0).next() <= 1.0


def test_sse_framing_across_chunks() -> None:
    parser = SseParser()
    assert parser.feed(b":)\nevent: upd") == []
    assert parser.feed(b"ate\r\ndata: {\"a\":\ndata: 1}\n\n:thump\n") == [
        SseEvent("update", '{"a":\n1}')]
    assert parser.feed(b"event: delete\ndata: 42\n\n") == [SseEvent("delete", "42")]


def test_an_instance_without_a_streaming_url_is_polled(
        fast_server: DemoServer, me: MastodonClient, juzi: MastodonClient) -> None:
    asked: list[str] = []
    take = fast_server.faults.take

    def recording(path: str):  # type: ignore[no-untyped-def]
        asked.append(path)
        return take(path)

    fast_server.faults.take = recording  # type: ignore[method-assign]
    info = replace(me.instance(), streaming_url=None)
    received = Received()
    stream = LiveStream("home", received, lambda: source_for(me, "home", info, me.timeline),
                        timing=FAST, since_id=me.timeline(limit=1).items[0].id).start()
    try:
        posted = juzi.post_status("no streaming URL, still found")
        received.wait_for(lambda events: posted.id in received.arrived())
        assert received.states()[0] is StreamState.POLLING
        assert not any(path.startswith("/api/v1/streaming") for path in asked)
    finally:
        stream.stop()


def test_a_stale_cached_streaming_url_is_not_used(
        tmp_path: Path, fast_server: DemoServer, juzi: MastodonClient) -> None:
    # The cache remembers the instance from an earlier run whose streaming server
    # was elsewhere (the demo takes a new port every run): the stream asks afresh.
    from tootui.client.cache import Cache
    from tootui.client.cached import CachedClient

    cache = Cache(tmp_path / "cache.sqlite3")
    token = fast_server.create_token()
    with MastodonClient(fast_server.url, token) as earlier:
        info = earlier.instance()
    cache.put_instance(replace(info, streaming_url="ws://127.0.0.1:9"))
    client = CachedClient(cache, lambda: MastodonClient(fast_server.url, token,
                                                        stream_timing=FAST))
    client.stream_timing = FAST
    try:
        stream, received = _live(client)  # type: ignore[arg-type]
        try:
            posted = juzi.post_status("after a restart")
            received.wait_for(lambda events: posted.id in received.arrived())
        finally:
            stream.stop()
    finally:
        client.close()
