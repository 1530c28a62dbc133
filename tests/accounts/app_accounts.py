"""Helpers for the in-app account tests: saved profiles on demo instances, a test
"browser", and the app built the way the CLI builds it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from textual.pilot import Pilot

from tests.accounts import tootui_process as browser
from tootui import app_log, config
from tootui.config import Profile
from tootui.demo.server import DemoServer
from tootui.keyring_store import KeyringStore
from tootui.login import OOB_REDIRECT, LoginFlow
from tootui.profiles import instance_domain
from tootui.sessions import Accounts
from tootui.ui.app import TootuiApp, create_session_app
from tootui.ui.main_screen import MainScreen


def log_in(server: DemoServer, name: str | None = None) -> Profile:
    """`demo` on `server`, logged in through the real OAuth flow (pasted code)."""
    flow = LoginFlow(server.url, profile_name=name)
    return flow.finish(browser.code_shown_for(flow.authorize_url(OOB_REDIRECT)), OOB_REDIRECT)


def add_account(server: DemoServer, username: str) -> Profile:
    """Another account on `server` (the demo's authorize page approves only `demo`):
    its token made by the server, saved like a login saves one."""
    settings = config.load()
    client_ids = {p.client_id for p in settings.profiles_on(server.url)} or {"none"}
    account = f"{username}@{instance_domain(server.url)}"
    profile = Profile(account, server.url, account, client_ids.pop())
    KeyringStore().set_token(profile.name, server.create_token(username))
    settings.profiles[profile.name] = profile
    config.save(settings)
    return profile


def no_browser(url: str) -> None:
    """A browser that never comes back: the user pastes the code instead."""


def approving_browser(seen: list[str]) -> Callable[[str], None]:
    """A browser that approves tootui at once, as the user would (plain HTTP)."""
    def open_url(url: str) -> None:
        seen.append(url)
        page = browser.approve_in_browser(url)
        assert page.status_code == 200, page.text
    return open_url


def app_on(accounts: Accounts, name: str | None) -> TootuiApp:
    """What `tootui [--profile NAME]` runs: the app on that profile's session."""
    return create_session_app(accounts, accounts.open(name) if name or config.load().profiles
                              else None)


def main_of(app: TootuiApp) -> MainScreen | None:
    """The main screen, once it is mounted (a switch mounts a new one)."""
    screen = app.screen_stack[0]
    return screen if isinstance(screen, MainScreen) and screen.is_mounted else None


def timeline_text(app: TootuiApp) -> str:
    main = main_of(app)
    return "\n".join(s.original.content_html for s in main.timeline.statuses) if main else ""


async def wait_until(pilot: Pilot[Any], condition: Callable[[], bool],
                     timeout: float = 20.0) -> None:
    waited = 0.0
    while not condition():
        assert waited < timeout, "condition never held"
        await pilot.pause(0.05)
        waited += 0.05


@contextmanager
def app_log_file() -> Iterator[None]:
    """The app's log in the state dir, as the CLI starts it; the logger restored after."""
    logger = logging.getLogger("tootui")
    saved = (list(logger.handlers), logger.level, logger.propagate)
    app_log.start_file_log()
    try:
        yield
    finally:
        for handler in logger.handlers:
            handler.close()
        logger.handlers[:] = saved[0]
        logger.setLevel(saved[1])
        logger.propagate = saved[2]
