"""Notifications v1: list (types / exclude_types), get, dismiss, clear, unread count."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo import entities
from tootui.demo.ids import parse_id
from tootui.demo.web import (
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

# What Mastodon's notifications controller repeats in its Link.
_KEEP = ("limit", "account_id", "types", "exclude_types", "include_filtered")
_TYPES = ("mention", "status", "reblog", "follow", "follow_request", "favourite", "poll", "update")


async def list_notifications(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    c = cursor(p, 40, 80)
    clauses, args = ["n.account_id = :me"], {"me": me}
    types = [t for t in p.list("types") if t in _TYPES]
    if types:
        clauses.append("n.type IN (" + ", ".join(f":t{i}" for i in range(len(types))) + ")")
        args.update({f"t{i}": t for i, t in enumerate(types)})
    excluded = [t for t in p.list("exclude_types") if t in _TYPES]
    if excluded:
        clauses.append("n.type NOT IN (" + ", ".join(f":x{i}" for i in range(len(excluded))) + ")")
        args.update({f"x{i}": t for i, t in enumerate(excluded)})
    account_id = p.id("account_id")
    if account_id is not None:
        clauses.append("n.from_account_id = :from")
        args["from"] = account_id
    with state(request).store.tx() as db:
        rows = fetch_page(db, " AND ".join(clauses), args, c, "n.id", "n.* FROM notifications n")
        view = make_view(request, db, me, "notifications")
        body = [entities.notification(view, r) for r in rows]
    ids = [r["id"] for r in rows]
    return json_response(body, headers=link_header(request, ids, keep=_KEEP))


async def get_notification(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        row = db.execute(
            "SELECT * FROM notifications WHERE id=? AND account_id=?",
            (parse_id(request.path_params["id"]), me),
        ).fetchone()
        if row is None:
            raise not_found()
        return json_response(entities.notification(make_view(request, db, me), row))


async def dismiss(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        db.execute(
            "DELETE FROM notifications WHERE id=? AND account_id=?",
            (parse_id(request.path_params["id"]), me),
        )
    return json_response({})


async def clear(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        db.execute("DELETE FROM notifications WHERE account_id=?", (me,))
    return json_response({})


async def unread_count(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        marker = db.execute(
            "SELECT last_read_id FROM markers WHERE account_id=? AND timeline='notifications'",
            (me,),
        ).fetchone()
        since = parse_id(marker[0]) if marker else 0
        count = db.execute(
            "SELECT COUNT(*) FROM notifications WHERE account_id=? AND id>?", (me, since or 0)
        ).fetchone()[0]
    return json_response({"count": min(int(count), 1000)})


routes = [
    Route("/api/v1/notifications", list_notifications, methods=["GET"]),
    Route("/api/v1/notifications/clear", clear, methods=["POST"]),
    Route("/api/v1/notifications/unread_count", unread_count, methods=["GET"]),
    Route("/api/v1/notifications/{id}", get_notification, methods=["GET"]),
    Route("/api/v1/notifications/{id}/dismiss", dismiss, methods=["POST"]),
]
