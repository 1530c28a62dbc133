"""Muting and blocking accounts; both keep the account out of timelines and notifications."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo import entities
from tootui.demo.accounts import relationship
from tootui.demo.ids import parse_id
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

# For timelines: `s` is the status row, :me the viewer.
SILENCED_SQL = (
    "NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.account_id = :me AND mu.target_id = s.account_id)"
    " AND NOT EXISTS (SELECT 1 FROM blocks b WHERE"
    " (b.account_id = :me AND b.target_id = s.account_id)"
    " OR (b.account_id = s.account_id AND b.target_id = :me))"
)


def _change(table: str, add: bool) -> Any:
    async def endpoint(request: Request) -> Response:
        me = current_account(request)
        assert me is not None
        target = parse_id(request.path_params["id"])
        with state(request).store.tx() as db:
            if (
                target is None
                or not db.execute("SELECT 1 FROM accounts WHERE id=?", (target,)).fetchone()
            ):
                raise not_found()
            if target == me:
                raise ApiError(403, "This action is not allowed")
            if add:
                db.execute(
                    f"INSERT OR IGNORE INTO {table} (account_id, target_id) VALUES (?, ?)",
                    (me, target),
                )
                if table == "blocks":
                    db.execute(
                        "DELETE FROM follows WHERE (account_id=? AND target_id=?)"
                        " OR (account_id=? AND target_id=?)",
                        (me, target, target, me),
                    )
            else:
                db.execute(f"DELETE FROM {table} WHERE account_id=? AND target_id=?", (me, target))
            return json_response(relationship(db, me, target))

    return endpoint


def _listing(table: str) -> Any:
    async def endpoint(request: Request) -> Response:
        me = current_account(request)
        p = await params(request)
        c = cursor(p, 40, 80)
        with state(request).store.tx() as db:
            rows = fetch_page(
                db,
                "x.account_id = :me",
                {"me": me},
                c,
                "x.id",
                f"x.id AS xid, x.target_id FROM {table} x",
            )
            view = make_view(request, db, me)
            body = [entities.account(view, r["target_id"]) for r in rows]
        ids = [r["xid"] for r in rows]
        return json_response(
            body, headers=link_header(request, ids, prev="since_id", full=c.limit)
        )

    return endpoint


routes = [
    Route("/api/v1/accounts/{id}/mute", _change("mutes", True), methods=["POST"]),
    Route("/api/v1/accounts/{id}/unmute", _change("mutes", False), methods=["POST"]),
    Route("/api/v1/accounts/{id}/block", _change("blocks", True), methods=["POST"]),
    Route("/api/v1/accounts/{id}/unblock", _change("blocks", False), methods=["POST"]),
    Route("/api/v1/mutes", _listing("mutes"), methods=["GET"]),
    Route("/api/v1/blocks", _listing("blocks"), methods=["GET"]),
]
