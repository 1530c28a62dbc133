"""Lists: create, rename, delete, members, and the list timeline."""

from __future__ import annotations

import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo import entities
from tootui.demo.ids import parse_id
from tootui.demo.timelines import timeline_response
from tootui.demo.web import (
    ApiError,
    Cursor,
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

_POLICIES = ("followed", "list", "none")


def _entity(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": str(row["id"]),
        "title": row["title"],
        "replies_policy": row["replies_policy"],
        "exclusive": bool(row["exclusive"]),
    }


def _own_list(db: sqlite3.Connection, request: Request, me: int | None) -> sqlite3.Row:
    row = db.execute(
        "SELECT * FROM lists WHERE id=? AND account_id=?",
        (parse_id(request.path_params["id"]), me),
    ).fetchone()
    if row is None:
        raise not_found()
    return row


async def index(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        rows = db.execute("SELECT * FROM lists WHERE account_id=? ORDER BY id", (me,)).fetchall()
    return json_response([_entity(r) for r in rows])


async def create(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    title = p.text("title").strip()
    if not title:
        raise ApiError(422, "Validation failed: Title can't be blank")
    policy = p.text("replies_policy") or "list"
    if policy not in _POLICIES:
        raise ApiError(422, "Validation failed: Replies policy is not included in the list")
    with state(request).store.tx() as db:
        list_id = db.execute(
            "INSERT INTO lists (account_id, title, replies_policy, exclusive) VALUES (?, ?, ?, ?)",
            (me, title, policy, int(p.flag("exclusive"))),
        ).lastrowid
        return json_response(
            _entity(db.execute("SELECT * FROM lists WHERE id=?", (list_id,)).fetchone())
        )


async def show(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        return json_response(_entity(_own_list(db, request, me)))


async def update(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    with state(request).store.tx() as db:
        row = _own_list(db, request, me)
        title = p.text("title", row["title"]).strip() or row["title"]
        policy = p.text("replies_policy", row["replies_policy"])
        if policy not in _POLICIES:
            raise ApiError(422, "Validation failed: Replies policy is not included in the list")
        db.execute(
            "UPDATE lists SET title=?, replies_policy=?, exclusive=? WHERE id=?",
            (title, policy, int(p.flag("exclusive", bool(row["exclusive"]))), row["id"]),
        )
        return json_response(
            _entity(db.execute("SELECT * FROM lists WHERE id=?", (row["id"],)).fetchone())
        )


async def delete(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        row = _own_list(db, request, me)
        db.execute("DELETE FROM list_accounts WHERE list_id=?", (row["id"],))
        db.execute("DELETE FROM lists WHERE id=?", (row["id"],))
    return json_response({})


async def members(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    # Mastodon pages members by account id; `limit=0` means all of them, unpaged.
    unlimited = p.get("limit") == "0"
    c = cursor(p, 40, 80)
    if unlimited:
        c = Cursor(None, None, None, -1)  # SQLite: LIMIT -1 is no limit
    with state(request).store.tx() as db:
        row = _own_list(db, request, me)
        rows = fetch_page(
            db,
            "la.list_id = :list",
            {"list": row["id"]},
            c,
            "la.account_id",
            "la.account_id FROM list_accounts la",
        )
        view = make_view(request, db, me)
        body = [entities.account(view, r["account_id"]) for r in rows]
    if unlimited:
        return json_response(body)
    ids = [r["account_id"] for r in rows]
    return json_response(body, headers=link_header(request, ids, prev="since_id", full=c.limit))


async def add_members(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    ids = [i for i in (parse_id(v) for v in p.list("account_ids")) if i is not None]
    with state(request).store.tx() as db:
        row = _own_list(db, request, me)
        for account_id in ids:
            # Mastodon only lists accounts you follow.
            if not db.execute(
                "SELECT 1 FROM follows WHERE account_id=? AND target_id=?", (me, account_id)
            ).fetchone():
                raise not_found()
            db.execute(
                "INSERT OR IGNORE INTO list_accounts (list_id, account_id) VALUES (?, ?)",
                (row["id"], account_id),
            )
    return json_response({})


async def remove_members(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    ids = [i for i in (parse_id(v) for v in p.list("account_ids")) if i is not None]
    with state(request).store.tx() as db:
        row = _own_list(db, request, me)
        db.executemany(
            "DELETE FROM list_accounts WHERE list_id=? AND account_id=?",
            [(row["id"], account_id) for account_id in ids],
        )
    return json_response({})


async def list_timeline(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        row = _own_list(db, request, me)
    where = "s.account_id IN (SELECT account_id FROM list_accounts WHERE list_id = :list)"
    return await timeline_response(request, where, {"list": row["id"]}, me, "home")


routes = [
    Route("/api/v1/lists", index, methods=["GET"]),
    Route("/api/v1/lists", create, methods=["POST"]),
    Route("/api/v1/lists/{id}", show, methods=["GET"]),
    Route("/api/v1/lists/{id}", update, methods=["PUT"]),
    Route("/api/v1/lists/{id}", delete, methods=["DELETE"]),
    Route("/api/v1/lists/{id}/accounts", members, methods=["GET"]),
    Route("/api/v1/lists/{id}/accounts", add_members, methods=["POST"]),
    Route("/api/v1/lists/{id}/accounts", remove_members, methods=["DELETE"]),
    Route("/api/v1/timelines/list/{id}", list_timeline, methods=["GET"]),
]
