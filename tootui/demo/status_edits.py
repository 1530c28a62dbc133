"""Editing statuses (with history and source) and pinning them to a profile."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo import entities
from tootui.demo.formatting import format_text
from tootui.demo.ids import id_ms, iso_from_ms, now_ms, parse_id
from tootui.demo.polls import poll_from_params
from tootui.demo.posting import Changes, add_tag, local_account_id
from tootui.demo.statuses import status_length
from tootui.demo.visibility import visible_status
from tootui.demo.web import (
    ApiError,
    current_account,
    json_response,
    make_view,
    not_found,
    params,
    state,
)

MAX_PINNED = 5


def _own_status(db: sqlite3.Connection, request: Request, me: int | None) -> sqlite3.Row:
    row = db.execute(
        "SELECT * FROM statuses WHERE id=? AND reblog_of_id IS NULL",
        (parse_id(request.path_params["id"]),),
    ).fetchone()
    # Mastodon looks these up among the caller's own statuses: others' are a 404.
    if row is None or row["account_id"] != me:
        raise not_found()
    return row


def _remember(db: sqlite3.Connection, row: sqlite3.Row, created_ms: int) -> None:
    db.execute(
        "INSERT INTO status_edits (status_id, created_ms, content, spoiler_text, sensitive, poll)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (row["id"], created_ms, row["content"], row["spoiler_text"], row["sensitive"], row["poll"]),
    )


async def edit(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    st = state(request)
    changes = Changes()
    with st.store.tx() as db:
        row = _own_status(db, request, me)
        text = p.text("status", row["text"]).replace("\x00", "")
        if not text.strip():
            raise ApiError(422, "Validation failed: Text can't be blank")
        if status_length(text) > st.max_characters:
            raise ApiError(
                422, f"Validation failed: Text character limit of {st.max_characters} exceeded"
            )
        if (
            db.execute("SELECT 1 FROM status_edits WHERE status_id=?", (row["id"],)).fetchone()
            is None
        ):
            # The first edit also records the original, as Mastodon's history shows it.
            _remember(db, row, row["edited_ms"] or id_ms(row["id"]))
        formatted = format_text(text, lambda name: local_account_id(db, name) is not None)
        spoiler = p.text("spoiler_text", row["spoiler_text"])
        sensitive = p.flag("sensitive", bool(row["sensitive"])) or bool(spoiler)
        poll = poll_from_params(p)
        edited = now_ms()
        db.execute(
            "UPDATE statuses SET text=?, content=?, spoiler_text=?, sensitive=?, language=?,"
            " poll=COALESCE(?, poll), edited_ms=? WHERE id=?",
            (
                text,
                formatted.html,
                spoiler,
                int(sensitive),
                p.text("language") or row["language"],
                None if poll is None else json.dumps(poll, ensure_ascii=False),
                edited,
                row["id"],
            ),
        )
        db.execute("DELETE FROM status_tags WHERE status_id=?", (row["id"],))
        for tag in formatted.tags:
            add_tag(db, row["id"], tag)
        updated = db.execute("SELECT * FROM statuses WHERE id=?", (row["id"],)).fetchone()
        _remember(db, updated, edited)
        changes.edited_statuses.append(row["id"])
        data = entities.status_from_row(make_view(request, db, me), updated)
    st.bus.publish(changes)
    return json_response(data)


async def history(request: Request) -> Response:
    viewer = current_account(request, required=False)
    with state(request).store.tx() as db:
        row = visible_status(db, viewer, parse_id(request.path_params["id"]))
        if row is None:
            raise not_found()
        view = make_view(request, db, viewer)
        author = entities.account(view, row["account_id"])
        media = [
            entities.media(view, m)
            for m in db.execute(
                "SELECT * FROM media WHERE status_id=? ORDER BY position", (row["id"],)
            )
        ]
        versions = db.execute(
            "SELECT * FROM status_edits WHERE status_id=? ORDER BY id", (row["id"],)
        ).fetchall()
        if not versions:
            versions = [
                {
                    "content": row["content"],
                    "spoiler_text": row["spoiler_text"],
                    "sensitive": row["sensitive"],
                    "created_ms": id_ms(row["id"]),
                    "poll": row["poll"],
                }
            ]
        body: list[dict[str, Any]] = [
            {
                "content": view.fix(v["content"]),
                "spoiler_text": v["spoiler_text"],
                "sensitive": bool(v["sensitive"]),
                "created_at": iso_from_ms(v["created_ms"]),
                "account": author,
                "media_attachments": media,
                "emojis": [],
            }
            for v in versions
        ]
    return json_response(body)


async def source(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        row = _own_status(db, request, me)
        return json_response(
            {"id": str(row["id"]), "text": row["text"], "spoiler_text": row["spoiler_text"]}
        )


def _pinning(pin: bool) -> Any:
    async def endpoint(request: Request) -> Response:
        me = current_account(request)
        with state(request).store.tx() as db:
            row = visible_status(db, me, parse_id(request.path_params["id"]))
            if row is None:
                raise not_found()
            if not pin and row["account_id"] != me:
                # Nothing of ours to unpin: Mastodon answers with the status as it is.
                return json_response(entities.status(make_view(request, db, me), row["id"]))
            if pin:
                # Mastodon's StatusPinValidator, in its order and words.
                if row["reblog_of_id"] is not None:
                    raise ApiError(422, "Validation failed: A boost cannot be pinned")
                if row["account_id"] != me:
                    raise ApiError(422, "Validation failed: Someone else's post cannot be pinned")
                if row["visibility"] == "direct":
                    raise ApiError(
                        422,
                        "Validation failed: Posts that are only visible to mentioned users"
                        " cannot be pinned",
                    )
                count = db.execute(
                    "SELECT COUNT(*) FROM statuses WHERE account_id=? AND pinned", (me,)
                ).fetchone()[0]
                if count >= MAX_PINNED and not row["pinned"]:
                    raise ApiError(
                        422,
                        "Validation failed: You have already pinned the maximum number of posts",
                    )
            db.execute("UPDATE statuses SET pinned=? WHERE id=?", (int(pin), row["id"]))
            return json_response(entities.status(make_view(request, db, me), row["id"]))

    return endpoint


routes = [
    Route("/api/v1/statuses/{id}", edit, methods=["PUT"]),
    Route("/api/v1/statuses/{id}/history", history, methods=["GET"]),
    Route("/api/v1/statuses/{id}/source", source, methods=["GET"]),
    Route("/api/v1/statuses/{id}/pin", _pinning(True), methods=["POST"]),
    Route("/api/v1/statuses/{id}/unpin", _pinning(False), methods=["POST"]),
]
