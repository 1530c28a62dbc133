"""Helpers for the timeline tab tests: what the client sent, and demo data to show."""

from __future__ import annotations

from typing import Any

import requests

from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.ui.app import TootuiApp
from tootui.ui.goto import GotoScreen


def record_urls(client: MastodonClient) -> list[str]:
    """Every URL the app's client requests from now on (with its query)."""
    seen: list[str] = []

    def hook(response: requests.Response, *args: Any, **kwargs: Any) -> None:
        seen.append(response.request.url or "")

    client._session.hooks["response"].append(hook)
    return seen


def call(server: DemoServer, method: str, path: str, *, user: str = "demo",
         **kwargs: Any) -> Any:
    """One request to the demo instance as `user`, checked."""
    token = server.create_token(username=user)
    answer = requests.request(method, f"{server.url}{path}", timeout=10,
                              headers={"Authorization": f"Bearer {token}"}, **kwargs)
    assert answer.ok, answer.text
    return answer.json()


def as_user(server: DemoServer, username: str) -> MastodonClient:
    return MastodonClient(server.url, server.create_token(username=username))


def goto_titles(app: TootuiApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, GotoScreen)
    return [destination.title for destination in screen.choices]
