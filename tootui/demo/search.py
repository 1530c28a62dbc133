"""Search v2: accounts, hashtags and statuses (full text over what is stored).

As on Mastodon, `resolve=true` with an `http(s)://` query looks the URL up
instead of searching text: a post's or a profile's page (local or a stored
remote one) answers with just that post or account.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo import entities
from tootui.demo.accounts import find_by_acct, matching_accounts
from tootui.demo.tags import tag_entity
from tootui.demo.visibility import VISIBLE_SQL, can_see
from tootui.demo.web import current_account, json_response, make_view, page_limit, params, state

_LOCAL_PAGE = re.compile(r"/@([^/@]+)(?:/(\d+))?/?")


def _like(text: str) -> str:
    """`text` with LIKE's wildcards taken literally (with `ESCAPE '\\'`)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _resolve(
    db: sqlite3.Connection, base_url: str, url: str, viewer: int | None
) -> tuple[list[sqlite3.Row], list[sqlite3.Row]]:
    """(accounts, statuses) whose page or ActivityPub id is `url`."""
    if url.startswith(base_url.rstrip("/") + "/"):
        match = _LOCAL_PAGE.fullmatch(urlsplit(url).path)
        if match is None:
            return [], []
        if match.group(2) is not None:
            row = db.execute(
                "SELECT s.* FROM statuses s JOIN accounts a ON a.id = s.account_id"
                " WHERE s.id=? AND a.username=? AND a.domain IS NULL",
                (int(match.group(2)), match.group(1)),
            ).fetchone()
            return [], [row] if row is not None and can_see(db, viewer, row) else []
        account = db.execute(
            "SELECT * FROM accounts WHERE username=? AND domain IS NULL", (match.group(1),)
        ).fetchone()
        return ([account] if account is not None else []), []
    statuses = [
        row
        for row in db.execute("SELECT * FROM statuses WHERE url=? OR uri=?", (url, url))
        if can_see(db, viewer, row)
    ]
    if statuses:
        return [], statuses[:1]
    return db.execute("SELECT * FROM accounts WHERE url=? LIMIT 1", (url,)).fetchall(), []


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
        if p.flag("resolve") and re.match(r"https?://", query) and offset == 0:
            accounts, statuses = _resolve(db, st.base_url, query, viewer)
            if kind in ("", "accounts"):
                result["accounts"] = [entities.account_from_row(view, r) for r in accounts]
            if kind in ("", "statuses"):
                result["statuses"] = [entities.status_from_row(view, r) for r in statuses]
            return json_response(result)
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
            needle = _like(query.lstrip("#").lower())
            rows = db.execute(
                "SELECT name, COUNT(*) AS uses FROM status_tags WHERE name LIKE ? ESCAPE '\\'"
                " GROUP BY name ORDER BY uses DESC, name LIMIT ? OFFSET ?",
                (f"{needle}%", limit, offset),
            ).fetchall()
            result["hashtags"] = [tag_entity(db, st.base_url, r["name"], viewer) for r in rows]
        if kind in ("", "statuses") and viewer is not None:
            # Mastodon searches statuses only for signed-in users.
            rows = db.execute(
                f"SELECT s.* FROM statuses s WHERE s.reblog_of_id IS NULL"
                f" AND s.text LIKE :q ESCAPE '\\' AND {VISIBLE_SQL}"
                f" ORDER BY s.id DESC LIMIT :limit OFFSET :offset",
                {"q": f"%{_like(query)}%", "me": viewer, "limit": limit, "offset": offset},
            ).fetchall()
            result["statuses"] = [entities.status_from_row(view, r) for r in rows]
    return json_response(result)


routes = [Route("/api/v2/search", search_v2, methods=["GET"])]
