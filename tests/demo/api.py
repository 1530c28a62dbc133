"""A tiny HTTP helper for talking to a DemoServer in tests."""

from __future__ import annotations

from typing import Any

import requests

from tootui.demo.server import DemoServer


class Api:
    """`requests` bound to one server and one token."""

    def __init__(self, server: DemoServer, token: str | None = None) -> None:
        self.base = server.url
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.get(self.base + path, timeout=10, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.post(self.base + path, timeout=10, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.delete(self.base + path, timeout=10, **kwargs)

    def home_response(self, **params: Any) -> requests.Response:
        return self.get("/api/v1/timelines/home", params=params)

    def home(self, **params: Any) -> list[dict[str, Any]]:
        response = self.get("/api/v1/timelines/home", params=params)
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]


def api_for(server: DemoServer) -> Api:
    return Api(server, server.create_token())
