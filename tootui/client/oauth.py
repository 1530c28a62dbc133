"""OAuth primitives: register the app, build the authorize URL, read the
redirect, exchange the code, revoke; and the demo instance's login built on them.

The browser/loopback login for real servers (accounts) composes the same
pieces: `register_app`, `new_state`, `authorize_url`, then `code_from_redirect`
on the URL the browser came back to, then `exchange_code`.

PKCE is not used: Mastodon.py 2.3's `log_in()` has no way to send a
`code_verifier`, and tootui is a confidential client here anyway (the code is
useless without the client secret, which never leaves this process and the
keyring).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import parse_qs, urlencode, urlsplit

from tootui.client import transport
from tootui.client.errors import AuthError, ClientError, RefusedError, ServerError
from tootui.i18n import _

if TYPE_CHECKING:
    import requests
    from mastodon import Mastodon

T = TypeVar("T")

CLIENT_NAME = "tootui"
# Only what tootui does: `read` for timelines, threads, notifications and the
# profile; `write` for posting, favourites, boosts, bookmarks and (later)
# follows, which `write` covers since `follow` was deprecated in Mastodon 3.5.
# No `push`: a terminal client receives updates over streaming, not Web Push.
SCOPES: tuple[str, ...] = ("read", "write")
# The demo never follows the redirect, so this address is never contacted;
# it only has to be one the app registered.
DEMO_REDIRECT_URI = "http://127.0.0.1/tootui-demo-callback"
_LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def _allow_http(base_url: str) -> bool:
    """Plain HTTP OAuth only for a server on this machine (the demo, tests)."""
    parts = urlsplit(base_url)
    return parts.scheme == "http" and (parts.hostname or "") in _LOOPBACK_HOSTS


def _oauth_call(call: Callable[[], T], memory: transport.ResponseMemory,
                secrets_: Sequence[str],
                refusal: type[ClientError] = AuthError) -> T:
    """Run one Mastodon.py OAuth call; the server refusing it raises `refusal`."""
    from mastodon import errors as m

    try:
        return call()
    except Exception as exc:
        cause = _root_cause(exc)
        # A failed connection leaves the memory holding an earlier response
        # (such as the metadata 404 of a pre-4.3 server): not this failure.
        failure = None if isinstance(cause, m.MastodonNetworkError) else memory.failure()
        if failure is not None and 400 <= failure[0] < 500 and failure[0] != 429:
            raise refusal(failure[1], status=failure[0], secrets=secrets_) from exc
        if isinstance(cause, m.MastodonAPIError) and str(cause).startswith("Granted"):
            raise AuthError(_("fewer permissions were granted than tootui needs"),
                            secrets=secrets_) from exc
        raise transport.client_error(cause, memory, secrets=tuple(secrets_)) from exc


def _root_cause(exc: BaseException) -> BaseException:
    """`log_in` re-raises everything as an illegal-argument error; find the real one."""
    from mastodon import errors as m

    current: BaseException | None = exc
    while isinstance(current, m.MastodonIllegalArgumentError) and current.__context__:
        current = current.__context__
    return current or exc


def _mastodon(base_url: str, memory: transport.ResponseMemory, *, client_id: str,
              client_secret: str, access_token: str | None = None, timeout: float) -> Mastodon:
    from mastodon import Mastodon

    return Mastodon(
        client_id=client_id, client_secret=client_secret, access_token=access_token,
        api_base_url=base_url, version_check_mode="none", ratelimit_method="throw",
        request_timeout=timeout, session=transport.new_session(memory),
        user_agent=transport.USER_AGENT,
    )


def register_app(base_url: str, *, redirect_uri: str | Sequence[str],
                 scopes: Sequence[str] = SCOPES, client_name: str = CLIENT_NAME,
                 website: str | None = None,
                 timeout: float = transport.DEFAULT_TIMEOUT) -> tuple[str, str]:
    """Register tootui with the server; returns (client_id, client_secret)."""
    from mastodon import Mastodon

    memory = transport.ResponseMemory()
    uris = [redirect_uri] if isinstance(redirect_uri, str) else list(redirect_uri)
    client_id, client_secret = _oauth_call(
        lambda: Mastodon.create_app(
            client_name, scopes=list(scopes), redirect_uris=uris, website=website,
            api_base_url=base_url, request_timeout=timeout,
            session=transport.new_session(memory), user_agent=transport.USER_AGENT,
        ),
        memory, (), refusal=RefusedError,
    )
    if not isinstance(client_id, str) or not isinstance(client_secret, str):
        raise ServerError(_("the app registration answer had no credentials"))
    return client_id, client_secret


def new_state() -> str:
    """An unguessable `state` that ties the redirect to the request we made."""
    return secrets.token_urlsafe(24)


def authorize_url(base_url: str, client_id: str, *, redirect_uri: str,
                  scopes: Sequence[str] = SCOPES, state: str,
                  force_login: bool = False, lang: str | None = None) -> str:
    """The page where the user approves tootui (or the demo approves at once)."""
    query = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "scope": " ".join(scopes),
        "state": state,
    }
    if force_login:
        query["force_login"] = "true"
    if lang:
        query["lang"] = lang
    return f"{base_url.rstrip('/')}/oauth/authorize?{urlencode(query)}"


def code_from_redirect(url: str, *, state: str) -> str:
    """The authorization code from the URL the server redirected to.

    Raises AuthError when the user (or server) refused, or when `state` does
    not match: a redirect we did not ask for must never log anyone in.
    """
    query = parse_qs(urlsplit(url).query)

    def first(key: str) -> str:
        values = query.get(key) or [""]
        return values[0]

    if first("error"):
        raise AuthError(first("error_description") or first("error"))
    if not secrets.compare_digest(first("state"), state):
        raise AuthError(_("the login answer did not match the request"))
    code = first("code")
    if not code:
        raise AuthError(_("the login answer had no authorization code"))
    return code


def exchange_code(base_url: str, client_id: str, client_secret: str, code: str, *,
                  redirect_uri: str, scopes: Sequence[str] = SCOPES,
                  timeout: float = transport.DEFAULT_TIMEOUT) -> str:
    """Trade an authorization code for an access token (Mastodon.py `log_in`)."""
    memory = transport.ResponseMemory()
    api = _mastodon(base_url, memory, client_id=client_id, client_secret=client_secret,
                    timeout=timeout)
    token = _oauth_call(
        lambda: api.log_in(code=code, redirect_uri=redirect_uri, scopes=list(scopes),
                           allow_http=_allow_http(base_url)),
        memory, (client_secret, code),
    )
    api.session.close()
    return str(token)


def revoke(base_url: str, client_id: str, client_secret: str, access_token: str, *,
           timeout: float = transport.DEFAULT_TIMEOUT) -> None:
    """Invalidate `access_token` on the server (logging out)."""
    memory = transport.ResponseMemory()
    api = _mastodon(base_url, memory, client_id=client_id, client_secret=client_secret,
                    access_token=access_token, timeout=timeout)
    try:
        _oauth_call(lambda: api.revoke_access_token(allow_http=_allow_http(base_url)),
                    memory, (client_secret, access_token))
    finally:
        api.session.close()


def demo_login(base_url: str, *, timeout: float = transport.DEFAULT_TIMEOUT) -> str:
    """Log in to the demo instance through the real OAuth code flow; returns a token.

    The demo's authorize endpoint approves its user at once with a 302; the
    `Location` is read without following it (nothing listens there).
    """
    import requests

    client_id, client_secret = register_app(base_url, redirect_uri=DEMO_REDIRECT_URI)
    state = new_state()
    url = authorize_url(base_url, client_id, redirect_uri=DEMO_REDIRECT_URI, state=state)
    try:
        response = requests.get(url, allow_redirects=False, timeout=timeout,
                                headers={"User-Agent": transport.USER_AGENT})
    except requests.RequestException as exc:
        raise transport.network_error(exc, secrets=(client_secret,)) from exc
    location = response.headers.get("Location", "")
    if not response.is_redirect or not location:
        body = _json_or_empty(response)
        message = transport.error_message(body) or f"HTTP {response.status_code}"
        if response.status_code >= 500:
            raise ServerError(message, status=response.status_code, secrets=(client_secret,))
        raise AuthError(message, status=response.status_code, secrets=(client_secret,))
    code = code_from_redirect(location, state=state)
    return exchange_code(base_url, client_id, client_secret, code,
                         redirect_uri=DEMO_REDIRECT_URI, timeout=timeout)


def _json_or_empty(response: requests.Response) -> dict[str, object]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
