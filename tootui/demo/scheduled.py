"""Scheduled statuses: kept until due, then published (by a one-second ticker
on the server's loop, and before any home timeline is read)."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from dataclasses import asdict
from datetime import datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo import entities, posting
from tootui.demo.ids import iso_from_ms, now_ms, parse_id
from tootui.demo.instance_state import InstanceState
from tootui.demo.posting import Changes, NewStatus
from tootui.demo.web import (
    ApiError,
    current_account,
    cursor,
    fetch_page,
    json_response,
    link_header,
    make_view,
    not_found,
    params,
    state,
)

MIN_LEAD_MS = 5 * 60 * 1000  # Mastodon refuses times less than five minutes ahead.


def parse_when(value: Any) -> int:
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError as exc:
        raise ApiError(422, "Validation failed: Scheduled at is invalid") from exc
    if moment.tzinfo is None:
        raise ApiError(422, "Validation failed: Scheduled at is invalid")
    ms = int(moment.timestamp() * 1000)
    if ms < now_ms() + MIN_LEAD_MS:
        raise ApiError(
            422, "Validation failed: Scheduled at the scheduled date must be in the future"
        )
    return ms


def schedule(db: sqlite3.Connection, account_id: int, post: NewStatus, when_ms: int) -> int:
    cursor_ = db.execute(
        "INSERT INTO scheduled_statuses (account_id, scheduled_ms, params) VALUES (?, ?, ?)",
        (account_id, when_ms, json.dumps(asdict(post), ensure_ascii=False)),
    )
    for media_id in post.media_ids:
        db.execute(
            "UPDATE media SET status_id=-1 WHERE id=? AND account_id=?", (media_id, account_id)
        )
    return int(cursor_.lastrowid or 0)


def entity(view: entities.View, row: sqlite3.Row) -> dict[str, Any]:
    post = json.loads(row["params"])
    media = [
        entities.media(view, m)
        for m in view.db.execute(
            "SELECT * FROM media WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(post["media_ids"]),),
        )
    ]
    return {
        "id": str(row["id"]),
        "scheduled_at": iso_from_ms(row["scheduled_ms"]),
        "params": {
            "text": post["text"],
            "quote_approval_policy": "public",
            "media_ids": [str(m) for m in post["media_ids"]] or None,
            "sensitive": post["sensitive"] or None,
            "spoiler_text": post["spoiler_text"] or None,
            "visibility": post["visibility"],
            "language": post["language"],
            "scheduled_at": None,
            "poll": post["poll"],
            "allowed_mentions": None,
            "idempotency": None,
            "with_rate_limit": False,
            "in_reply_to_id": post["in_reply_to_id"],
            "application_id": None,
            "quoted_status_id": None,
        },
        "media_attachments": media,
    }


def publish_due(st: InstanceState) -> None:
    """Publish every scheduled status whose time has come."""
    changes = Changes()
    with st.store.tx() as db:
        for row in db.execute(
            "SELECT * FROM scheduled_statuses WHERE scheduled_ms <= ? ORDER BY scheduled_ms",
            (now_ms(),),
        ).fetchall():
            post = NewStatus(**json.loads(row["params"]))
            db.execute(
                "UPDATE media SET status_id=NULL WHERE status_id=-1 AND id IN"
                " (SELECT value FROM json_each(?))",
                (json.dumps(post.media_ids),),
            )
            posting.create_status(db, row["account_id"], post, changes)
            db.execute("DELETE FROM scheduled_statuses WHERE id=?", (row["id"],))
    st.bus.publish(changes)


async def ticker(st: InstanceState) -> None:
    """Runs for the server's lifetime, publishing what falls due."""
    while True:
        await asyncio.sleep(1.0)
        publish_due(st)


def _own(db: sqlite3.Connection, request: Request, me: int | None) -> sqlite3.Row:
    row = db.execute(
        "SELECT * FROM scheduled_statuses WHERE id=? AND account_id=?",
        (parse_id(request.path_params["id"]), me),
    ).fetchone()
    if row is None:
        raise not_found()
    return row


async def index(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    c = cursor(p, 20, 40)
    with state(request).store.tx() as db:
        rows = fetch_page(
            db, "x.account_id = :me", {"me": me}, c, "x.id", "x.* FROM scheduled_statuses x"
        )
        view = make_view(request, db, me)
        body = [entity(view, r) for r in rows]
    ids = [r["id"] for r in rows]
    return json_response(body, headers=link_header(request, ids, full=c.limit))


async def show(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        return json_response(entity(make_view(request, db, me), _own(db, request, me)))


async def update(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    with state(request).store.tx() as db:
        row = _own(db, request, me)
        when = parse_when(p.get("scheduled_at")) if p.get("scheduled_at") else row["scheduled_ms"]
        db.execute("UPDATE scheduled_statuses SET scheduled_ms=? WHERE id=?", (when, row["id"]))
        row = _own(db, request, me)
        return json_response(entity(make_view(request, db, me), row))


async def cancel(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        row = _own(db, request, me)
        db.execute("DELETE FROM scheduled_statuses WHERE id=?", (row["id"],))
        db.execute(
            "UPDATE media SET status_id=NULL WHERE status_id=-1 AND id IN"
            " (SELECT value FROM json_each(?))",
            (json.dumps(json.loads(row["params"])["media_ids"]),),
        )
    return json_response({})


routes = [
    Route("/api/v1/scheduled_statuses", index, methods=["GET"]),
    Route("/api/v1/scheduled_statuses/{id}", show, methods=["GET"]),
    Route("/api/v1/scheduled_statuses/{id}", update, methods=["PUT"]),
    Route("/api/v1/scheduled_statuses/{id}", cancel, methods=["DELETE"]),
]
