"""Request plumbing shared by the API modules: parameters, auth, errors, paging."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from tootui.demo.entities import View
from tootui.demo.ids import parse_id

if TYPE_CHECKING:
    from tootui.demo.instance_state import InstanceState


class ApiError(Exception):
    """Ends a request with Mastodon's `{"error": ...}` body."""

    def __init__(self, status: int, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.body: dict[str, Any] = {"error": message, **extra}


def not_found() -> ApiError:
    return ApiError(404, "Record not found")


def error_response(error: ApiError) -> JSONResponse:
    return JSONResponse(error.body, status_code=error.status)


def state(request: Request) -> InstanceState:
    return request.app.state.demo


@dataclass
class Params:
    """Query and body parameters together; `name[]` keys collect into lists."""

    values: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def text(self, name: str, default: str = "") -> str:
        value = self.values.get(name, default)
        if value is None:
            return default
        return value if isinstance(value, str) else str(value)

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        return str(value).lower() not in ("0", "false", "f", "off", "no")

    def list(self, name: str) -> list[Any]:
        value = self.values.get(name, self.values.get(f"{name}[]"))
        if value is None:
            return []
        return value if isinstance(value, list) else [value]

    def id(self, name: str) -> int | None:
        return parse_id(self.values.get(name))


async def params(request: Request) -> Params:
    """Mastodon accepts form, multipart and JSON bodies, and query strings."""
    values: dict[str, Any] = {}
    for key, value in request.query_params.multi_items():
        _put(values, key, value)
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        ctype = request.headers.get("content-type", "")
        if ctype.startswith("application/json"):
            raw = await request.body()
            if raw.strip():
                try:
                    body = json.loads(raw)
                    # A `\ud800` escape parses into a lone surrogate, which no
                    # UTF-8 column can hold: refuse it here, not as a 500 later.
                    json.dumps(body, ensure_ascii=False).encode("utf-8")
                except ValueError as exc:
                    raise ApiError(400, "Error while parsing JSON") from exc
                if isinstance(body, dict):
                    values.update(body)
        elif ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            for form_key, form_value in form.multi_items():
                _put(values, form_key, form_value)
    return Params(values)


def _put(values: dict[str, Any], key: str, value: Any) -> None:
    if key.endswith("[]"):
        values.setdefault(key[:-2], []).append(value)
    else:
        values[key] = value


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return request.query_params.get("access_token") or None


def current_account(request: Request, *, required: bool = True) -> int | None:
    """The account behind the request's token; 401 as Mastodon words it."""
    token = bearer_token(request)
    if token is None:
        if required:
            raise ApiError(401, "The access token is invalid")
        return None
    with state(request).store.tx() as db:
        row = db.execute(
            "SELECT account_id, revoked FROM tokens WHERE token=?", (token,)
        ).fetchone()
    if row is None:
        raise ApiError(401, "The access token is invalid")
    if row["revoked"]:
        raise ApiError(401, "The access token was revoked")
    if row["account_id"] is None and required:
        raise ApiError(422, "This method requires an authenticated user")
    return None if row["account_id"] is None else int(row["account_id"])


def make_view(request: Request, db: Any, viewer_id: int | None, context: str | None = None) -> View:
    return View(db=db, base=state(request).base_url, viewer_id=viewer_id, context=context)


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return Response(body, status_code=status, headers=headers, media_type="application/json")


def page_limit(p: Params, default: int = 20, maximum: int = 40) -> int:
    try:
        limit = int(p.get("limit", default))
    except (TypeError, ValueError):
        return default
    return max(1, min(limit, maximum))


@dataclass(frozen=True)
class Cursor:
    """Mastodon's paging parameters for one request."""

    max_id: int | None
    since_id: int | None
    min_id: int | None
    limit: int

    def where(self, column: str) -> tuple[str, dict[str, int]]:
        """SQL conditions and named arguments for the id column."""
        clauses, args = [], {}
        for name, op in (("max_id", "<"), ("since_id", ">"), ("min_id", ">")):
            value = getattr(self, name)
            if value is not None:
                clauses.append(f"{column} {op} :{name}")
                args[name] = value
        return (" AND ".join(clauses) or "1"), args

    def order(self, column: str) -> str:
        # min_id asks for the page right after the cursor: oldest first, then reversed.
        return f"{column} ASC" if self.min_id is not None else f"{column} DESC"


def cursor(p: Params, default: int = 20, maximum: int = 40) -> Cursor:
    return Cursor(p.id("max_id"), p.id("since_id"), p.id("min_id"), page_limit(p, default, maximum))


def fetch_page(
    db: Any, where: str, args: dict[str, Any], c: Cursor, column: str, select: str
) -> list[Any]:
    """Rows for one page, newest first, whatever the cursor. `select` is
    `columns FROM table`; `where` and `args` use named parameters."""
    cursor_where, cursor_args = c.where(column)
    rows = db.execute(
        f"SELECT {select} WHERE ({where}) AND {cursor_where}"
        f" ORDER BY {c.order(column)} LIMIT :limit",
        {**args, **cursor_args, "limit": c.limit},
    ).fetchall()
    if c.min_id is not None:
        rows.reverse()
    return list(rows)


def link_header(
    request: Request,
    ids: list[int],
    *,
    key: Callable[[int], str] = str,
    keep: Collection[str] = ("limit",),
    prev: str = "min_id",
    full: int | None = None,
) -> dict[str, str]:
    """Mastodon's `Link`: `next` (max_id) and `prev` (min_id, or since_id where
    the Mastodon controller uses it).

    Only the parameters in `keep` are repeated (the controller's
    `pagination_params`; `types[]` counts as `types`), in Rails' sorted order.
    With `full` (the page size), `next` comes only on a full page, as with
    Mastodon's `records_continue?`; timelines and notifications leave `full`
    out and offer `next` on every page that has rows.
    """
    if not ids:
        return {}
    kept = [(k, v) for k, v in request.query_params.multi_items() if k.removesuffix("[]") in keep]
    url = f"{state(request).base_url}{request.url.path}"

    def link(name: str, value: str) -> str:
        query = urlencode(sorted([*kept, (name, value)]))
        return f"{url}?{query}"

    links = [f'<{link(prev, key(ids[0]))}>; rel="prev"']
    if full is None or len(ids) >= full:
        links.insert(0, f'<{link("max_id", key(ids[-1]))}>; rel="next"')
    return {"Link": ", ".join(links)}
