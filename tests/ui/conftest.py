"""Pilot fixtures: the real app over a real client talking to the demo instance."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from importlib import resources
from typing import TYPE_CHECKING, Any

import pytest
from rich.console import Console
from textual.pilot import Pilot

from tootui.client.api import MastodonClient
from tootui.client.oauth import demo_login
from tootui.ui.app import TootuiApp, create_app
from tootui.ui.main_screen import MainScreen

if TYPE_CHECKING:
    from tootui.demo.server import DemoServer

SIZE = (120, 40)


@pytest.fixture
def client(demo_server: DemoServer) -> Iterator[MastodonClient]:
    """The app's client, logged in through the demo's OAuth flow."""
    with MastodonClient(demo_server.url, demo_login(demo_server.url)) as client:
        yield client


@pytest.fixture
def server_view(demo_server: DemoServer) -> Iterator[MastodonClient]:
    """A second client, used only to read what the server holds afterwards."""
    with MastodonClient(demo_server.url, demo_server.create_token()) as client:
        yield client


@pytest.fixture
def app(client: MastodonClient) -> TootuiApp:
    return create_app(client, account_label="demo@demo.invalid")


@pytest.fixture(scope="session")
def sample() -> dict[str, Any]:
    """The demo's package data: authors and the nine statuses, newest first."""
    data = resources.files("tootui.demo").joinpath("data/sample.json").read_text("utf-8")
    return json.loads(data)


async def settle(pilot: Pilot[Any]) -> None:
    """Let every worker finish and the messages they posted be handled."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def screen_text(app: TootuiApp) -> str:
    """What the terminal shows now, as plain text (the same frame a screenshot takes)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True,
                      force_terminal=True, color_system="truecolor")
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


def error_notes(app: TootuiApp) -> list[str]:
    """Error notifications shown so far (toasts are drawn outside the screen's frame)."""
    return [note.message for note in app._notifications if note.severity == "error"]


def main_screen(app: TootuiApp) -> MainScreen:
    return app.main_screen
