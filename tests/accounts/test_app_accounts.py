"""Accounts inside the app, with Pilot: switching profile, logging in when there is
none, and logging in again after the server revoked the token. A real Secret
Service holds the tokens; the instances are embedded demo servers over HTTP."""

from __future__ import annotations

import asyncio
import socket
import stat
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from textual.widgets import Input, Static

from tests.accounts import tootui_process as browser
from tests.accounts.app_accounts import (
    add_account,
    app_log_file,
    app_on,
    approving_browser,
    log_in,
    main_of,
    no_browser,
    timeline_text,
    wait_until,
)
from tests.accounts.secret_service import PrivateSecretService
from tests.ui.conftest import SIZE, screen_text, settle
from tootui import config, paths
from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.keyring_store import KeyringStore
from tootui.sessions import Accounts
from tootui.ui.app import create_session_app
from tootui.ui.choice_list import ChoiceScreen
from tootui.ui.confirm import ConfirmScreen
from tootui.ui.login_screen import LoginScreen


def _post(server: DemoServer, username: str, text: str) -> str:
    with MastodonClient(server.url, server.create_token(username)) as client:
        return client.post_status(text, visibility="public").id


def _favourited_by(server: DemoServer, username: str, status_id: str) -> bool:
    with MastodonClient(server.url, server.create_token(username)) as client:
        return client.status(status_id).favourited


async def _choose(pilot, app, name: str) -> None:  # type: ignore[no-untyped-def]
    """Pick `name` in the open profile chooser."""
    chooser = app.screen
    assert isinstance(chooser, ChoiceScreen)
    names = [value for _label, value in chooser._choices]
    await pilot.press(*["down"] * names.index(name), "enter")


async def test_switching_profile_shows_the_other_account(
    secret_service: PrivateSecretService, demo_server: DemoServer, tmp_path: Path
) -> None:
    with DemoServer(tmp_path / "second") as second:
        demo = log_in(demo_server)
        lanlan = add_account(demo_server, "lanlan")  # two accounts on one instance
        elsewhere = log_in(second)  # the same username on another instance
        assert len({demo.name, lanlan.name, elsewhere.name}) == 3
        _post(demo_server, "demo", "only demo follows this")  # lanlan follows nobody
        mine = _post(demo_server, "lanlan", "lanlan writes")
        _post(second, "demo", "from the second instance")

        app = app_on(Accounts(open_url=no_browser), demo.name)
        first_client = app.client
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: "only demo follows this" in timeline_text(app))
            assert first_client is not None and first_client.connected  # type: ignore[attr-defined]
            first_screen = main_of(app)

            await pilot.press("A")
            await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
            shown = screen_text(app)
            assert demo.name in shown and lanlan.name in shown and elsewhere.name in shown
            await _choose(pilot, app, lanlan.name)
            await wait_until(pilot, lambda: main_of(app) not in (None, first_screen)
                             and "lanlan writes" in timeline_text(app))
            assert "only demo follows this" not in timeline_text(app)
            assert lanlan.account in screen_text(app)
            assert not first_client.connected  # type: ignore[attr-defined]
            # What the keys do now goes out with lanlan's token.
            timeline = main_of(app).timeline  # type: ignore[union-attr]
            await pilot.press(*["j"] * [s.id for s in timeline.statuses].index(mine), "f")
            await wait_until(pilot, lambda: _favourited_by(demo_server, "lanlan", mine))
            assert not _favourited_by(demo_server, "demo", mine)

            # The command palette offers the same switch.
            await pilot.press("ctrl+p", *"Switch account")
            await settle(pilot)
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
            await _choose(pilot, app, elsewhere.name)
            await wait_until(pilot, lambda: "from the second instance" in timeline_text(app))
            await pilot.press("c", *"posted on the second", "ctrl+s")
            await wait_until(pilot, lambda: "posted on the second" in timeline_text(app))
        app.close_client()
    for profile in (demo, lanlan, elsewhere):
        assert paths.profile_cache_file(profile.name).exists()
    with MastodonClient(demo_server.url, demo_server.create_token()) as view:
        assert "posted on the second" not in str(view.timeline("home").items)


async def test_a_draft_stays_with_its_profile_across_a_switch(
    secret_service: PrivateSecretService, demo_server: DemoServer
) -> None:
    demo = log_in(demo_server)
    lanlan = add_account(demo_server, "lanlan")
    app = app_on(Accounts(open_url=no_browser), demo.name)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"half written")
        main = main_of(app)
        assert main is not None
        main.timeline.focus()
        await pilot.press("A")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await _choose(pilot, app, lanlan.name)
        await wait_until(pilot, lambda: main_of(app) not in (None, main))
        assert not main_of(app).compose_pane.is_open  # type: ignore[union-attr]
        await pilot.press("A")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await _choose(pilot, app, demo.name)
        await wait_until(
            pilot, lambda: (m := main_of(app)) is not None and m.compose_pane.is_open
            and m.compose_pane.text_area.text == "half written")
    app.close_client()
    assert not paths.profile_draft_file(lanlan.name).exists()


