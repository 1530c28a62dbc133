"""Polls: creation from a status's POST parameters, viewing and voting."""

from __future__ import annotations

import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo import entities
from tootui.demo.ids import iso_from_ms, now_ms, snowflake
from tootui.demo.visibility import can_see
from tootui.demo.web import (
    ApiError,
    Params,
    current_account,
    json_response,
    make_view,
    not_found,
    params,
    state,
)


def poll_from_params(p: Params) -> dict[str, Any] | None:
    """The Poll entity for a new status, or None; `poll[...]` comes as form or JSON."""
    raw = p.get("poll")
    if isinstance(raw, dict):
        options = raw.get("options") or []
        expires_in, multiple = raw.get("expires_in"), raw.get("multiple")
    else:
        options = p.list("poll[options]")
        if not options:
            return None
        expires_in, multiple = p.get("poll[expires_in]"), p.get("poll[multiple]")
    if not options:
        return None
    if not 2 <= len(options) <= 4:
        raise ApiError(422, "Validation failed: Poll options must have between 2 and 4 items")
    try:
        seconds = int(str(expires_in))
    except ValueError as exc:
        raise ApiError(422, "Validation failed: Poll expires at can't be blank") from exc
    if not 300 <= seconds <= 2629746:
        raise ApiError(422, "Validation failed: Poll expires at is invalid")
    is_multiple = str(multiple).lower() in ("1", "true")
    return make_poll([str(o) for o in options], seconds, is_multiple)


def make_poll(options: list[str], seconds: int, multiple: bool) -> dict[str, Any]:
    return {
        "id": str(snowflake()),
        "expires_at": iso_from_ms(now_ms() + seconds * 1000),
        "expired": False,
        "multiple": multiple,
        "votes_count": 0,
        "voters_count": 0,
        "options": [{"title": title, "votes_count": 0} for title in options],
        "emojis": [],
    }


def _poll_row(db: sqlite3.Connection, request: Request, viewer: int | None) -> sqlite3.Row:
    poll_id = request.path_params["id"]
    row = db.execute(
        "SELECT * FROM statuses WHERE poll IS NOT NULL AND json_extract(poll, '$.id') = ?",
        (poll_id,),
    ).fetchone()
    if row is None or not can_see(db, viewer, row):
        raise not_found()
    return row


async def get_poll(request: Request) -> Response:
    viewer = current_account(request, required=False)
    with state(request).store.tx() as db:
        row = _poll_row(db, request, viewer)
        return json_response(entities.poll(make_view(request, db, viewer), row))


async def vote(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    with state(request).store.tx() as db:
        row = _poll_row(db, request, me)
        view = make_view(request, db, me)
        current = entities.poll(view, row)
        if current["expired"]:
            raise ApiError(422, "Validation failed: The poll has already ended")
        if current.get("voted"):
            raise ApiError(422, "Validation failed: You have already voted on this poll")
        choices = sorted({int(c) for c in p.list("choices") if str(c).isdigit()})
        if not choices or any(c >= len(current["options"]) for c in choices):
            raise ApiError(422, "Validation failed: Choices is invalid")
        if len(choices) > 1 and not current["multiple"]:
            raise ApiError(422, "Validation failed: Choices must be a single choice")
        db.executemany(
            "INSERT INTO poll_votes (status_id, account_id, choice) VALUES (?, ?, ?)",
            [(row["id"], me, choice) for choice in choices],
        )
        return json_response(entities.poll(view, row))


routes = [
    Route("/api/v1/polls/{id}", get_poll, methods=["GET"]),
    Route("/api/v1/polls/{id}/votes", vote, methods=["POST"]),
]
