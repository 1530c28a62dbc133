"""Snapshots at 80x24: the go-to menu, and the notifications tab with its groups.

Review the SVG when one changes (`--snapshot-update` only after looking at it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from tests.ui.conftest import settle
from tests.ui.test_notifications_tab import _make_notifications
from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
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
