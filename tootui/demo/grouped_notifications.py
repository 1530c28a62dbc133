"""Notifications v2: grouped results (favourites, boosts and follows fold together)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo import entities
from tootui.demo.entities import View
from tootui.demo.ids import iso_from_ms
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

_SAMPLE_ACCOUNTS = 8
# What Mastodon's grouped notifications controller repeats in its Link.
_KEEP = ("limit", "include_filtered", "types", "exclude_types", "grouped_types")
_SCAN = 400  # notifications read to fill one page of groups


def _groups(rows: list[Any], limit: int, grouped_types: list[str]) -> list[list[Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = entities.group_key(row) if row["type"] in grouped_types else f"ungrouped-{row['id']}"
        group = groups.get(key)
        if group is None:
            if len(groups) == limit:
                break
            group = groups[key] = {"rows": []}
        group["rows"].append(row)
    return [g["rows"] for g in groups.values()]


async def list_grouped(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    c = cursor(p, 40, 80)
    grouped_types = [t for t in p.list("grouped_types") if t in entities.GROUPABLE] or list(
        entities.GROUPABLE
    )
    types = p.list("types")
    excluded = p.list("exclude_types")
    wide = type(c)(c.max_id, c.since_id, c.min_id, _SCAN)
    with state(request).store.tx() as db:
        rows = fetch_page(
            db, "n.account_id = :me", {"me": me}, wide, "n.id", "n.* FROM notifications n"
        )
        rows = [r for r in rows if (not types or r["type"] in types) and r["type"] not in excluded]
        view = make_view(request, db, me, "notifications")
        groups = _groups(rows, c.limit, grouped_types)
        results = _results(view, groups, grouped_types)
        body = {"accounts": results.pop("accounts"), "partial_accounts": [], **results}
    ids = [m["id"] for members in groups for m in members]
    return json_response(body, headers=link_header(request, ids, keep=_KEEP))


def _results(
    view: View, groups: list[list[Any]], grouped_types: Sequence[str], *, paged: bool = True
) -> dict[str, Any]:
    """GroupedNotificationsResults for these groups (each newest first).

    Mastodon adds the page_* keys only to groups in a paginated list, not to
    GET /api/v2/notifications/:group_key.
    """
    account_ids: list[int] = []
    status_ids: list[int] = []
    body_groups = []
    for members in groups:
        newest = members[0]
        samples: list[int] = []
        for member in members:
            if member["from_account_id"] not in samples:
                samples.append(member["from_account_id"])
        for account_id in samples[:_SAMPLE_ACCOUNTS]:
            if account_id not in account_ids:
                account_ids.append(account_id)
        grouped = newest["type"] in grouped_types
        group: dict[str, Any] = {
            "group_key": entities.group_key(newest) if grouped else f"ungrouped-{newest['id']}",
            "notifications_count": len(members),
            "type": newest["type"],
            "most_recent_notification_id": newest["id"],
        }
        if paged:
            group["page_min_id"] = str(members[-1]["id"])
            group["page_max_id"] = str(newest["id"])
            group["latest_page_notification_at"] = iso_from_ms(newest["created_ms"])
        group["sample_account_ids"] = [str(a) for a in samples[:_SAMPLE_ACCOUNTS]]
        if newest["status_id"] is not None:
            group["status_id"] = str(newest["status_id"])
            if newest["status_id"] not in status_ids:
                status_ids.append(newest["status_id"])
        body_groups.append(group)
    return {
        "accounts": [entities.account(view, a) for a in account_ids],
        "statuses": [s for s in (entities.status(view, sid) for sid in status_ids) if s],
        "notification_groups": body_groups,
    }


def _group_rows(db: Any, me: int | None, key: str) -> list[Any]:
    rows = db.execute(
        "SELECT * FROM notifications WHERE account_id=? ORDER BY id DESC", (me,)
    ).fetchall()
    found = [r for r in rows if entities.group_key(r) == key]
    if not found:
        raise not_found()
    return found


async def get_group(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        members = _group_rows(db, me, request.path_params["group_key"])
        view = make_view(request, db, me, "notifications")
        return json_response(_results(view, [members], entities.GROUPABLE, paged=False))


async def group_accounts(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        members = _group_rows(db, me, request.path_params["group_key"])
        view = make_view(request, db, me)
        seen: dict[int, int] = {}  # account id -> its newest notification's id
        for member in members:
            seen.setdefault(member["from_account_id"], member["id"])
        body = [entities.account(view, a) for a in seen]
    # Every account is on this one page, so there is no `next`; `prev` is
    # min_id, a notification id, as Mastodon links it.
    ids = list(seen.values())
    return json_response(body, headers=link_header(request, ids, full=len(ids) + 1))


async def policy(request: Request) -> Response:
    """The demo filters nothing: every sender is accepted."""
    current_account(request)
    return json_response(
        {
            "for_not_following": "accept",
            "for_not_followers": "accept",
            "for_new_accounts": "accept",
            "for_private_mentions": "accept",
            "for_limited_accounts": "accept",
            "for_bots": "accept",
            "summary": {"pending_requests_count": 0, "pending_notifications_count": 0},
        }
    )


async def unread_count(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        marker = db.execute(
            "SELECT last_read_id FROM markers WHERE account_id=? AND timeline='notifications'",
            (me,),
        ).fetchone()
        since = int(marker[0]) if marker and str(marker[0]).isdigit() else 0
        rows = db.execute(
            "SELECT * FROM notifications WHERE account_id=? AND id>? ORDER BY id DESC", (me, since)
        ).fetchall()
    return json_response({"count": len({entities.group_key(r) for r in rows})})


async def dismiss_group(request: Request) -> Response:
    me = current_account(request)
    key = request.path_params["group_key"]
    with state(request).store.tx() as db:
        rows = db.execute("SELECT * FROM notifications WHERE account_id=?", (me,)).fetchall()
        doomed = [r["id"] for r in rows if entities.group_key(r) == key]
        if not doomed:
            raise not_found()
        db.executemany("DELETE FROM notifications WHERE id=?", [(i,) for i in doomed])
    return json_response({})


routes = [
    Route("/api/v2/notifications", list_grouped, methods=["GET"]),
    Route("/api/v2/notifications/unread_count", unread_count, methods=["GET"]),
    Route("/api/v2/notifications/policy", policy, methods=["GET"]),
    Route("/api/v2/notifications/{group_key}", get_group, methods=["GET"]),
    Route("/api/v2/notifications/{group_key}/accounts", group_accounts, methods=["GET"]),
    Route("/api/v2/notifications/{group_key}/dismiss", dismiss_group, methods=["POST"]),
]
