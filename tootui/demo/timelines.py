"""Timelines: home, public (local / remote), hashtag, bookmarks and favourites,
paged exactly as Mastodon pages them.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo import entities, scheduled
from tootui.demo.blocks import SILENCED_SQL
from tootui.demo.visibility import VISIBLE_SQL
from tootui.demo.web import (
    Params,
    current_account,
    cursor,
    fetch_page,
    json_response,
    link_header,
    make_view,
    params,
    state,
)

_HOME_SQL = (
    "(s.account_id = :me OR s.account_id IN (SELECT target_id FROM follows WHERE account_id = :me)"
    " OR EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = s.id AND m.account_id = :me)"
    " OR EXISTS (SELECT 1 FROM status_tags st JOIN tags t ON t.name = st.name"
    "     JOIN followed_tags ft ON ft.tag_id = t.id"
    "     WHERE st.status_id = s.id AND ft.account_id = :me))"
)


def _filters(p: Params) -> str:
    """Optional filters shared by the public and hashtag timelines."""
    clauses = []
    if p.flag("local"):
        clauses.append("(SELECT domain FROM accounts a WHERE a.id = s.account_id) IS NULL")
    if p.flag("remote"):
        clauses.append("(SELECT domain FROM accounts a WHERE a.id = s.account_id) IS NOT NULL")
    if p.flag("only_media"):
        clauses.append("EXISTS (SELECT 1 FROM media md WHERE md.status_id = s.id)")
    return " AND ".join(clauses) or "1"


# What each Mastodon timeline controller repeats in its Link (`pagination_params`).
HOME_KEEP = ("local", "limit")
PUBLIC_KEEP = ("local", "remote", "limit", "only_media")
TAG_KEEP = ("local", "limit", "only_media")


async def timeline_response(
    request: Request,
    where: str,
    args: dict[str, Any],
    viewer: int | None,
    context: str,
    keep: tuple[str, ...] = ("limit",),
) -> Response:
    """One page of statuses; the Link header follows the rows, even those a
    `hide` filter keeps out of the body, as Mastodon pages."""
    p = await params(request)
    c = cursor(p)
    scheduled.publish_due(state(request))
    with state(request).store.tx() as db:
        named = {**args, "me": viewer if viewer is not None else -1}
        where = f"{where} AND {VISIBLE_SQL} AND {SILENCED_SQL}"
        rows = fetch_page(db, where, named, c, "s.id", "s.* FROM statuses s")
        view = make_view(request, db, viewer, context)
        body = [entities.status_from_row(view, row) for row in rows]
    body = [status for status in body if not entities.is_hidden(status)]
    ids = [row["id"] for row in rows]
    return json_response(body, headers=link_header(request, ids, keep=keep))


async def home(request: Request) -> Response:
    me = current_account(request)
    return await timeline_response(request, _HOME_SQL, {}, me, "home", HOME_KEEP)


async def public(request: Request) -> Response:
    viewer = current_account(request, required=False)
    p = await params(request)
    where = f"s.visibility = 'public' AND {_filters(p)}"
    return await timeline_response(request, where, {}, viewer, "public", PUBLIC_KEEP)


async def hashtag(request: Request) -> Response:
    viewer = current_account(request, required=False)
    p = await params(request)
    tags = [request.path_params["tag"].lower(), *(t.lower() for t in p.list("any"))]
    placeholders = ", ".join(f":t{i}" for i in range(len(tags)))
    where = (
        f"s.visibility = 'public' AND {_filters(p)} AND EXISTS (SELECT 1 FROM status_tags t"
        f" WHERE t.status_id = s.id AND t.name IN ({placeholders}))"
    )
    return await timeline_response(
        request, where, {f"t{i}": t for i, t in enumerate(tags)}, viewer, "public", TAG_KEEP
    )


async def _by_record(request: Request, table: str) -> Response:
    """Bookmarks and favourites page by their own record id, as Mastodon's do."""
    me = current_account(request)
    p = await params(request)
    c = cursor(p)
    with state(request).store.tx() as db:
        rows = fetch_page(
            db,
            "r.account_id = :me",
            {"me": me},
            c,
            "r.id",
            f"r.id AS rid, r.status_id FROM {table} r",
        )
        view = make_view(request, db, me)
        body = [s for s in (entities.status(view, row["status_id"]) for row in rows) if s]
    ids = [row["rid"] for row in rows]
    return json_response(body, headers=link_header(request, ids, full=c.limit))


async def bookmarks(request: Request) -> Response:
    return await _by_record(request, "bookmarks")


async def favourites(request: Request) -> Response:
    return await _by_record(request, "favourites")


routes = [
    Route("/api/v1/timelines/home", home, methods=["GET"]),
    Route("/api/v1/timelines/public", public, methods=["GET"]),
    Route("/api/v1/timelines/tag/{tag}", hashtag, methods=["GET"]),
    Route("/api/v1/bookmarks", bookmarks, methods=["GET"]),
    Route("/api/v1/favourites", favourites, methods=["GET"]),
]
