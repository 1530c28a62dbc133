"""The sample posts as the demo instance serves them, through the real client."""

from __future__ import annotations

from typing import Any

from tests.render.test_sample_posts import _expected, _seed_posts
from tootui.client.api import MastodonClient
from tootui.render import render_status


def test_demo_home_timeline_renders_the_seven_posts_as_written(demo_server: Any) -> None:
    client = MastodonClient(demo_server.url, demo_server.create_token())
    domain = client.instance().domain
    page = client.timeline("home", limit=40)
    bodies = [render_status(s, local_domain=domain).body.plain for s in page.items]
    for number, text in enumerate(_seed_posts(), start=1):
        assert _expected(text) in bodies, f"post {number} not rendered as written"
