"""Streaming over Server-Sent Events: `user`, `public`, `public:local`,
`public:remote` and `hashtag` streams, framed as Mastodon frames them.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from tootui.demo import entities
from tootui.demo.instance_state import InstanceState
from tootui.demo.posting import Changes
from tootui.demo.visibility import can_see
from tootui.demo.web import ApiError, current_account, make_view, state

HEARTBEAT_S = 15.0
_CHANNELS = {
    "user": "user",
    "user/notification": "user:notification",
    "public": "public",
    "public/local": "public:local",
    "public/remote": "public:remote",
    "hashtag": "hashtag",
    "hashtag/local": "hashtag:local",
}


@dataclass(frozen=True)
class Subscription:
    """One stream as a viewer asked for it."""

    stream: str
    viewer: int
    tag: str | None = None

    def wants_status(self, db: sqlite3.Connection, row: sqlite3.Row) -> bool:
        if not can_see(db, self.viewer, row):
            return False
        if self.stream == "user":
            return bool(
                row["account_id"] == self.viewer
                or db.execute(
                    "SELECT 1 FROM follows WHERE account_id=? AND target_id=?",
                    (self.viewer, row["account_id"]),
                ).fetchone()
            )
        if self.stream == "user:notification" or row["visibility"] != "public":
            return False
        if row["reblog_of_id"] is not None:
            return False
        local = db.execute(
            "SELECT domain IS NULL FROM accounts WHERE id=?", (row["account_id"],)
        ).fetchone()[0]
        if self.stream.endswith(":local") and not local:
            return False
        if self.stream.endswith(":remote") and local:
            return False
        if self.stream.startswith("hashtag"):
            return bool(
                db.execute(
                    "SELECT 1 FROM status_tags WHERE status_id=? AND name=?", (row["id"], self.tag)
                ).fetchone()
            )
        return True

    def events(self, request: Request, st: InstanceState, changes: Changes) -> list[str]:
        """The SSE frames this change means for this subscription."""
        frames: list[str] = []
        with st.store.tx() as db:
            view = make_view(request, db, self.viewer)
            if self.stream != "user:notification":
                for sid in changes.new_statuses:
                    row = db.execute("SELECT * FROM statuses WHERE id=?", (sid,)).fetchone()
                    if row is not None and self.wants_status(db, row):
                        payload = entities.status_from_row(view, row, streamed=True)
                        frames.append(_frame("update", _compact(payload)))
                for sid in changes.deleted_statuses:
                    frames.append(_frame("delete", str(sid)))
            if self.stream.startswith("user"):
                for nid in changes.notifications:
                    row = db.execute(
                        "SELECT * FROM notifications WHERE id=? AND account_id=?",
                        (nid, self.viewer),
                    ).fetchone()
                    if row is not None:
                        frames.append(
                            _frame("notification", _compact(entities.notification(view, row)))
                        )
        return frames


def _compact(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _frame(event: str, data: str) -> str:
    return f"event: {event}\ndata: {data}\n\n"


async def _sse(request: Request, sub: Subscription) -> AsyncIterator[str]:
    st = state(request)
    queue = st.bus.subscribe()
    try:
        yield ":)\n"
        if request.scope.get("state", {}).get("end_stream"):
            return
        while True:
            try:
                changes = await asyncio.wait_for(queue.get(), HEARTBEAT_S)
            except TimeoutError:
                yield ":\n"
                continue
            if changes is None:
                return
            for frame in sub.events(request, st, changes):
                yield frame
    finally:
        st.bus.unsubscribe(queue)


async def stream(request: Request) -> Response:
    channel = request.path_params.get("channel") or ""
    name = _CHANNELS.get(channel) if channel else request.query_params.get("stream")
    if name not in _CHANNELS.values():
        raise ApiError(400, "Unknown channel requested")
    me = current_account(request)
    assert me is not None
    tag = request.query_params.get("tag")
    if name.startswith("hashtag") and not tag:
        raise ApiError(400, "Unknown channel requested")
    sub = Subscription(name, me, tag.lower() if tag else None)
    return StreamingResponse(
        _sse(request, sub),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


async def health(request: Request) -> Response:
    return PlainTextResponse("OK")


routes = [
    Route("/api/v1/streaming/health", health, methods=["GET"]),
    Route("/api/v1/streaming", stream, methods=["GET"]),
    Route("/api/v1/streaming/{channel:path}", stream, methods=["GET"]),
]
