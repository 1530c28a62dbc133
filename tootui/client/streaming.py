"""Live timelines: new, edited and deleted posts as they happen, whatever the link does.

A `LiveStream` keeps one timeline live on a thread of its own and hands our
models to a `sink` (called on that thread): `StatusArrived`, `StatusEdited`,
`StatusRemoved`, `NotificationArrived`, and `StateChanged` as it goes
between live, reconnecting and polling. It reads Mastodon's streaming API as
Server-Sent Events; when the stream ends, fails or stalls (no byte, not even
the server's `:thump` heartbeat, for `stall_after` seconds) it reconnects
with capped exponential backoff, then asks the timeline for what the gap
missed (`min_id`), so reconnecting loses nothing. A server without streaming
(no streaming URL, or 404/405/501 on the stream) is polled instead, and
streaming is tried again now and then.

Why not Mastodon.py's `stream_user(..., run_async=True, reconnect_async=True)`:
its reconnect waits a fixed time (no backoff), every failed connect is the
same `MastodonNetworkError` (a 404, "no streaming here", looks like a dropped
link, so there is nothing to fall back on), it makes no attempt to catch up
on a gap (its documentation says so), and its `close()` from another thread
waits for the server's next byte. Our reader runs on the client's own HTTP
session (same transport, user agent and timeouts) and `stop()` shuts the
socket, so it returns at once.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from tootui.client.coerce import mapping
from tootui.client.convert import status_from_json
from tootui.client.convert_notifications import notification_from_json
from tootui.client.sse import SseEvent, SseParser
from tootui.client.stream_events import (
    Backoff,
    NotificationArrived,
    Sink,
    StateChanged,
    StatusArrived,
    StatusEdited,
    StatusRemoved,
    StreamEvent,
    StreamState,
    StreamTiming,
)
from tootui.models import InstanceInfo, Notification, Page, id_sort_key

if TYPE_CHECKING:
    import requests

__all__ = [
    "Backoff", "Channel", "LiveStream", "NotificationArrived", "Sink", "StateChanged",
    "StatusArrived", "StatusEdited", "StatusRemoved", "StreamEvent", "StreamSource",
    "StreamState", "StreamTiming", "can_stream", "channel_for", "http_base",
    "source_for",
]

log = logging.getLogger(__name__)

# The server has no (such) stream: not a passing failure, so poll instead.
UNSUPPORTED = frozenset({400, 404, 405, 410, 501})
CATCH_UP_LIMIT = 40
CATCH_UP_PAGES = 5  # a longer gap than 200 posts is left to the timeline's own loading


@dataclass(frozen=True, slots=True)
class Channel:
    """Where a timeline streams from: a path under the streaming base, and its query."""

    path: str
    params: tuple[tuple[str, str], ...] = ()
    notifications: bool = False  # the notifications timeline: only those events


def can_stream(name: str) -> bool:
    """Whether timeline `name` has a stream (bookmarks, favourites and the like don't)."""
    try:
        channel_for(name)
    except ValueError:
        return False
    return True


def channel_for(name: str) -> Channel:
    """The stream of timeline `name` (home, notifications, local, federated, tag:X, list:ID)."""
    fixed = {
        "home": Channel("/api/v1/streaming/user"),
        "notifications": Channel("/api/v1/streaming/user/notification", notifications=True),
        "local": Channel("/api/v1/streaming/public/local"),
        "federated": Channel("/api/v1/streaming/public"),
        "public": Channel("/api/v1/streaming/public"),
    }
    if name in fixed:
        return fixed[name]
    kind, _sep, argument = name.partition(":")
    if kind == "tag" and argument:
        return Channel("/api/v1/streaming/hashtag", (("tag", argument.lstrip("#")),))
    if kind == "list" and argument:
        return Channel("/api/v1/streaming/list", (("list", argument),))
    raise ValueError(f"no stream for timeline {name!r}")


def http_base(streaming_url: str | None) -> str | None:
    """The streaming server as an http(s) base (instances announce it as ws(s)://)."""
    if not streaming_url:
        return None
    parts = urlsplit(streaming_url)
    scheme = {"ws": "http", "wss": "https"}.get(parts.scheme, parts.scheme)
    if scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}"