async def test_logging_in_from_the_app_when_there_is_no_profile(
    secret_service: PrivateSecretService, demo_server: DemoServer, isolated_home: Path
) -> None:
    opened: list[str] = []
    accounts = Accounts(open_url=approving_browser(opened))
    app = app_on(accounts, None)
    with app_log_file():
        async with app.run_test(size=SIZE) as pilot:
            assert isinstance(app.screen, LoginScreen)
            assert "which instance" in screen_text(app)
            await pilot.press(*demo_server.url, "enter")
            await wait_until(pilot, lambda: main_of(app) is not None
                             and bool(main_of(app).timeline.statuses))  # type: ignore[union-attr]
            assert "Home" in screen_text(app)
        app.close_client()
    query = parse_qs(urlsplit(opened[0]).query)
    assert urlsplit(query["redirect_uri"][0]).hostname == "127.0.0.1"
    saved = config.load()
    assert list(saved.profiles) == [saved.default_profile]
    token = KeyringStore().token(saved.default_profile)
    assert token
    with MastodonClient(demo_server.url, token) as client:
        assert client.verify_credentials().username == "demo"
    _assert_private_and_token_free(isolated_home, token)


async def test_logging_in_from_the_app_with_a_pasted_code(
    secret_service: PrivateSecretService, demo_server: DemoServer
) -> None:
    app = app_on(Accounts(open_url=no_browser), None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*demo_server.url, "enter")
        paste = app.screen.query_one("#login-paste", Static)
        await wait_until(pilot, lambda: "/oauth/authorize?" in str(paste.content))
        url = str(paste.content).split("\n")[-1]
        assert parse_qs(urlsplit(url).query)["redirect_uri"] == ["urn:ietf:wg:oauth:2.0:oob"]
        code = await asyncio.to_thread(browser.code_shown_for, url)
        assert app.screen.query_one("#login-code", Input).has_focus
        await pilot.press(*code, "enter")
        await wait_until(pilot, lambda: main_of(app) is not None
                         and bool(main_of(app).timeline.statuses))  # type: ignore[union-attr]
    app.close_client()
    assert KeyringStore().token(config.load().default_profile or "")


async def test_in_app_login_without_a_keyring_says_so_before_any_request() -> None:
    app = app_on(Accounts(open_url=no_browser), None)
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.setblocking(False)
        port = listener.getsockname()[1]
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*f"http://127.0.0.1:{port}", "enter")
            status = app.screen.query_one("#login-status", Static)
            await wait_until(pilot, lambda: "keyring" in str(status.content).lower())
            assert status.has_class("-error")
            assert isinstance(app.screen, LoginScreen)
        with pytest.raises(BlockingIOError):
            listener.accept()
    assert not paths.config_file().exists()



async def test_the_command_palette_works_before_a_login() -> None:
    app = app_on(Accounts(open_url=no_browser), None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        # No main screen yet: the app's own commands, nothing about posts or tabs.
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Theme" in titles and "Quit" in titles
        assert "Bookmark" not in titles
        assert not [title for title in titles if title.startswith("Go to:")]
        await pilot.press("ctrl+p", *"Theme")
        await pilot.pause()
        assert app.return_code is None


async def test_a_revoked_token_is_logged_in_again_keeping_draft_and_cache(
    secret_service: PrivateSecretService, demo_server: DemoServer, isolated_home: Path
) -> None:
    demo = log_in(demo_server)
    old_token = KeyringStore().token(demo.name)
    opened: list[str] = []
    app = app_on(Accounts(open_url=approving_browser(opened)), demo.name)
    with app_log_file():
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            cached = len(main_of(app).timeline.statuses)  # type: ignore[union-attr]
            assert cached
            demo_server.revoke_tokens()
            await pilot.press("c", *"written before the revoke", "ctrl+s")
            await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
            question = screen_text(app)
            assert demo.name in question and "log in again" in question.lower()
            first = main_of(app)
            await pilot.press("y")
            await wait_until(pilot, lambda: main_of(app) not in (None, first))
            main = main_of(app)
            assert main is not None
            # The cache painted the timeline; the draft came back to compose.
            await wait_until(pilot, lambda: main.compose_pane.is_open
                             and main.compose_pane.text_area.text == "written before the revoke")
            assert len(main.timeline.statuses) >= cached
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: "written before the revoke" in timeline_text(app))
        app.close_client()
    assert opened and opened[0].startswith(demo_server.url)
    new_token = KeyringStore().token(demo.name)
    assert new_token and new_token != old_token
    with MastodonClient(demo_server.url, demo_server.create_token()) as view:
        assert "written before the revoke" in str(view.timeline("home").items)
    assert old_token is not None
    assert paths.profile_draft_file(demo.name).parent.is_dir()
    _assert_private_and_token_free(isolated_home, new_token, old_token)


