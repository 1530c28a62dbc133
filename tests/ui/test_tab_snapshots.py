"""Snapshots at 80x24 of the panes and of what opens over the whole app: the go-to
menu, the notifications tab with its groups, a thread, a profile, the command
palette, the theme and the language choosers.

Review the SVG when one changes (`--snapshot-update` only after looking at it).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import settle
from tests.ui.test_notifications_tab import _make_notifications
from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.i18n import set_language
from tootui.ui.app import create_app

SIZE = (80, 24)
Compare = Callable[..., bool]


async def _open_goto(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("g")
    await settle(pilot)


async def _open_notifications(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("g", "down", "enter")
    await settle(pilot)


def test_goto_menu(snap_compare: Compare, client: MastodonClient) -> None:
    app = create_app(client, account_label="demo@demo.invalid")
    assert snap_compare(app, terminal_size=SIZE, run_before=_open_goto)


def test_notifications_tab(snap_compare: Compare, client: MastodonClient,
                           demo_server: DemoServer, server_view: MastodonClient) -> None:
    _make_notifications(demo_server, server_view)
    app = create_app(client, account_label="demo@demo.invalid")
    assert snap_compare(app, terminal_size=SIZE, run_before=_open_notifications)


async def _open_thread(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("t")  # the first post: a reply, so the thread has two posts
    await settle(pilot)
    # The post's exact time under the pane is the one thing here the clock decides
    # (the demo seeds its posts minutes before now): fixed, so that only the layout counts.
    thread = pilot.app.screen.query_one("#thread")
    assert thread.border_subtitle
    thread.border_subtitle = "Dec 3, 2026, 9:38:00 PM"
    await pilot.pause()


async def _open_profile(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("u")
    await settle(pilot)


async def _open_palette(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("ctrl+p", *"tab")
    await settle(pilot)


async def _open_themes(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    pilot.app.action_change_theme()
    await settle(pilot)


async def _open_languages(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("ctrl+l")
    await settle(pilot)


OVER_THE_APP: dict[str, Callable[[Pilot[Any]], Awaitable[None]]] = {
    "thread": _open_thread,
    "profile": _open_profile,
    "command-palette": _open_palette,
    "themes": _open_themes,
    "languages": _open_languages,
}


@pytest.mark.parametrize("name", sorted(OVER_THE_APP))
def test_over_the_app(snap_compare: Compare, client: MastodonClient, name: str) -> None:
    set_language("en")
    app = create_app(client, account_label="demo@demo.invalid", theme="textual-dark")
    assert snap_compare(app, terminal_size=SIZE, run_before=OVER_THE_APP[name])
