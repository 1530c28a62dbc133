"""Accounts: credentials, profiles, lookup, statuses, follows, relationships."""

from __future__ import annotations

import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo import entities, posting
from tootui.demo.formatting import escape
from tootui.demo.ids import parse_id
from tootui.demo.instance import posting_source_key
from tootui.demo.posting import Changes
from tootui.demo.visibility import VISIBLE_SQL
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

# What Mastodon's account statuses controller repeats in its Link.
_STATUSES_KEEP = (
    "limit", "pinned", "tagged", "only_media", "exclude_replies", "exclude_reblogs"
)


def _account_row(db: sqlite3.Connection, request: Request) -> sqlite3.Row:
    row = db.execute(
        "SELECT * FROM accounts WHERE id=?", (parse_id(request.path_params["id"]),)
    ).fetchone()
    if row is None:
        raise not_found()
    return row


async def verify_credentials(request: Request) -> Response:
    me = current_account(request)
    assert me is not None
    with state(request).store.tx() as db:
        return json_response(entities.credential_account(make_view(request, db, me), me))


async def update_credentials(request: Request) -> Response:
    me = current_account(request)
    assert me is not None
    p = await params(request)
    with state(request).store.tx() as db:
        if p.get("display_name") is not None:
            name = p.text("display_name")
            if len(name) > 40:
                raise ApiError(
                    422, "Validation failed: Display name is too long (maximum is 40 characters)"
                )
            db.execute("UPDATE accounts SET display_name=? WHERE id=?", (name, me))
        if p.get("note") is not None:
            note = p.text("note")
            html = "".join(f"<p>{escape(part)}</p>" for part in note.split("\n\n") if part)
            db.execute("UPDATE accounts SET note=? WHERE id=?", (html, me))
        # Posting defaults, which `/api/v1/preferences` reports back.
        for name in ("privacy", "language"):
            if p.get(f"source[{name}]") is not None:
                db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                           (posting_source_key(me, name), p.text(f"source[{name}]")))
        return json_response(entities.credential_account(make_view(request, db, me), me))


async def get_account(request: Request) -> Response:
    viewer = current_account(request, required=False)
    with state(request).store.tx() as db:
        row = _account_row(db, request)
        return json_response(entities.account_from_row(make_view(request, db, viewer), row))


def find_by_acct(db: sqlite3.Connection, acct: str, local_domain: str) -> sqlite3.Row | None:
    username, _sep, domain = acct.lstrip("@").partition("@")
    if not domain or domain == local_domain:
        return db.execute(
            "SELECT * FROM accounts WHERE username=? COLLATE NOCASE AND domain IS NULL", (username,)
        ).fetchone()
    return db.execute(
        "SELECT * FROM accounts WHERE username=? COLLATE NOCASE AND domain=? COLLATE NOCASE",
        (username, domain),
    ).fetchone()


async def lookup(request: Request) -> Response:
    viewer = current_account(request, required=False)
    st = state(request)
    with st.store.tx() as db:
        row = find_by_acct(db, request.query_params.get("acct", ""), st.domain)
        if row is None:
            raise not_found()
        return json_response(entities.account_from_row(make_view(request, db, viewer), row))


async def account_statuses(request: Request) -> Response:
    viewer = current_account(request, required=False)
    p = await params(request)
    c = cursor(p)
    with state(request).store.tx() as db:
        row = _account_row(db, request)
        clauses = ["s.account_id = :aid", VISIBLE_SQL]
        args: dict[str, Any] = {"aid": row["id"], "me": viewer if viewer is not None else -1}
        if p.flag("pinned"):
            clauses.append("s.pinned = 1")
        if p.flag("exclude_replies"):
            clauses.append("(s.in_reply_to_id IS NULL OR s.in_reply_to_account_id = s.account_id)")
        if p.flag("exclude_reblogs"):
            clauses.append("s.reblog_of_id IS NULL")
        if p.flag("only_media"):
            clauses.append("EXISTS (SELECT 1 FROM media md WHERE md.status_id = s.id)")
        if p.get("tagged"):
            clauses.append(
                "EXISTS (SELECT 1 FROM status_tags t WHERE t.status_id = s.id AND t.name = :tag)"
            )
            args["tag"] = p.text("tagged").lower()
        rows = fetch_page(db, " AND ".join(clauses), args, c, "s.id", "s.* FROM statuses s")
        view = make_view(request, db, viewer, "account")
        body = [entities.status_from_row(view, r) for r in rows]
    body = [status for status in body if not entities.is_hidden(status)]
    ids = [r["id"] for r in rows]
    return json_response(body, headers=link_header(request, ids, keep=_STATUSES_KEEP, full=c.limit))