class Opener(Protocol):
    def __call__(self, url: str, params: Sequence[tuple[str, str]],
                 timeout: tuple[float, float]) -> requests.Response: ...


@dataclass(frozen=True)
class StreamSource:
    """What a stream needs from a client; made on the stream's thread, since making
    it may connect (and, for the demo, start the instance)."""

    base: str | None  # None: the server has no streaming, poll
    open: Opener
    poll: Callable[[str | None], Sequence[StreamEvent]]  # what is newer than an id, oldest first


class _Client(Protocol):
    def open_stream(self, url: str, params: Sequence[tuple[str, str]],
                    timeout: tuple[float, float]) -> requests.Response: ...

    def new_notifications(self, min_id: str | None) -> tuple[Notification, ...]: ...


def source_for(client: _Client, name: str, info: InstanceInfo,
               timeline: Callable[..., Page]) -> StreamSource:
    """The stream of `name` on `client`; `timeline` pages for catching up and polling
    (the cached client passes its own, so what arrives is kept)."""
    channel = channel_for(name)
    if channel.notifications:
        def poll(since: str | None) -> list[StreamEvent]:
            return [NotificationArrived(n) for n in reversed(client.new_notifications(since))]
    else:
        def poll(since: str | None) -> list[StreamEvent]:
            found: list[StreamEvent] = []
            for _page in range(CATCH_UP_PAGES):
                page = timeline(name, min_id=since, limit=CATCH_UP_LIMIT)
                found.extend(StatusArrived(s) for s in reversed(page.items))
                if since is None or len(page.items) < CATCH_UP_LIMIT:
                    break
                since = max((s.id for s in page.items), key=id_sort_key)
            return found
    return StreamSource(http_base(info.streaming_url), client.open_stream, poll)


