"""Conversations: direct-message threads, with unread state per participant.

A conversation is the thread of direct statuses that starts at its root
status; its id is the root's id.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo import entities
from tootui.demo.ids import parse_id
from tootui.demo.web import (
    current_account,
    json_response,
    link_header,
    make_view,
    not_found,
    page_limit,
    params,
    state,
)


def _root(db: sqlite3.Connection, status_id: int) -> int:
    seen = {status_id}
    current = status_id
    while True:
        row = db.execute("SELECT in_reply_to_id FROM statuses WHERE id=?", (current,)).fetchone()
        parent = None if row is None else row["in_reply_to_id"]
        if parent is None or parent in seen:
            return current
        seen.add(parent)
        current = parent


def _conversations(db: sqlite3.Connection, me: int) -> dict[int, list[int]]:
    """Conversation id -> its direct statuses the viewer takes part in, newest first."""
    rows = db.execute(
        "SELECT s.id FROM statuses s WHERE s.visibility = 'direct' AND (s.account_id = :me"
        " OR EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = s.id AND m.account_id = :me))"
        " ORDER BY s.id DESC",
        {"me": me},
    ).fetchall()
    threads: dict[int, list[int]] = {}
    for row in rows:
        threads.setdefault(_root(db, row["id"]), []).append(row["id"])
    return threads


def _entity(
    request: Request, db: sqlite3.Connection, me: int, cid: int, ids: list[int]
) -> dict[str, Any]:
    view = make_view(request, db, me)
    participants: list[int] = []
    for sid in ids:
        author = db.execute("SELECT account_id FROM statuses WHERE id=?", (sid,)).fetchone()[0]
        mentioned = [
            r[0] for r in db.execute("SELECT account_id FROM mentions WHERE status_id=?", (sid,))
        ]
        for account_id in [author, *mentioned]:
            if account_id != me and account_id not in participants:
                participants.append(account_id)
    state_row = db.execute(
        "SELECT * FROM conversation_state WHERE account_id=? AND conversation_id=?", (me, cid)
    ).fetchone()
    read_upto = 0 if state_row is None else state_row["read_upto"]
    newest = ids[0]
    newest_author = db.execute("SELECT account_id FROM statuses WHERE id=?", (newest,)).fetchone()[
        0
    ]
    return {
        "id": str(cid),
        "unread": newest > read_upto and newest_author != me,
        "accounts": [entities.account(view, a) for a in participants],
        "last_status": entities.status(view, newest),
    }


async def index(request: Request) -> Response:
    me = current_account(request)
    assert me is not None
    p = await params(request)
    limit = page_limit(p, 20, 40)
    max_id, min_id = p.id("max_id"), p.id("min_id") or p.id("since_id")
    with state(request).store.tx() as db:
        hidden = {
            r[0]
            for r in db.execute(
                "SELECT conversation_id FROM conversation_state WHERE account_id=? AND hidden",
                (me,),
            )
        }
        threads = [
            (ids[0], cid, ids) for cid, ids in _conversations(db, me).items() if cid not in hidden
        ]
        threads.sort(reverse=True)
        if max_id is not None:
            threads = [t for t in threads if t[0] < max_id]
        if min_id is not None:
            threads = [t for t in threads if t[0] > min_id][-limit:]
        page = threads[:limit]
        body = [_entity(request, db, me, cid, ids) for _last, cid, ids in page]
    ids = [t[0] for t in page]
    return json_response(body, headers=link_header(request, ids, full=limit))


def _find(db: sqlite3.Connection, request: Request, me: int) -> tuple[int, list[int]]:
    cid = parse_id(request.path_params["id"])
    threads = _conversations(db, me)
    if cid is None or cid not in threads:
        raise not_found()
    return cid, threads[cid]


async def mark_read(request: Request) -> Response:
    me = current_account(request)
    assert me is not None
    with state(request).store.tx() as db:
        cid, ids = _find(db, request, me)
        db.execute(
            "INSERT INTO conversation_state (account_id, conversation_id, read_upto, hidden)"
            " VALUES (?, ?, ?, 0) ON CONFLICT (account_id, conversation_id)"
            " DO UPDATE SET read_upto = excluded.read_upto",
            (me, cid, ids[0]),
        )
        return json_response(_entity(request, db, me, cid, ids))


async def remove(request: Request) -> Response:
    me = current_account(request)
    assert me is not None
    with state(request).store.tx() as db:
        cid, ids = _find(db, request, me)
        db.execute(
            "INSERT INTO conversation_state (account_id, conversation_id, read_upto, hidden)"
            " VALUES (?, ?, ?, 1) ON CONFLICT (account_id, conversation_id)"
            " DO UPDATE SET hidden = 1",
            (me, cid, ids[0]),
        )
    return json_response({})


routes = [
    Route("/api/v1/conversations", index, methods=["GET"]),
    Route("/api/v1/conversations/{id}/read", mark_read, methods=["POST"]),
    Route("/api/v1/conversations/{id}", remove, methods=["DELETE"]),
]
