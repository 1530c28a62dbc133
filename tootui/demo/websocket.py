"""Streaming over WebSocket: one connection, many streams, as Mastodon multiplexes.

Clients authenticate with `?access_token=`, an `Authorization` header, or the
token as `Sec-WebSocket-Protocol`; `?stream=` subscribes at once, and
`{"type": "subscribe" | "unsubscribe", "stream": ..., "tag"/"list": ...}`
messages change the set later.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Any

from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from tootui.demo.instance_state import InstanceState
from tootui.demo.posting import Changes
from tootui.demo.streaming import Subscription, subscription

_UNKNOWN = {"error": "Unknown stream type", "status": 400}


def _token(ws: WebSocket) -> tuple[str | None, str | None]:
    """The token and, when it came as the subprotocol, the subprotocol to echo."""
    header = ws.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip(), None
    if ws.query_params.get("access_token"):
        return ws.query_params["access_token"], None
    # The server hands the offered subprotocols over in the scope, not the headers.
    offered = ws.scope.get("subprotocols") or []
    return (offered[0], offered[0]) if offered else (None, None)


def _account(st: InstanceState, token: str | None) -> int | None:
    if not token:
        return None
    with st.store.tx() as db:
        row = db.execute(
            "SELECT account_id FROM tokens WHERE token=? AND NOT revoked", (token,)
        ).fetchone()
    return None if row is None or row["account_id"] is None else int(row["account_id"])


def _subscribe(st: InstanceState, me: int, message: dict[str, Any]) -> Subscription | None:
    with st.store.tx() as db:
        return subscription(
            str(message.get("stream")), me, message.get("tag"), message.get("list"), db
        )


async def _reader(
    ws: WebSocket, st: InstanceState, me: int, subs: dict[tuple[str, ...], Subscription]
) -> None:
    while True:
        try:
            message = json.loads(await ws.receive_text())
        except (ValueError, TypeError):
            await ws.send_json(_UNKNOWN)
            continue
        if not isinstance(message, dict) or message.get("type") not in ("subscribe", "unsubscribe"):
            await ws.send_json(_UNKNOWN)
            continue
        sub = _subscribe(st, me, message)
        if sub is None:
            await ws.send_json(_UNKNOWN)
        elif message["type"] == "subscribe":
            subs[tuple(sub.names)] = sub
        else:
            subs.pop(tuple(sub.names), None)


async def _writer(
    ws: WebSocket,
    st: InstanceState,
    queue: asyncio.Queue[Changes | None],
    subs: dict[tuple[str, ...], Subscription],
) -> None:
    while True:
        changes = await queue.get()
        if changes is None:
            return
        for sub in list(subs.values()):
            for event, payload in sub.events(st, changes):
                await ws.send_text(
                    json.dumps(
                        {"stream": sub.names, "event": event, "payload": payload},
                        ensure_ascii=False,
                        separators=(",", ":"),
                    )
                )


async def websocket_stream(ws: WebSocket) -> None:
    st: InstanceState = ws.app.state.demo
    token, protocol = _token(ws)
    me = _account(st, token)
    if me is None:
        await ws.close(code=4001)
        return
    await ws.accept(subprotocol=protocol)
    if ws.scope.get("state", {}).get("end_stream"):
        await ws.close()  # an injected "end the stream" fault
        return
    subs: dict[tuple[str, ...], Subscription] = {}
    initial = ws.query_params.get("stream")
    if initial:
        sub = _subscribe(st, me, dict(ws.query_params))
        if sub is None:
            await ws.send_json(_UNKNOWN)
        else:
            subs[tuple(sub.names)] = sub
    queue = st.bus.subscribe()
    # An injected stall: subscriptions are taken, nothing is ever written.
    stalled = bool(ws.scope.get("state", {}).get("stall_stream"))
    written: dict[tuple[str, ...], Subscription] = {} if stalled else subs
    tasks = [
        asyncio.ensure_future(_reader(ws, st, me, subs)),
        asyncio.ensure_future(_writer(ws, st, queue, written)),
    ]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        st.bus.unsubscribe(queue)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, WebSocketDisconnect):
                await task
        if ws.client_state.name == "CONNECTED":
            await ws.close()


routes = [WebSocketRoute("/api/v1/streaming", websocket_stream)]