def _assert_private_and_token_free(home: Path, *tokens: str) -> None:
    """Every file tootui made is 0600 in 0700 dirs; no token in any of them (the log too)."""
    roots = [paths.config_dir(), paths.cache_dir(), paths.data_dir(), paths.state_dir()]
    kinds = {"config": paths.config_file(), "log": paths.log_file()}
    for name, path in kinds.items():
        assert path.exists(), name
    seen = 0
    for root in [r for r in roots if r.exists()]:
        assert stat.S_IMODE(root.stat().st_mode) == 0o700, root
        for path in root.rglob("*"):
            mode = stat.S_IMODE(path.stat().st_mode)
            assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
            if path.is_file():
                seen += 1
                data = path.read_bytes()
                for token in tokens:
                    assert token.encode() not in data, path
    assert seen >= 3
    # Nor anywhere else under HOME (gnome-keyring's own file is encrypted).
    for path in home.rglob("*"):
        if path.is_file() and not path.is_socket():
            data = path.read_bytes()
            for token in tokens:
                assert token.encode() not in data, path


async def test_a_profile_without_a_token_opens_on_its_login(
    secret_service: PrivateSecretService, demo_server: DemoServer
) -> None:
    demo = log_in(demo_server)
    assert KeyringStore().delete_token(demo.name)  # as `tootui logout` leaves it
    opened: list[str] = []
    accounts = Accounts(open_url=approving_browser(opened))
    app = create_session_app(accounts, None, profile=demo)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LoginScreen)
        assert demo.name in screen_text(app)
        await wait_until(pilot, lambda: main_of(app) is not None
                         and bool(main_of(app).timeline.statuses))  # type: ignore[union-attr]
    app.close_client()
    assert len(opened) == 1
    assert KeyringStore().token(demo.name)
    assert list(config.load().profiles) == [demo.name]


async def test_the_outbox_waits_for_the_new_login_then_delivers(
    secret_service: PrivateSecretService, demo_server: DemoServer
) -> None:
    demo = log_in(demo_server)
    demo_server.faults.add("/api/v1/statuses", status=503)
    # The retry finds the token revoked: the outbox pauses, the app offers a login.
    demo_server.faults.add("/api/v1/statuses", status=0, revoke_tokens=True)
    app = app_on(Accounts(open_url=approving_browser([])), demo.name)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"held for the login", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.pause()  # the question's first frame
        assert demo.name in screen_text(app)
        await pilot.press("y")
        await wait_until(pilot, lambda: "held for the login" in timeline_text(app))
    app.close_client()
    with MastodonClient(demo_server.url, demo_server.create_token()) as view:
        posted = [s for s in view.timeline("home").items if "held for the login" in s.content_html]
    assert len(posted) == 1


def test_no_profile_and_no_keyring_at_a_terminal_is_one_line_not_a_login() -> None:
    """At a terminal `tootui` would offer a login; without a keyring it must not start."""
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "tootui"], stdin=follower, stdout=follower,
                            stderr=subprocess.PIPE, env=dict(os.environ))
    os.close(follower)
    try:
        _out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()  # the app started: the keyring was not checked first
        proc.communicate()
        raise
    finally:
        os.close(leader)
    message = err.decode()
    assert proc.returncode != 0
    assert len(message.strip().splitlines()) == 1, message
    assert "keyring" in message.lower() and "Traceback" not in message
    assert not paths.config_file().exists()


async def test_choosing_a_logged_out_profile_offers_its_login(
    secret_service: PrivateSecretService, demo_server: DemoServer
) -> None:
    demo = log_in(demo_server)
    lanlan = add_account(demo_server, "lanlan")
    assert KeyringStore().delete_token(lanlan.name)
    app = app_on(Accounts(open_url=no_browser), demo.name)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = main_of(app)
        await pilot.press("A")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await _choose(pilot, app, lanlan.name)
        await wait_until(pilot, lambda: isinstance(app.screen, LoginScreen))
        assert lanlan.name in screen_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, LoginScreen))
        assert main_of(app) is first and app.profile == demo
    app.close_client()
