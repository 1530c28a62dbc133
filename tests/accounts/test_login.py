"""`tootui login/logout/profiles` end to end: real subprocess, real Secret Service,
the demo instance's real OAuth endpoints."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.accounts import tootui_process as tootui
from tests.accounts.secret_service import PrivateSecretService
from tootui import config, paths
from tootui.client.api import MastodonClient
from tootui.client.errors import AuthError
from tootui.demo.server import DemoServer
from tootui.keyring_store import KeyringStore
from tootui.profiles import LoginRequired, instance_domain, load_session


def _profile_name(server: DemoServer) -> str:
    return f"demo@{instance_domain(server.url)}"


def _apps(server: DemoServer) -> int:
    with sqlite3.connect(server.db_path) as db:
        return int(db.execute("SELECT COUNT(*) FROM apps").fetchone()[0])


def _assert_private_and_token_free(home: Path, token: str) -> None:
    """Config is 0600 in a 0700 dir; the token is in no file under HOME (keyring included:
    gnome-keyring's file is encrypted)."""
    assert stat.S_IMODE(paths.config_file().stat().st_mode) == 0o600
    assert stat.S_IMODE(paths.config_dir().stat().st_mode) == 0o700
    needle = token.encode()
    files = [p for p in home.rglob("*") if p.is_file() and not p.is_socket()]
    assert paths.config_file() in files
    for path in files:
        assert needle not in path.read_bytes(), path


def test_login_through_the_loopback_redirect(
    secret_service: PrivateSecretService, demo_server: DemoServer, isolated_home: Path
) -> None:
    proc = tootui.start("login", demo_server.url)
    url, printed = tootui.read_authorize_url(proc, demo_server.url)
    query = parse_qs(urlsplit(url).query)
    redirect = urlsplit(query["redirect_uri"][0])
    assert (redirect.scheme, redirect.hostname, redirect.path) == ("http", "127.0.0.1", "/callback")
    assert redirect.port
    assert query["scope"] == ["read write"]
    assert query["state"][0]

    page = tootui.approve_in_browser(url)
    assert page.status_code == 200
    assert "close this tab" in page.text

    done = tootui.finish(proc)
    assert done.returncode == 0, done.stderr
    name = _profile_name(demo_server)
    assert f"profile {name}" in done.stdout
    assert done.stderr == ""

    saved = config.load()
    assert saved.default_profile == name
    assert saved.profiles[name].instance == demo_server.url
    assert saved.profiles[name].account == name
    token = KeyringStore().token(name)
    assert token
    assert token not in printed + done.stdout
    client, profile = load_session(None)
    assert profile.name == name
    assert client.verify_credentials().username == "demo"
    # The listener stopped after its one request.
    with pytest.raises(OSError):
        import socket

        socket.create_connection(("127.0.0.1", redirect.port), timeout=5).close()
    _assert_private_and_token_free(isolated_home, token)


def test_login_with_a_pasted_code_then_logout(
    secret_service: PrivateSecretService, demo_server: DemoServer, isolated_home: Path
) -> None:
    done = tootui.login_pasting_code(demo_server.url)
    assert done.returncode == 0, done.stderr
    name = _profile_name(demo_server)
    token = KeyringStore().token(name)
    assert token
    _assert_private_and_token_free(isolated_home, token)
    assert KeyringStore().client_secret(demo_server.url)

    out = tootui.run("logout", name)
    assert out.returncode == 0, out.stderr
    assert KeyringStore().token(name) is None
    with pytest.raises(AuthError):
        MastodonClient(demo_server.url, token).verify_credentials()
    with pytest.raises(LoginRequired) as err:
        load_session(name)
    assert err.value.profile == name and name in str(err.value)
    # The profile stays, ready for `tootui login --profile NAME`.
    assert name in config.load().profiles
    again = tootui.run("logout", name)
    assert again.returncode != 0
    assert name in again.stderr and len(again.stderr.strip().splitlines()) == 1


def test_login_on_known_profile_reuses_the_app(
    secret_service: PrivateSecretService, demo_server: DemoServer
) -> None:
    assert tootui.login_pasting_code(demo_server.url).returncode == 0
    apps = _apps(demo_server)
    # The same instance written differently, saved under a chosen name.
    done = tootui.login_pasting_code(demo_server.url + "/", "--profile", "second")
    assert done.returncode == 0, done.stderr
    assert _apps(demo_server) == apps
    saved = config.load()
    assert set(saved.profiles) == {_profile_name(demo_server), "second"}
    assert saved.default_profile == _profile_name(demo_server)
    first, second = KeyringStore().token(_profile_name(demo_server)), KeyringStore().token("second")
    assert first and second and first != second


def test_two_instances_are_two_profiles(
    secret_service: PrivateSecretService, demo_server: DemoServer, tmp_path: Path
) -> None:
    with DemoServer(tmp_path / "other") as other:
        assert tootui.login_pasting_code(demo_server.url).returncode == 0
        assert tootui.login_pasting_code(other.url).returncode == 0
        one, two = _profile_name(demo_server), _profile_name(other)
        assert one != two

        listing = tootui.run("profiles")
        assert listing.returncode == 0, listing.stderr
        lines = {line.split()[-1]: line for line in listing.stdout.splitlines()}
        assert lines[demo_server.url].startswith("* ")
        assert lines[other.url].startswith("  ")

        assert tootui.run("profiles", "default", two).returncode == 0
        client, profile = load_session(None)
        assert (profile.name, client.base_url) == (two, other.url)
        client, profile = load_session(one)
        assert client.base_url == demo_server.url
        assert client.verify_credentials().username == "demo"

        other.revoke_tokens()
        with pytest.raises(LoginRequired) as err:
            load_session(two, verify=True)
        assert two in str(err.value) and "tootui login --profile" in str(err.value)

        removed = tootui.run("profiles", "remove", two)
        assert removed.returncode == 0, removed.stderr
        assert KeyringStore().token(two) is None
        assert KeyringStore().client_secret(other.url) is None
        assert config.load().default_profile is None
        assert load_session(None)[1].name == one
        unknown = tootui.run("--profile", "nobody")
        assert unknown.returncode != 0 and "nobody" in unknown.stderr
        assert "Traceback" not in unknown.stderr


def test_no_keyring_fails_before_any_request() -> None:
    import socket

    # A listener that would see tootui's first request; the fail backend is in force.
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.setblocking(False)
        port = listener.getsockname()[1]
        done = tootui.run("login", f"http://127.0.0.1:{port}")
        with pytest.raises(BlockingIOError):
            listener.accept()
    assert done.returncode != 0
    assert len(done.stderr.strip().splitlines()) == 1
    assert "keyring" in done.stderr.lower() and "Traceback" not in done.stderr
    assert not paths.config_file().exists()


def test_plain_http_instance_is_refused(secret_service: PrivateSecretService) -> None:
    done = tootui.run("login", "http://example.social/")
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "http://" in done.stderr and "https://example.social" in done.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[profiles.a]\ninstance = "https://x.social"\n', "profiles.a.account"),
        ('theme = "x"\nlanguage = = 1\n', "line 2"),
        ("colour = 1\n", "colour"),
    ],
)
def test_bad_config_is_one_line_naming_the_file(text: str, expected: str) -> None:
    paths.ensure_private(paths.config_dir())
    paths.config_file().write_text(text)
    for args in (("profiles",), ("login", "example.social"), ()):
        done = tootui.run(*args)
        assert done.returncode != 0
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert str(paths.config_file()) in done.stderr
        assert expected in done.stderr
        assert "Traceback" not in done.stderr
