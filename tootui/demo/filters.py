"""Filters v2: CRUD for filters and their keywords (statuses get `filtered`)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo.filter_rules import CONTEXTS, filter_entity, keyword_entity
from tootui.demo.ids import now_ms, parse_id
from tootui.demo.web import (
    ApiError,
    Params,
    current_account,
    json_response,
    not_found,
    params,
    state,
)

_ACTIONS = ("warn", "hide", "blur")


def _settings(p: Params, row: sqlite3.Row | None) -> tuple[str, str, int | None, str]:
    title = p.text("title", row["title"] if row else "").strip()
    if not title:
        raise ApiError(422, "Validation failed: Title can't be blank")
    contexts = [c for c in p.list("context") if c in CONTEXTS] or (
        json.loads(row["context"]) if row else []
    )
    if not contexts:
        raise ApiError(422, "Validation failed: Context can't be blank")
    action = p.text("filter_action", row["action"] if row else "warn")
    if action not in _ACTIONS:
        raise ApiError(422, "Validation failed: Filter action is not included in the list")
    expires = row["expires_ms"] if row else None
    if p.get("expires_in") not in (None, ""):
        try:
            expires = now_ms() + int(str(p.get("expires_in"))) * 1000
        except ValueError as exc:
            raise ApiError(422, "Validation failed: Expires in is invalid") from exc
    return title, json.dumps(contexts), expires, action


def _keywords_from(p: Params) -> list[tuple[str, bool]]:
    """`keywords_attributes[][keyword]` (form) or a JSON list of objects."""
    raw = p.get("keywords_attributes")
    if isinstance(raw, list) and all(isinstance(k, dict) for k in raw):
        return [(str(k.get("keyword", "")), bool(k.get("whole_word", True))) for k in raw]
    words = p.list("keywords_attributes[][keyword]")
    whole = p.list("keywords_attributes[][whole_word]")
    return [
        (str(w), str(whole[i]).lower() not in ("false", "0") if i < len(whole) else True)
        for i, w in enumerate(words)
    ]


def _own(db: sqlite3.Connection, request: Request, me: int | None) -> sqlite3.Row:
    row = db.execute(
        "SELECT * FROM filters WHERE id=? AND account_id=?",
        (parse_id(request.path_params["id"]), me),
    ).fetchone()
    if row is None:
        raise not_found()
    return row


async def index(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        rows = db.execute("SELECT * FROM filters WHERE account_id=? ORDER BY id", (me,)).fetchall()
        return json_response([filter_entity(db, r, with_children=True) for r in rows])


async def create(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    with state(request).store.tx() as db:
        title, context, expires, action = _settings(p, None)
        filter_id = db.execute(
            "INSERT INTO filters (account_id, title, context, expires_ms, action)"
            " VALUES (?, ?, ?, ?, ?)",
            (me, title, context, expires, action),
        ).lastrowid
        for keyword, whole in _keywords_from(p):
            if keyword.strip():
                db.execute(
                    "INSERT INTO filter_keywords (filter_id, keyword, whole_word) VALUES (?, ?, ?)",
                    (filter_id, keyword.strip(), int(whole)),
                )
        row = db.execute("SELECT * FROM filters WHERE id=?", (filter_id,)).fetchone()
        return json_response(filter_entity(db, row, with_children=True))


async def show(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        return json_response(filter_entity(db, _own(db, request, me), with_children=True))


async def update(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    with state(request).store.tx() as db:
        row = _own(db, request, me)
        title, context, expires, action = _settings(p, row)
        db.execute(
            "UPDATE filters SET title=?, context=?, expires_ms=?, action=? WHERE id=?",
            (title, context, expires, action, row["id"]),
        )
        for keyword, whole in _keywords_from(p):
            if keyword.strip():
                db.execute(
                    "INSERT INTO filter_keywords (filter_id, keyword, whole_word) VALUES (?, ?, ?)",
                    (row["id"], keyword.strip(), int(whole)),
                )
        row = db.execute("SELECT * FROM filters WHERE id=?", (row["id"],)).fetchone()
        return json_response(filter_entity(db, row, with_children=True))


async def delete(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        row = _own(db, request, me)
        db.execute("DELETE FROM filter_keywords WHERE filter_id=?", (row["id"],))
        db.execute("DELETE FROM filters WHERE id=?", (row["id"],))
    return json_response({})


async def keywords(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        row = _own(db, request, me)
        rows = db.execute(
            "SELECT * FROM filter_keywords WHERE filter_id=? ORDER BY id", (row["id"],)
        )
        return json_response([keyword_entity(k) for k in rows])


async def add_keyword(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    keyword = p.text("keyword").strip()
    if not keyword:
        raise ApiError(422, "Validation failed: Keyword can't be blank")
    with state(request).store.tx() as db:
        row = _own(db, request, me)
        keyword_id = db.execute(
            "INSERT INTO filter_keywords (filter_id, keyword, whole_word) VALUES (?, ?, ?)",
            (row["id"], keyword, int(p.flag("whole_word", True))),
        ).lastrowid
        return json_response(
            keyword_entity(
                db.execute("SELECT * FROM filter_keywords WHERE id=?", (keyword_id,)).fetchone()
            )
        )


def _own_keyword(db: sqlite3.Connection, request: Request, me: int | None) -> sqlite3.Row:
    row = db.execute(
        "SELECT k.* FROM filter_keywords k JOIN filters f ON f.id = k.filter_id"
        " WHERE k.id=? AND f.account_id=?",
        (parse_id(request.path_params["id"]), me),
    ).fetchone()
    if row is None:
        raise not_found()
    return row


async def keyword_endpoint(request: Request) -> Response:
    me = current_account(request)
    p: Any = await params(request)
    with state(request).store.tx() as db:
        row = _own_keyword(db, request, me)
        if request.method == "DELETE":
            db.execute("DELETE FROM filter_keywords WHERE id=?", (row["id"],))
            return json_response({})
        if request.method == "PUT":
            db.execute(
                "UPDATE filter_keywords SET keyword=?, whole_word=? WHERE id=?",
                (
                    p.text("keyword", row["keyword"]),
                    int(p.flag("whole_word", bool(row["whole_word"]))),
                    row["id"],
                ),
            )
            row = db.execute("SELECT * FROM filter_keywords WHERE id=?", (row["id"],)).fetchone()
        return json_response(keyword_entity(row))


routes = [
    Route("/api/v2/filters", index, methods=["GET"]),
    Route("/api/v2/filters", create, methods=["POST"]),
    Route("/api/v2/filters/{id}", show, methods=["GET"]),
    Route("/api/v2/filters/{id}", update, methods=["PUT"]),
    Route("/api/v2/filters/{id}", delete, methods=["DELETE"]),
    Route("/api/v2/filters/{id}/keywords", keywords, methods=["GET"]),
    Route("/api/v2/filters/{id}/keywords", add_keyword, methods=["POST"]),
    # Mastodon nests single keywords under /filters/keywords/ (routes/api.rb).
    Route("/api/v2/filters/keywords/{id}", keyword_endpoint, methods=["GET", "PUT", "DELETE"]),
]
