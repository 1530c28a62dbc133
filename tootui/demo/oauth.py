"""Apps and OAuth: registration, authorize (auto-approving the demo user),
token exchange and revocation, as Mastodon answers them.
"""

from __future__ import annotations

import base64
import hashlib
import html
import secrets
import time
from urllib.parse import urlencode, urlsplit, urlunsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from tootui.demo.ids import now_ms
from tootui.demo.instance_state import DEMO_USERNAME
from tootui.demo.posting import local_account_id
from tootui.demo.web import ApiError, current_account, json_response, params, state

OOB = "urn:ietf:wg:oauth:2.0:oob"
VAPID_KEY = (
    "BAhxXyHfAoMqrZECjRI56F5QrE4ynVlkZFMdKSpTIsWRNoWUVgut-Bnz2xsMSwiN4AF0b4I7ixF24OwiicOJivw="
)
_INVALID_GRANT = (
    "The provided authorization grant is invalid, expired, revoked, does not match the "
    "redirection URI used in the authorization request, or was issued to another client."
)
_CODE_LIFETIME_MS = 10 * 60 * 1000


def _oauth_error(status: int, error: str, description: str) -> Response:
    return json_response({"error": error, "error_description": description}, status)


def _split(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value or "").split()


async def create_app(request: Request) -> Response:
    p = await params(request)
    name = p.text("client_name").strip()
    redirect_uris = _split(p.get("redirect_uris"))
    if not name:
        raise ApiError(422, "Validation failed: Application name can't be blank")
    if not redirect_uris:
        raise ApiError(422, "Validation failed: Redirect URI can't be blank")
    scopes = _split(p.get("scopes")) or ["read"]
    client_id, client_secret = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    with state(request).store.tx() as db:
        cursor = db.execute(
            "INSERT INTO apps (name, website, scopes, redirect_uris, client_id, client_secret)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                name,
                p.get("website") or None,
                " ".join(scopes),
                "\n".join(redirect_uris),
                client_id,
                client_secret,
            ),
        )
    return json_response(
        {
            "id": str(cursor.lastrowid),
            "name": name,
            "website": p.get("website") or None,
            "scopes": scopes,
            "redirect_uris": redirect_uris,
            "vapid_key": VAPID_KEY,
            "redirect_uri": "\n".join(redirect_uris),
            "client_id": client_id,
            "client_secret": client_secret,
            "client_secret_expires_at": 0,
        }
    )


async def verify_app(request: Request) -> Response:
    token = request.headers.get("authorization", "")[7:].strip()
    with state(request).store.tx() as db:
        row = db.execute(
            "SELECT a.* FROM tokens t JOIN apps a ON a.id=t.app_id"
            " WHERE t.token=? AND NOT t.revoked",
            (token,),
        ).fetchone()
    if row is None:
        raise ApiError(401, "The access token is invalid")
    uris = row["redirect_uris"].split("\n")
    return json_response(
        {
            "id": str(row["id"]),
            "name": row["name"],
            "website": row["website"],
            "scopes": row["scopes"].split(),
            "redirect_uris": uris,
            "vapid_key": VAPID_KEY,
            "redirect_uri": "\n".join(uris),
        }
    )


async def authorize(request: Request) -> Response:
    """The demo approves its one user at once: no login page, no consent screen."""
    q = request.query_params
    with state(request).store.tx() as db:
        app = db.execute(
            "SELECT * FROM apps WHERE client_id=?", (q.get("client_id", ""),)
        ).fetchone()
        if app is None:
            return _oauth_error(
                401, "invalid_client", "Client authentication failed due to unknown client."
            )
        redirect_uri = q.get("redirect_uri", "")
        if not _redirect_registered(redirect_uri, app["redirect_uris"].split("\n")):
            return _oauth_error(
                400, "invalid_redirect_uri", "The redirect uri included is not valid."
            )
        if q.get("response_type", "code") != "code":
            return _oauth_error(
                400,
                "unsupported_response_type",
                "The authorization server does not support this response type.",
            )
        scopes = q.get("scope", "read").replace("+", " ").split() or ["read"]
        if not all(_allowed(scope, app["scopes"].split()) for scope in scopes):
            return _oauth_error(
                400, "invalid_scope", "The requested scope is invalid, unknown, or malformed."
            )
        account_id = local_account_id(db, DEMO_USERNAME)
        code = secrets.token_urlsafe(32)
        db.execute(
            "INSERT INTO auth_codes (code, app_id, account_id, redirect_uri, scopes,"
            " code_challenge,"
            " created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                code,
                app["id"],
                account_id,
                redirect_uri,
                " ".join(scopes),
                q.get("code_challenge"),
                now_ms(),
            ),
        )
    if redirect_uri == OOB:
        return HTMLResponse(
            "<!DOCTYPE html><html><head><title>Authorization code</title></head><body>"
            "<p>Copy this code and paste it into the application.</p>"
            f'<input type="text" readonly class="oauth-code" value="{html.escape(code)}">'
            f"<code>{html.escape(code)}</code></body></html>"
        )
    query = {"code": code}
    if q.get("state") is not None:
        query["state"] = q["state"]
    parts = urlsplit(redirect_uri)
    joined = f"{parts.query}&{urlencode(query)}" if parts.query else urlencode(query)
    return RedirectResponse(urlunsplit(parts._replace(query=joined)), status_code=302)


