"""Statuses: get, post (with `Idempotency-Key`), delete, context, and the
favourite / boost / bookmark actions with their undo.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo import entities, posting, scheduled
from tootui.demo.formatting import _URL_RE
from tootui.demo.ids import parse_id
from tootui.demo.polls import poll_from_params
from tootui.demo.posting import Changes, NewStatus
from tootui.demo.visibility import can_see, visible_status
from tootui.demo.web import (
    ApiError,
    Params,
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
from tootui.visibility import VISIBILITIES


def _path_id(request: Request) -> int:
    status_id = parse_id(request.path_params["id"])
    if status_id is None:
        raise not_found()
    return status_id


def status_length(text: str) -> int:
    """Mastodon counts every URL as 23 characters and remote mentions by username."""
    text = _URL_RE.sub("x" * 23, text)
    text = re.sub(r"@(\w+)@[\w.-]+\w", r"@\1", text)
    return len(text)


async def get_status(request: Request) -> Response:
    viewer = current_account(request, required=False)
    with state(request).store.tx() as db:
        row = visible_status(db, viewer, _path_id(request))
        if row is None:
            raise not_found()
        return json_response(entities.status_from_row(make_view(request, db, viewer), row))


def _validate(request: Request, p: Params, db: sqlite3.Connection, me: int) -> NewStatus:
    text = p.text("status")
    media_ids = [mid for mid in (parse_id(v) for v in p.list("media_ids")) if mid is not None]
    poll = poll_from_params(p)
    if not text.strip() and not media_ids:
        raise ApiError(422, "Validation failed: Text can't be blank")
    limit = state(request).max_characters
    if status_length(text) + len(p.text("spoiler_text")) > limit:
        raise ApiError(422, f"Validation failed: Text character limit of {limit} exceeded")
    visibility = p.text("visibility") or "public"
    if visibility not in VISIBILITIES:
        raise ApiError(422, "Validation failed: Visibility is not included in the list")
    reply_to = p.id("in_reply_to_id")
    if p.get("in_reply_to_id") not in (None, "") and visible_status(db, me, reply_to) is None:
        # Mastodon's set_thread: statuses.errors.in_reply_not_found
        raise ApiError(404, "The post you are trying to reply to does not appear to exist.")
    for media_id in media_ids:
        owned = db.execute(
            "SELECT status_id FROM media WHERE id=? AND account_id=?", (media_id, me)
        ).fetchone()
        if owned is None or owned["status_id"] is not None:
            raise ApiError(422, "Validation failed: Media attachments are invalid")
    if len(media_ids) > 4:
        raise ApiError(422, "Validation failed: Media attachments are limited to 4")
    token = request.headers.get("authorization", "")[7:].strip()
    app = db.execute(
        "SELECT a.name FROM tokens t JOIN apps a ON a.id=t.app_id WHERE t.token=?", (token,)
    ).fetchone()
    return NewStatus(
        text=text.replace("\x00", ""),
        in_reply_to_id=reply_to,
        visibility=visibility,
        sensitive=p.flag("sensitive"),
        spoiler_text=p.text("spoiler_text"),
        language=p.text("language") or None,
        media_ids=media_ids,
        poll=poll,
        app_name=None if app is None else app["name"],
    )


async def post_status(request: Request) -> Response:
    me = current_account(request)
    assert me is not None
    p = await params(request)
    key = request.headers.get("idempotency-key")
    st = state(request)
    changes = Changes()
    with st.store.tx() as db:
        if p.get("scheduled_at"):
            when = scheduled.parse_when(p.get("scheduled_at"))
            row_id = scheduled.schedule(db, me, _validate(request, p, db, me), when)
            row = db.execute("SELECT * FROM scheduled_statuses WHERE id=?", (row_id,)).fetchone()
            return json_response(scheduled.entity(make_view(request, db, me), row))
        existing = None
        if key:
            existing = db.execute(
                "SELECT status_id FROM idempotency WHERE account_id=? AND key=?", (me, key)
            ).fetchone()
        if existing is not None and entities.status(make_view(request, db, me), existing[0]):
            status_id = int(existing[0])
        else:
            status_id = posting.create_status(db, me, _validate(request, p, db, me), changes)
            if key:
                db.execute(
                    "INSERT OR REPLACE INTO idempotency (account_id, key, status_id)"
                    " VALUES (?, ?, ?)",
                    (me, key, status_id),
                )
        data = entities.status(make_view(request, db, me), status_id)
    st.bus.publish(changes)
    return json_response(data)


async def delete_status(request: Request) -> Response:
    me = current_account(request)
    st = state(request)
    changes = Changes()
    with st.store.tx() as db:
        row = db.execute("SELECT * FROM statuses WHERE id=?", (_path_id(request),)).fetchone()
        if row is None or row["account_id"] != me or row["reblog_of_id"] is not None:
            raise not_found()
        data = entities.status_from_row(make_view(request, db, me), row)
        data = {
            ("text" if k == "content" else k): (row["text"] if k == "content" else v)
            for k, v in data.items()
        }
        posting.delete_status(db, row["id"], changes)
    st.bus.publish(changes)
    return json_response(data)


def _depth_first(db: sqlite3.Connection, root: int) -> list[int]:
    out: list[int] = []

    def visit(parent: int) -> None:
        for (child,) in db.execute(
            "SELECT id FROM statuses WHERE in_reply_to_id=? ORDER BY id", (parent,)
        ).fetchall():
            out.append(child)
            if len(out) < 4096:
                visit(child)

    visit(root)
    return out


async def context(request: Request) -> Response:
    viewer = current_account(request, required=False)
    with state(request).store.tx() as db:
        row = visible_status(db, viewer, _path_id(request))
        if row is None:
            raise not_found()
        view = make_view(request, db, viewer, "thread")
        ancestors = []
        parent_id, seen = row["in_reply_to_id"], {row["id"]}
        while parent_id is not None and parent_id not in seen:
            seen.add(parent_id)
            parent = db.execute("SELECT * FROM statuses WHERE id=?", (parent_id,)).fetchone()
            if parent is None:
                break
            if can_see(db, viewer, parent):
                ancestors.append(entities.status_from_row(view, parent))
            parent_id = parent["in_reply_to_id"]
        ancestors.reverse()
        descendants = []
        for child_id in _depth_first(db, row["id"]):
            child = db.execute("SELECT * FROM statuses WHERE id=?", (child_id,)).fetchone()
            if can_see(db, viewer, child):
                descendants.append(entities.status_from_row(view, child))
    return json_response({"ancestors": ancestors, "descendants": descendants})


def _action(
    act: Callable[[sqlite3.Connection, int, int, Changes], int | None], *, wrapper: bool = False
) -> Callable[[Request], object]:
    """An endpoint that changes the viewer's relation to a status and returns it."""

    async def endpoint(request: Request) -> Response:
        me = current_account(request)
        assert me is not None
        st = state(request)
        changes = Changes()
        # A boost may ask for its own visibility (public, unlisted, private).
        visibility = (await params(request)).text("visibility") if wrapper else ""
        with st.store.tx() as db:
            row = visible_status(db, me, _path_id(request))
            if row is None:
                raise not_found()
            # Acting on a boost acts on the boosted status, as Mastodon does.
            target = row["reblog_of_id"] or row["id"]
            result: int | None
            if visibility:
                if visibility not in ("public", "unlisted", "private"):
                    raise ApiError(422, "Validation failed: Visibility is not included in the list")
                result = posting.reblog(db, me, _reblog_target(db, target), changes,
                                        visibility=visibility)
            else:
                result = act(db, me, target, changes)
            view = make_view(request, db, me)
            data = entities.status(view, result if wrapper and result else target)
        st.bus.publish(changes)
        return json_response(data)

    return endpoint


