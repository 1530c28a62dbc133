"""Markers: where the user stopped reading `home` and `notifications`."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo.ids import iso_from_ms, now_ms
from tootui.demo.web import ApiError, current_account, json_response, params, state

_TIMELINES = ("home", "notifications")


def _marker(row: Any) -> dict[str, Any]:
    return {
        "last_read_id": row["last_read_id"],
        "version": row["version"],
        "updated_at": iso_from_ms(row["updated_ms"]),
    }


async def get_markers(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    wanted = [t for t in p.list("timeline") if t in _TIMELINES]
    with state(request).store.tx() as db:
        rows = db.execute("SELECT * FROM markers WHERE account_id=?", (me,)).fetchall()
    return json_response({r["timeline"]: _marker(r) for r in rows if r["timeline"] in wanted})


async def save_markers(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    updates: dict[str, str] = {}
    for timeline in _TIMELINES:
        nested = p.get(timeline)
        value = (
            nested.get("last_read_id")
            if isinstance(nested, dict)
            else p.get(f"{timeline}[last_read_id]")
        )
        if value is not None:
            updates[timeline] = str(value)
    if not updates:
        raise ApiError(422, "Validation failed: Last read can't be blank")
    with state(request).store.tx() as db:
        for timeline, last_read in updates.items():
            db.execute(
                "INSERT INTO markers (account_id, timeline, last_read_id, version, updated_ms)"
                " VALUES (?, ?, ?, 1, ?) ON CONFLICT (account_id, timeline) DO UPDATE SET"
                " last_read_id=excluded.last_read_id, version=version+1,"
                " updated_ms=excluded.updated_ms",
                (me, timeline, last_read, now_ms()),
            )
        rows = db.execute("SELECT * FROM markers WHERE account_id=?", (me,)).fetchall()
    return json_response({r["timeline"]: _marker(r) for r in rows if r["timeline"] in updates})


routes = [
    Route("/api/v1/markers", get_markers, methods=["GET"]),
    Route("/api/v1/markers", save_markers, methods=["POST"]),
]