def _redirect_registered(uri: str, registered: list[str]) -> bool:
    """Exact match, except that a loopback redirect may use any port (RFC 8252 §7.3,
    as Doorkeeper does for Mastodon): native apps listen on a free port."""
    if uri in registered:
        return True
    asked = urlsplit(uri)
    if asked.scheme != "http" or asked.hostname not in ("127.0.0.1", "::1"):
        return False
    try:
        asked_port = asked.port
    except ValueError:
        return False
    if asked_port is None:
        return False
    for candidate in registered:
        known = urlsplit(candidate)
        if (known.scheme, known.hostname, known.path, known.query) == (
            asked.scheme,
            asked.hostname,
            asked.path,
            asked.query,
        ):
            return True
    return False


def _allowed(scope: str, registered: list[str]) -> bool:
    """A registered top-level scope (`read`) also covers granular ones (`read:statuses`)."""
    return scope in registered or scope.split(":", 1)[0] in registered


def _pkce_ok(challenge: str | None, verifier: str | None) -> bool:
    if not challenge:
        return True
    if not verifier:
        return False
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == challenge


async def token(request: Request) -> Response:
    p = await params(request)
    grant = p.text("grant_type")
    with state(request).store.tx() as db:
        app = db.execute(
            "SELECT * FROM apps WHERE client_id=? AND client_secret=?",
            (p.text("client_id"), p.text("client_secret")),
        ).fetchone()
        if app is None:
            return _oauth_error(
                401,
                "invalid_client",
                "Client authentication failed due to unknown client, no client authentication"
                " included, or unsupported authentication method.",
            )
        if grant == "client_credentials":
            scopes = p.text("scope", "read").split() or ["read"]
            account_id = None
        elif grant == "authorization_code":
            code = db.execute(
                "SELECT * FROM auth_codes WHERE code=? AND app_id=?", (p.text("code"), app["id"])
            ).fetchone()
            if (
                code is None
                or code["used"]
                or code["redirect_uri"] != p.text("redirect_uri")
                or now_ms() - code["created_ms"] > _CODE_LIFETIME_MS
                or not _pkce_ok(code["code_challenge"], p.get("code_verifier"))
            ):
                return _oauth_error(400, "invalid_grant", _INVALID_GRANT)
            db.execute("UPDATE auth_codes SET used=1 WHERE code=?", (code["code"],))
            scopes, account_id = code["scopes"].split(), code["account_id"]
        else:
            return _oauth_error(
                400,
                "unsupported_grant_type",
                "The authorization grant type is not supported by the authorization server.",
            )
        access_token = secrets.token_urlsafe(32)
        created = int(time.time())
        db.execute(
            "INSERT INTO tokens (token, app_id, account_id, scopes, created_s)"
            " VALUES (?, ?, ?, ?, ?)",
            (access_token, app["id"], account_id, " ".join(scopes), created),
        )
    return json_response(
        {
            "access_token": access_token,
            "token_type": "Bearer",
            "scope": " ".join(scopes),
            "created_at": created,
        }
    )


async def revoke(request: Request) -> Response:
    p = await params(request)
    with state(request).store.tx() as db:
        app = db.execute(
            "SELECT id FROM apps WHERE client_id=? AND client_secret=?",
            (p.text("client_id"), p.text("client_secret")),
        ).fetchone()
        if app is None:
            return _oauth_error(
                401, "invalid_client", "Client authentication failed due to unknown client."
            )
        row = db.execute("SELECT app_id FROM tokens WHERE token=?", (p.text("token"),)).fetchone()
        if row is not None and row["app_id"] != app["id"]:
            return _oauth_error(
                403, "unauthorized_client", "You are not authorized to revoke this token"
            )
        db.execute("UPDATE tokens SET revoked=1 WHERE token=?", (p.text("token"),))
    return json_response({})


async def userinfo(request: Request) -> Response:
    account_id = current_account(request)
    base = state(request).base_url
    with state(request).store.tx() as db:
        row = db.execute("SELECT * FROM accounts WHERE id=?", (account_id,)).fetchone()
    return json_response(
        {
            "iss": f"{base}/",
            "sub": f"{base}/ap/users/{row['id']}",
            "name": row["display_name"],
            "preferred_username": row["username"],
            "profile": f"{base}/@{row['username']}",
            "picture": row["avatar"] or f"{base}/avatars/original/missing.png",
        }
    )


async def server_metadata(request: Request) -> Response:
    base = state(request).base_url
    return json_response(
        {
            "issuer": f"{base}/",
            "authorization_endpoint": f"{base}/oauth/authorize",
            "token_endpoint": f"{base}/oauth/token",
            "revocation_endpoint": f"{base}/oauth/revoke",
            "userinfo_endpoint": f"{base}/oauth/userinfo",
            "scopes_supported": ["read", "profile", "write", "follow", "push"],
            "response_types_supported": ["code"],
            "response_modes_supported": ["query", "fragment", "form_post"],
            "grant_types_supported": ["authorization_code", "client_credentials"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
            "service_documentation": "https://docs.joinmastodon.org/",
            "app_registration_endpoint": f"{base}/api/v1/apps",
        }
    )


routes = [
    Route("/api/v1/apps", create_app, methods=["POST"]),
    Route("/api/v1/apps/verify_credentials", verify_app, methods=["GET"]),
    Route("/oauth/authorize", authorize, methods=["GET"]),
    Route("/oauth/token", token, methods=["POST"]),
    Route("/oauth/revoke", revoke, methods=["POST"]),
    Route("/oauth/userinfo", userinfo, methods=["GET", "POST"]),
    Route("/.well-known/oauth-authorization-server", server_metadata, methods=["GET"]),
]