def _reblog_target(db: sqlite3.Connection, target: int) -> int:
    """`target`, if it may be boosted: private and direct posts may not."""
    row = db.execute("SELECT visibility FROM statuses WHERE id=?", (target,)).fetchone()
    if row["visibility"] in ("private", "direct"):
        raise ApiError(403, "This action is not allowed")
    return target


def _reblog(db: sqlite3.Connection, me: int, target: int, changes: Changes) -> int:
    return posting.reblog(db, me, _reblog_target(db, target), changes)


def _unreblog(db: sqlite3.Connection, me: int, target: int, changes: Changes) -> None:
    posting.unreblog(db, me, target, changes)


def _fav(db: sqlite3.Connection, me: int, target: int, changes: Changes) -> None:
    posting.favourite(db, me, target, changes)


def _unfav(db: sqlite3.Connection, me: int, target: int, changes: Changes) -> None:
    posting.unfavourite(db, me, target)


def _bookmark(db: sqlite3.Connection, me: int, target: int, changes: Changes) -> None:
    posting.bookmark(db, me, target)


def _unbookmark(db: sqlite3.Connection, me: int, target: int, changes: Changes) -> None:
    posting.unbookmark(db, me, target)


def _accounts_who(select: str, where: str) -> Callable[[Request], object]:
    """favourited_by / reblogged_by: paged by the favourite's (or the boost's)
    own id, 40 to a page, `since_id` for the newer page, as Mastodon pages them."""

    async def endpoint(request: Request) -> Response:
        viewer = current_account(request, required=False)
        c = cursor(await params(request), 40, 80)
        with state(request).store.tx() as db:
            status_id = _path_id(request)
            if visible_status(db, viewer, status_id) is None:
                raise not_found()
            view = make_view(request, db, viewer)
            rows = fetch_page(db, where, {"status": status_id}, c, "r.id", select)
            body = [entities.account(view, row["account_id"]) for row in rows]
        ids = [row["id"] for row in rows]
        return json_response(
            body, headers=link_header(request, ids, prev="since_id", full=c.limit)
        )

    return endpoint


routes = [
    Route("/api/v1/statuses", post_status, methods=["POST"]),
    Route("/api/v1/statuses/{id}", get_status, methods=["GET"]),
    Route("/api/v1/statuses/{id}", delete_status, methods=["DELETE"]),
    Route("/api/v1/statuses/{id}/context", context, methods=["GET"]),
    Route("/api/v1/statuses/{id}/favourite", _action(_fav), methods=["POST"]),
    Route("/api/v1/statuses/{id}/unfavourite", _action(_unfav), methods=["POST"]),
    Route("/api/v1/statuses/{id}/reblog", _action(_reblog, wrapper=True), methods=["POST"]),
    Route("/api/v1/statuses/{id}/unreblog", _action(_unreblog), methods=["POST"]),
    Route("/api/v1/statuses/{id}/bookmark", _action(_bookmark), methods=["POST"]),
    Route("/api/v1/statuses/{id}/unbookmark", _action(_unbookmark), methods=["POST"]),
    Route(
        "/api/v1/statuses/{id}/favourited_by",
        _accounts_who("r.id, r.account_id FROM favourites r", "r.status_id = :status"),
        methods=["GET"],
    ),
    Route(
        "/api/v1/statuses/{id}/reblogged_by",
        _accounts_who("r.id, r.account_id FROM statuses r", "r.reblog_of_id = :status"),
        methods=["GET"],
    ),
]
