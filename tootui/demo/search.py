"""Search v2: accounts, hashtags and statuses (full text over what is stored)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo import entities
from tootui.demo.accounts import find_by_acct, matching_accounts
from tootui.demo.tags import tag_entity
from tootui.demo.visibility import VISIBLE_SQL
from tootui.demo.web import current_account, json_response, make_view, page_limit, params, state


async def search_v2(request: Request) -> Response:
    viewer = current_account(request, required=False)
    p = await params(request)
    query = p.text("q").strip()
    kind = p.text("type")
    limit = page_limit(p, 20, 40)
    offset = int(p.get("offset", 0) or 0) if kind else 0
    st = state(request)
    result: dict[str, list[Any]] = {
        "accounts": [],
        "statuses": [],
        "hashtags": [],
        "collections": [],
    }
    if not query:
        return json_response(result)
    with st.store.tx() as db:
        view = make_view(request, db, viewer)
        if kind in ("", "accounts"):
            exact = (
                find_by_acct(db, query, st.domain)
                if "@" in query.lstrip("@") or query.startswith("@")
                else None
            )
            rows = (
                [exact]
                if exact is not None
                else matching_accounts(db, query, limit + offset)[offset:]
            )
            result["accounts"] = [entities.account_from_row(view, r) for r in rows]
        if kind in ("", "hashtags"):
            needle = query.lstrip("#").lower()
            rows = db.execute(
                "SELECT name, COUNT(*) AS uses FROM status_tags WHERE name LIKE ? GROUP BY name"
                " ORDER BY uses DESC, name LIMIT ? OFFSET ?",
                (f"{needle}%", limit, offset),
            ).fetchall()
            result["hashtags"] = [tag_entity(db, st.base_url, r["name"], viewer) for r in rows]
        if kind in ("", "statuses") and viewer is not None:
            # Mastodon searches statuses only for signed-in users.
            rows = db.execute(
                f"SELECT s.* FROM statuses s WHERE s.reblog_of_id IS NULL AND s.text LIKE :q"
                f" AND {VISIBLE_SQL} ORDER BY s.id DESC LIMIT :limit OFFSET :offset",
                {"q": f"%{query}%", "me": viewer, "limit": limit, "offset": offset},
            ).fetchall()
            result["statuses"] = [entities.status_from_row(view, r) for r in rows]
    return json_response(result)


routes = [Route("/api/v2/search", search_v2, methods=["GET"])]
