"""Streaming over Server-Sent Events: `user`, `user:notification`, `public`, `public:local`,
`public:remote`, `hashtag` and `list` streams, framed as Mastodon frames them.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from tootui.demo import entities
from tootui.demo.entities import View
from tootui.demo.ids import parse_id
from tootui.demo.instance_state import InstanceState
from tootui.demo.posting import Changes, Deleted
from tootui.demo.visibility import can_see
from tootui.demo.web import ApiError, current_account, state

_CHANNELS = {
    "user": "user",
    "user/notification": "user:notification",
    "public": "public",
    "public/local": "public:local",
    "public/remote": "public:remote",
    "hashtag": "hashtag",
    "hashtag/local": "hashtag:local",
    "list": "list",
}


@dataclass(frozen=True)
class Subscription:
    """One stream as a viewer asked for it."""

    stream: str
    viewer: int
    tag: str | None = None
    list_id: int | None = None

    def wants_status(
        self, db: sqlite3.Connection, row: sqlite3.Row | Mapping[str, Any],
        gone: Deleted | None = None,
    ) -> bool:
        """Whether this stream carries the status; `gone` for one just deleted,
        whose tags and mentions are no longer in the tables."""
        if not can_see(db, self.viewer, row, mentioned=gone.mentioned if gone else None):
            return False
        if self.stream == "user":
            return bool(
                row["account_id"] == self.viewer
                or db.execute(
                    "SELECT 1 FROM follows WHERE account_id=? AND target_id=?",
                    (self.viewer, row["account_id"]),
                ).fetchone()
            )
        if self.stream == "list":
            return bool(
                db.execute(
                    "SELECT 1 FROM list_accounts la JOIN lists l ON l.id = la.list_id"
                    " WHERE la.list_id=? AND l.account_id=? AND la.account_id=?",
                    (self.list_id, self.viewer, row["account_id"]),
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
            if gone is not None:
                return self.tag in gone.tags
            return bool(
                db.execute(
                    "SELECT 1 FROM status_tags WHERE status_id=? AND name=?", (row["id"], self.tag)
                ).fetchone()
            )
        return True

    @property
    def names(self) -> list[str]:
        """The `stream` array of a WebSocket message: the name, then its argument."""
        argument = self.tag if self.stream.startswith("hashtag") else self.list_id
        return [self.stream] if argument is None else [self.stream, str(argument)]

    def events(self, st: InstanceState, changes: Changes) -> list[tuple[str, str]]:
        """(event, payload) pairs this change means for this subscription."""
        found: list[tuple[str, str]] = []
        with st.store.tx() as db:
            view = View(db=db, base=st.base_url, viewer_id=self.viewer)
            if self.stream != "user:notification":
                for kind, ids in (
                    ("update", changes.new_statuses),
                    ("status.update", changes.edited_statuses),
                ):
                    for sid in ids:
                        row = db.execute("SELECT * FROM statuses WHERE id=?", (sid,)).fetchone()
                        if row is not None and self.wants_status(db, row):
                            payload = entities.status_from_row(view, row, streamed=True)
                            found.append((kind, _compact(payload)))
                for sid in changes.deleted_statuses:
                    # Mastodon sends a delete only where the status had gone.
                    gone = changes.deleted.get(sid)
                    if gone is None or self.wants_status(db, gone.row, gone):
                        found.append(("delete", str(sid)))
            if self.stream.startswith("user"):
                for nid in changes.notifications:
                    row = db.execute(
                        "SELECT * FROM notifications WHERE id=? AND account_id=?",
                        (nid, self.viewer),
                    ).fetchone()
                    if row is not None:
                        found.append(("notification", _compact(entities.notification(view, row))))
        return found


def _compact(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _frame(event: str, data: str) -> str:
    return f"event: {event}\ndata: {data}\n\n"


async def _sse(request: Request, sub: Subscription) -> AsyncIterator[str]:
    st = state(request)
    queue = st.bus.subscribe()
    try:
        yield ":)\n"
        marks = request.scope.get("state", {})
        if marks.get("end_stream"):
            return
        if marks.get("stall_stream"):  # an injected silent link: no events, no heartbeat
            while await queue.get() is not None:
                pass
            return
        while True:
            try:
                changes = await asyncio.wait_for(queue.get(), st.heartbeat_s)
            except TimeoutError:
                yield ":\n"
                continue
            if changes is None:
                return
            for event, payload in sub.events(st, changes):
                yield _frame(event, payload)
    finally:
        st.bus.unsubscribe(queue)


def subscription(
    name: str | None, viewer: int, tag: str | None, list_id: str | None, db: sqlite3.Connection
) -> Subscription | None:
    """The subscription asked for, or None when the stream is unknown or incomplete."""
    if name is None or name not in _CHANNELS.values():
        return None
    if name.startswith("hashtag"):
        return Subscription(name, viewer, tag.lower()) if tag else None
    if name == "list":
        owned = (
            parse_id(list_id) is not None
            and db.execute(
                "SELECT 1 FROM lists WHERE id=? AND account_id=?", (parse_id(list_id), viewer)
            ).fetchone()
        )
        return Subscription(name, viewer, list_id=parse_id(list_id)) if owned else None
    return Subscription(name, viewer)


async def stream(request: Request) -> Response:
    channel = request.path_params.get("channel") or ""
    name = _CHANNELS.get(channel) if channel else request.query_params.get("stream")
    if name is None or name not in _CHANNELS.values():
        raise ApiError(400, "Unknown channel requested")
    me = current_account(request)
    assert me is not None
    q = request.query_params
    with state(request).store.tx() as db:
        sub = subscription(name, me, q.get("tag"), q.get("list"), db)
    if sub is None:
        raise ApiError(400, "Unknown channel requested")
    return StreamingResponse(
        _sse(request, sub),
        media_type="text/event-stream",
        # As Mastodon's streaming server sends them (fixtures/real/streaming).
        headers={"Cache-Control": "private, no-store", "Access-Control-Allow-Origin": "*",
                 "X-Accel-Buffering": "no"},
    )


async def health(request: Request) -> Response:
    return PlainTextResponse("OK")


routes = [
    Route("/api/v1/streaming/health", health, methods=["GET"]),
    Route("/api/v1/streaming", stream, methods=["GET"]),
    Route("/api/v1/streaming/{channel:path}", stream, methods=["GET"]),
]
