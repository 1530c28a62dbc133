"""The OAuth code flow against the demo instance, step by step and end to end."""

from __future__ import annotations

import socket
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from tootui.client import oauth
from tootui.client.api import MastodonClient
from tootui.client.errors import AuthError, NetworkError, RefusedError
from tootui.demo.server import DemoServer

from .serverdb import server_rows

REDIRECT = "http://127.0.0.1:9/callback"


def _authorize(server: DemoServer, client_id: str, state: str) -> str:
    url = oauth.authorize_url(server.url, client_id, redirect_uri=REDIRECT, state=state)
    response = requests.get(url, allow_redirects=False, timeout=10)
    assert response.status_code == 302
    return response.headers["Location"]


def test_demo_login_gives_a_working_token(demo_server: DemoServer) -> None:
    token = oauth.demo_login(demo_server.url)
    with MastodonClient(demo_server.url, token) as api:
        assert api.verify_credentials().acct == "demo"
    [row] = server_rows(
        demo_server,
        "SELECT t.scopes, a.name, a.redirect_uris FROM tokens t JOIN apps a ON a.id=t.app_id"
        " WHERE t.token=?", token,
    )
    assert row["scopes"] == "read write" and row["name"] == oauth.CLIENT_NAME
    assert row["redirect_uris"] == oauth.DEMO_REDIRECT_URI
    # The authorize step really went through a code, which is now spent.
    assert server_rows(demo_server, "SELECT used FROM auth_codes")[0]["used"] == 1


def test_authorize_url_carries_what_the_server_needs() -> None:
    url = oauth.authorize_url("https://example.social/", "cid", redirect_uri=REDIRECT,
                              state="st", scopes=("read",), force_login=True)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "example.social",
                                                        "/oauth/authorize")
    assert parse_qs(parts.query) == {
        "response_type": ["code"], "client_id": ["cid"], "redirect_uri": [REDIRECT],
        "scope": ["read"], "state": ["st"], "force_login": ["true"],
    }


def test_step_by_step_and_code_reuse(demo_server: DemoServer) -> None:
    client_id, secret = oauth.register_app(demo_server.url, redirect_uri=REDIRECT)
    state = oauth.new_state()
    code = oauth.code_from_redirect(_authorize(demo_server, client_id, state), state=state)
    token = oauth.exchange_code(demo_server.url, client_id, secret, code, redirect_uri=REDIRECT)
    assert token
    with pytest.raises(AuthError) as caught:
        oauth.exchange_code(demo_server.url, client_id, secret, code, redirect_uri=REDIRECT)
    text = str(caught.value)
    assert "authorization grant is invalid" in text and "log in again" in text
    assert secret not in text and code not in text


def test_wrong_state_is_refused(demo_server: DemoServer) -> None:
    client_id, _secret = oauth.register_app(demo_server.url, redirect_uri=REDIRECT)
    location = _authorize(demo_server, client_id, "the-state-we-sent")
    with pytest.raises(AuthError, match="did not match"):
        oauth.code_from_redirect(location, state="another-state")


def test_denied_redirect_is_auth_error() -> None:
    denied = f"{REDIRECT}?error=access_denied&error_description=The+user+said+no&state=s"
    with pytest.raises(AuthError, match="The user said no"):
        oauth.code_from_redirect(denied, state="s")


def test_wrong_client_secret(demo_server: DemoServer) -> None:
    client_id, _secret = oauth.register_app(demo_server.url, redirect_uri=REDIRECT)
    state = oauth.new_state()
    code = oauth.code_from_redirect(_authorize(demo_server, client_id, state), state=state)
    with pytest.raises(AuthError) as caught:
        oauth.exchange_code(demo_server.url, client_id, "wrong", code, redirect_uri=REDIRECT)
    assert caught.value.status == 401


def test_registration_refused_with_reason(demo_server: DemoServer) -> None:
    with pytest.raises(RefusedError, match="Application name can't be blank"):
        oauth.register_app(demo_server.url, redirect_uri=REDIRECT, client_name="")


def test_revoke_ends_the_token(demo_server: DemoServer) -> None:
    client_id, secret = oauth.register_app(demo_server.url, redirect_uri=REDIRECT)
    state = oauth.new_state()
    code = oauth.code_from_redirect(_authorize(demo_server, client_id, state), state=state)
    token = oauth.exchange_code(demo_server.url, client_id, secret, code, redirect_uri=REDIRECT)
    oauth.revoke(demo_server.url, client_id, secret, token)
    with MastodonClient(demo_server.url, token) as api, pytest.raises(AuthError):
        api.verify_credentials()


def test_demo_login_without_a_server() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(NetworkError, match="connection refused"):
        oauth.demo_login(f"http://127.0.0.1:{port}")


def test_timeout_during_exchange_is_network_error(demo_server: DemoServer) -> None:
    client_id, secret = oauth.register_app(demo_server.url, redirect_uri=REDIRECT)
    state = oauth.new_state()
    code = oauth.code_from_redirect(_authorize(demo_server, client_id, state), state=state)
    # A pre-4.3 server answers the metadata request with 404 just before.
    demo_server.faults.add("/.well-known/oauth-authorization-server", status=404)
    demo_server.faults.add("/oauth/token", delay=2.0, status=0)
    with pytest.raises(NetworkError) as caught:
        oauth.exchange_code(demo_server.url, client_id, secret, code, redirect_uri=REDIRECT,
                            timeout=0.3)
    assert caught.value.timed_out
