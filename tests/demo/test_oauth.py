"""Registering an app and logging in through the demo's OAuth endpoints."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from tootui.demo.server import DemoServer

REDIRECT = "http://127.0.0.1:9/callback"


def _register(server: DemoServer, redirect: str = REDIRECT) -> dict[str, str]:
    response = requests.post(
        f"{server.url}/api/v1/apps",
        data={"client_name": "pytest", "redirect_uris": redirect, "scopes": "read write follow"},
        timeout=10,
    )
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


def _authorize(
    server: DemoServer, app: dict[str, str], redirect: str = REDIRECT
) -> requests.Response:
    return requests.get(
        f"{server.url}/oauth/authorize",
        params={
            "response_type": "code",
            "client_id": app["client_id"],
            "redirect_uri": redirect,
            "scope": "read write",
            "state": "xyz 1",
        },
        allow_redirects=False,
        timeout=10,
    )


def _exchange(
    server: DemoServer, app: dict[str, str], code: str, redirect: str = REDIRECT
) -> requests.Response:
    return requests.post(
        f"{server.url}/oauth/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect,
            "client_id": app["client_id"],
            "client_secret": app["client_secret"],
        },
        timeout=10,
    )


def test_app_registration_shape(demo_server: DemoServer) -> None:
    app = _register(demo_server)
    assert app["scopes"] == ["read", "write", "follow"]
    assert app["redirect_uris"] == [REDIRECT]
    assert app["client_secret_expires_at"] == 0
    assert app["client_id"] and app["client_secret"] and isinstance(app["id"], str)


def test_code_flow_gives_a_working_token(demo_server: DemoServer) -> None:
    app = _register(demo_server)
    response = _authorize(demo_server, app)
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT
    query = parse_qs(location.query)
    assert query["state"] == ["xyz 1"]
    token = _exchange(demo_server, app, query["code"][0])
    assert token.status_code == 200
    body = token.json()
    assert body["token_type"] == "Bearer" and body["scope"] == "read write"
    assert isinstance(body["created_at"], int)
    me = requests.get(
        f"{demo_server.url}/api/v1/accounts/verify_credentials",
        headers={"Authorization": f"Bearer {body['access_token']}"},
        timeout=10,
    )
    assert me.json()["username"] == "demo"


def test_reused_code_is_an_invalid_grant(demo_server: DemoServer) -> None:
    app = _register(demo_server)
    code = parse_qs(urlsplit(_authorize(demo_server, app).headers["Location"]).query)["code"][0]
    assert _exchange(demo_server, app, code).status_code == 200
    again = _exchange(demo_server, app, code)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"
    assert _exchange(demo_server, app, "not-a-code").json()["error"] == "invalid_grant"


def test_redirect_uri_must_match(demo_server: DemoServer) -> None:
    app = _register(demo_server)
    assert _authorize(demo_server, app, "http://127.0.0.1:9/elsewhere").status_code == 400
    code = parse_qs(urlsplit(_authorize(demo_server, app).headers["Location"]).query)["code"][0]
    wrong = _exchange(demo_server, app, code, "http://127.0.0.1:9/elsewhere")
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"


def test_out_of_band_shows_the_code(demo_server: DemoServer) -> None:
    oob = "urn:ietf:wg:oauth:2.0:oob"
    app = _register(demo_server, oob)
    page = _authorize(demo_server, app, oob)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    code = page.text.split("<code>")[1].split("</code>")[0]
    assert _exchange(demo_server, app, code, oob).status_code == 200


def test_revoked_token_is_refused(demo_server: DemoServer) -> None:
    app = _register(demo_server)
    code = parse_qs(urlsplit(_authorize(demo_server, app).headers["Location"]).query)["code"][0]
    token = _exchange(demo_server, app, code).json()["access_token"]
    revoked = requests.post(
        f"{demo_server.url}/oauth/revoke",
        data={"client_id": app["client_id"], "client_secret": app["client_secret"], "token": token},
        timeout=10,
    )
    assert revoked.status_code == 200 and revoked.json() == {}
    after = requests.get(
        f"{demo_server.url}/api/v1/timelines/home",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert after.status_code == 401 and "error" in after.json()


@pytest.mark.parametrize("header", [None, "Bearer nope"])
def test_missing_or_bad_token_is_401(demo_server: DemoServer, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = requests.get(f"{demo_server.url}/api/v1/timelines/home", headers=headers, timeout=10)
    assert response.status_code == 401
    assert response.json() == {"error": "The access token is invalid"}
