"""The main screen, the help screen and compose at 80x24, in English and in Chinese.

Chinese labels take two cells a character: these catch a pane title, the footer
or the help table that no longer fits. Review the SVG when one changes
(`pytest tests/i18n/test_snapshots.py --snapshot-update`), don't just accept it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import settle
from tootui.client.api import MastodonClient
from tootui.client.oauth import demo_login
from tootui.i18n import set_language
from tootui.ui.app import create_app

if TYPE_CHECKING:
    from tootui.demo.server import DemoServer

SIZE = (80, 24)
Compare = Callable[..., bool]


@pytest.fixture
def client(demo_server: DemoServer) -> Iterator[MastodonClient]:
    with MastodonClient(demo_server.url, demo_login(demo_server.url)) as client:
        yield client


async def open_help(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


async def open_compose(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("c", *"今天也要加油")
    await pilot.pause()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_main_screen(snap_compare: Compare, client: MastodonClient, language: str) -> None:
    set_language(language)
    app = create_app(client, account_label="demo@demo.invalid")
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_help_screen(snap_compare: Compare, client: MastodonClient, language: str) -> None:
    set_language(language)
    app = create_app(client, account_label="demo@demo.invalid")
    assert snap_compare(app, terminal_size=SIZE, run_before=open_help)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_compose_pane(snap_compare: Compare, client: MastodonClient, language: str) -> None:
    set_language(language)
    app = create_app(client, account_label="demo@demo.invalid")
    assert snap_compare(app, terminal_size=SIZE, run_before=open_compose)