def relationship(db: sqlite3.Connection, me: int, other: int) -> dict[str, Any]:
    def has(table: str, a: int, b: int) -> bool:
        sql = f"SELECT 1 FROM {table} WHERE account_id=? AND target_id=?"
        return bool(db.execute(sql, (a, b)).fetchone())

    def follows(a: int, b: int) -> bool:
        return has("follows", a, b)

    return {
        "id": str(other),
        "following": follows(me, other),
        "showing_reblogs": follows(me, other),
        "notifying": False,
        "languages": None,
        "followed_by": follows(other, me),
        "blocking": has("blocks", me, other),
        "blocked_by": has("blocks", other, me),
        "muting": has("mutes", me, other),
        "muting_notifications": has("mutes", me, other),
        "muting_expires_at": None,
        "requested": False,
        "requested_by": False,
        "domain_blocking": False,
        "endorsed": False,
        "note": "",
    }


async def relationships(request: Request) -> Response:
    me = current_account(request)
    assert me is not None
    p = await params(request)
    with state(request).store.tx() as db:
        ids = [i for i in (parse_id(v) for v in p.list("id")) if i is not None]
        known = [i for i in ids if db.execute("SELECT 1 FROM accounts WHERE id=?", (i,)).fetchone()]
        return json_response([relationship(db, me, i) for i in known])


async def follow(request: Request) -> Response:
    me = current_account(request)
    assert me is not None
    st = state(request)
    changes = Changes()
    with st.store.tx() as db:
        row = _account_row(db, request)
        if row["id"] == me:
            raise not_found()  # Mastodon's FollowService: following yourself "is not possible"
        posting.follow(db, me, row["id"], changes)
        data = relationship(db, me, row["id"])
    st.bus.publish(changes)
    return json_response(data)


async def unfollow(request: Request) -> Response:
    me = current_account(request)
    assert me is not None
    with state(request).store.tx() as db:
        row = _account_row(db, request)
        posting.unfollow(db, me, row["id"])
        return json_response(relationship(db, me, row["id"]))


def _follow_list(column: str, other: str) -> Any:
    async def endpoint(request: Request) -> Response:
        viewer = current_account(request, required=False)
        p = await params(request)
        c = cursor(p, 40, 80)
        with state(request).store.tx() as db:
            row = _account_row(db, request)
            rows = fetch_page(
                db,
                f"f.{column} = :aid",
                {"aid": row["id"]},
                c,
                "f.id",
                f"f.id AS fid, f.{other} AS other FROM follows f",
            )
            view = make_view(request, db, viewer)
            body = [entities.account(view, r["other"]) for r in rows]
        ids = [r["fid"] for r in rows]
        return json_response(
            body, headers=link_header(request, ids, prev="since_id", full=c.limit)
        )

    return endpoint


async def search_accounts(request: Request) -> Response:
    viewer = current_account(request, required=False)
    p = await params(request)
    with state(request).store.tx() as db:
        view = make_view(request, db, viewer)
        rows = matching_accounts(db, p.text("q"), min(int(p.get("limit", 40) or 40), 80))
        return json_response([entities.account_from_row(view, r) for r in rows])


def matching_accounts(db: sqlite3.Connection, query: str, limit: int) -> list[sqlite3.Row]:
    needle = query.strip().lstrip("@").split("@")[0]
    if not needle:
        return []
    like = f"%{needle}%"
    return db.execute(
        "SELECT * FROM accounts WHERE username LIKE ? OR display_name LIKE ?"
        " ORDER BY domain IS NOT NULL, username LIMIT ?",
        (like, like, limit),
    ).fetchall()


routes = [
    Route("/api/v1/accounts/verify_credentials", verify_credentials, methods=["GET"]),
    Route("/api/v1/accounts/update_credentials", update_credentials, methods=["PATCH"]),
    Route("/api/v1/accounts/lookup", lookup, methods=["GET"]),
    Route("/api/v1/accounts/relationships", relationships, methods=["GET"]),
    Route("/api/v1/accounts/search", search_accounts, methods=["GET"]),
    Route("/api/v1/accounts/{id}", get_account, methods=["GET"]),
    Route("/api/v1/accounts/{id}/statuses", account_statuses, methods=["GET"]),
    Route("/api/v1/accounts/{id}/follow", follow, methods=["POST"]),
    Route("/api/v1/accounts/{id}/unfollow", unfollow, methods=["POST"]),
    Route(
        "/api/v1/accounts/{id}/followers", _follow_list("target_id", "account_id"), methods=["GET"]
    ),
    Route(
        "/api/v1/accounts/{id}/following", _follow_list("account_id", "target_id"), methods=["GET"]
    ),
]
