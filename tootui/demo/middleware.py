"""ASGI middleware: rate-limit headers on every response, and injected faults.

Plain ASGI (not `BaseHTTPMiddleware`) so streaming responses pass through
untouched and a dropped connection really drops.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tootui.demo.faults import Fault, Faults

RATE_LIMIT = 300
RATE_WINDOW_S = 300


class RateLimitHeaders:
    """Mastodon's `X-RateLimit-*` headers: 300 requests per 5-minute window.

    The demo counts but never refuses; refusing is a fault to inject (429).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._lock = threading.Lock()
        self._window = 0
        self._used = 0

    def _spend(self) -> tuple[int, str]:
        now = time.time()
        window = int(now // RATE_WINDOW_S)
        with self._lock:
            if window != self._window:
                self._window, self._used = window, 0
            self._used += 1
            remaining = max(0, RATE_LIMIT - self._used)
        reset = datetime.fromtimestamp((window + 1) * RATE_WINDOW_S, tz=UTC)
        return remaining, reset.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        remaining, reset = self._spend()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"x-ratelimit-limit", str(RATE_LIMIT).encode()),
                    (b"x-ratelimit-remaining", str(remaining).encode()),
                    (b"x-ratelimit-reset", reset.encode()),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class DroppedConnection(Exception):
    """Raised mid-response so the server closes the socket (an injected fault)."""


class FaultInjection:
    """Applies the first matching `Faults` rule to each HTTP request."""

    def __init__(self, app: ASGIApp, faults: Faults, revoke_tokens: Callable[[], None]) -> None:
        self.app = app
        self.faults = faults
        self.revoke_tokens = revoke_tokens

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        wanted = scope["type"] in ("http", "websocket")
        fault = self.faults.take(scope["path"]) if wanted else None
        if fault is None:
            await self.app(scope, receive, send)
            return
        if fault.delay:
            await asyncio.sleep(fault.delay)
        if scope["type"] == "websocket":
            await self._websocket(fault, scope, receive, send)
            return
        if fault.status >= 400:
            await _send_error(send, fault.status, fault.retry_after, fault.error)
            return
        if fault.drop:
            await self.app(scope, receive, _dropping(send))
            return
        if fault.revoke_tokens:
            self.revoke_tokens()
        await self.app(_marked(scope, fault), receive, send)

    async def _websocket(self, fault: Fault, scope: Scope, receive: Receive, send: Send) -> None:
        """Error statuses and drops refuse the handshake; end-stream closes after it."""
        if fault.status >= 400 or fault.drop:
            await receive()  # the websocket.connect message
            await send({"type": "websocket.close", "code": 1011})
            return
        if fault.revoke_tokens:
            self.revoke_tokens()
        await self.app(_marked(scope, fault), receive, send)


def _marked(scope: Scope, fault: Fault) -> Scope:
    """The scope with the streaming faults the endpoints act on (ending, stalling)."""
    marks = {name: True for name, on in (("end_stream", fault.end_stream),
                                          ("stall_stream", fault.stall)) if on}
    return {**scope, "state": {**scope.get("state", {}), **marks}} if marks else scope


def _dropping(send: Send) -> Send:
    async def dropping_send(message: Message) -> None:
        if message["type"] == "http.response.body":
            body = message.get("body", b"")
            await send(
                {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
            )
            raise DroppedConnection("connection dropped by an injected fault")
        await send(message)

    return dropping_send


_MESSAGES = {
    429: "Too many requests",
    500: "We're sorry, but something went wrong on our end.",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


async def _send_error(send: Send, status: int, retry_after: int | None,
                      error: str | None) -> None:
    body = json.dumps({"error": error or _MESSAGES.get(status, "Error")}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if retry_after is not None:
        headers.append((b"retry-after", str(retry_after).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