class LiveStream:
    """One timeline kept live on a daemon thread; `start()`, then `stop()` from any thread."""

    def __init__(self, name: str, sink: Sink, prepare: Callable[[], StreamSource], *,
                 timing: StreamTiming | None = None, since_id: str | None = None) -> None:
        self.name = name
        self.channel = channel_for(name)
        self.timing = timing or StreamTiming()
        self._sink = sink
        self._prepare = prepare
        self._since = since_id
        self._state = StreamState.CONNECTING
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._settled = threading.Event()  # the first connection attempt has an outcome
        self._response: requests.Response | None = None
        self._thread: threading.Thread | None = None
        self.connections = 0  # how many times a stream was opened (tests and logs)

    @property
    def state(self) -> StreamState:
        return self._state

    def start(self) -> LiveStream:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=f"tootui-stream-{self.name}",
                                            daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        """End the stream now: shuts its socket, so a blocked read returns at once."""
        self._stop.set()
        self._settled.set()
        with self._lock:
            response = self._response
        if response is not None:
            sock = getattr(getattr(response.raw, "_connection", None), "sock", None)
            if sock is not None:
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def join(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def wait_settled(self, timeout: float) -> bool:
        """Block until the first attempt to go live has an outcome (live, polling or failed)."""
        return self._settled.wait(timeout)

    def seen(self, item_id: str) -> None:
        """The reader has everything up to `item_id`: catching up starts after it."""
        with self._lock:
            if self._since is None or id_sort_key(item_id) > id_sort_key(self._since):
                self._since = item_id

    # -- the thread --------------------------------------------------------

    def _run(self) -> None:
        timing = self.timing
        backoff = Backoff(timing.first_retry, timing.max_retry)
        source: StreamSource | None = None
        streaming_again_at = 0.0  # monotonic time before which we poll instead
        try:
            while not self._stop.is_set():
                polling = source is not None and (
                    source.base is None or time.monotonic() < streaming_again_at)
                try:
                    if source is None:
                        source = self._prepare()
                        continue
                    if polling:
                        self._set(StreamState.POLLING)
                        self._catch_up(source, strict=True)
                        backoff.reset()
                        delay = timing.poll_every
                    elif self._listen(source, backoff):
                        streaming_again_at = time.monotonic() + timing.probe_every
                        continue
                    else:
                        delay = backoff.next()
                        if not self._stop.is_set():
                            self._set(StreamState.RECONNECTING)
                except Exception as error:  # connecting, reading or polling: try again later
                    if self._stop.is_set():
                        break  # stopping shut the socket under a read
                    log.info("stream %s: %s", self.name, _describe(error))
                    self._set(StreamState.POLLING if polling else StreamState.RECONNECTING)
                    delay = backoff.next()
                self._settled.set()
                self._stop.wait(delay)
        finally:
            self._set(StreamState.STOPPED)
            self._settled.set()

    def _listen(self, source: StreamSource, backoff: Backoff) -> bool:
        """Read one connection until it ends; True when the server has no streaming."""
        assert source.base is not None
        response = source.open(source.base + self.channel.path, self.channel.params,
                               (self.timing.connect_timeout, self.timing.stall_after))
        with self._lock:
            self._response = response
        try:
            if self._stop.is_set():
                return False
            if response.status_code in UNSUPPORTED:
                log.info("stream %s: no streaming here (%s), polling", self.name,
                         response.status_code)
                return True
            if response.status_code != 200:
                raise ConnectionError(f"HTTP {response.status_code}")
            self.connections += 1
            self._set(StreamState.LIVE)
            self._settled.set()
            # Asked after the stream opened, so nothing falls between the two.
            self._catch_up(source, strict=False)
            parser = SseParser()
            chunks = 0
            while not self._stop.is_set():
                chunk = response.raw.read1(65536)
                if not chunk:
                    log.info("stream %s: ended by the server", self.name)
                    return False
                chunks += 1
                if chunks == 2:  # past the opening comment: this connection works
                    backoff.reset()
                for event in parser.feed(chunk):
                    self._dispatch(event)
            return False
        finally:
            with self._lock:
                self._response = None
            response.close()

    def _catch_up(self, source: StreamSource, *, strict: bool) -> None:
        with self._lock:
            since = self._since
        if since is None and not strict and self.connections <= 1:
            # Nothing shown yet: the timeline's own first load covers the first
            # connection. After a gap, an empty timeline needs the newest page.
            return
        try:
            found = source.poll(since)
        except Exception as error:
            if strict:
                raise
            log.info("stream %s: catching up failed: %s", self.name, _describe(error))
            return
        for event in found:
            self._emit(event)

    def _dispatch(self, event: SseEvent) -> None:
        try:
            item = self._convert(event)
        except ValueError:
            log.info("stream %s: unreadable %s event", self.name, event.event)
            return
        if item is not None:
            self._emit(item)

    def _convert(self, event: SseEvent) -> StreamEvent | None:
        kind = event.event
        if kind == "notification":
            notification = notification_from_json(_json(event.data))
            if notification is None or not self.channel.notifications:
                return None
            return NotificationArrived(notification)
        if self.channel.notifications:
            return None
        if kind == "update":
            return StatusArrived(status_from_json(_json(event.data)))
        if kind == "status.update":
            return StatusEdited(status_from_json(_json(event.data)))
        if kind == "delete":
            return StatusRemoved(event.data.strip().strip('"'))
        return None  # filters_changed, announcements, conversations: not a timeline's

    def _emit(self, event: StreamEvent) -> None:
        if isinstance(event, StatusArrived):
            self.seen(event.status.id)
        elif isinstance(event, NotificationArrived):
            # A group (caught up through the grouped API) is keyed by its group.
            self.seen(event.notification.newest_id or event.notification.id)
        try:
            self._sink(event)
        except Exception:  # the receiver's bug must not end the stream
            log.exception("stream %s: the receiver failed", self.name)

    def _set(self, state: StreamState) -> None:
        with self._lock:
            if state is self._state:
                return
            self._state = state
        self._emit(StateChanged(state))


def _json(data: str) -> Any:
    value = json.loads(data)
    if not isinstance(value, dict):
        raise ValueError("not an object")
    return mapping(value)


def _describe(error: BaseException) -> str:
    """One line, no URL (it would carry nothing secret, but it is noise in the log)."""
    return type(error).__name__ + (f": {error.args[0]}" if error.args and
                                   isinstance(error.args[0], str) and "://" not in
                                   error.args[0] else "")
