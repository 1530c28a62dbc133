"""Ids from other servers are opaque strings: the screen shows, selects and opens
their posts without parsing an id or using one as a widget id.

ULIDs (GoToSocial), flakes past 64 bits (Pleroma/Akkoma), and ids with
characters a Textual widget id may not hold reach the app here through the
cache, as they would from such a server, with the network down.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tootui.client.api import MastodonClient
from tootui.client.cache import Cache
from tootui.client.cached import CachedClient
from tootui.client.convert import status_from_json
from tootui.client.errors import NetworkError
from tootui.models import Context, Page, Status
from tootui.ui.app import create_app

REAL = Path(__file__).parents[1] / "fixtures" / "real" / "statuses" / "local-hashtag.json"
# Newest first, in the order the cache keeps them (`id_sort_key`: longer is newer).
IDS = ("10765432109876543210987654321", "01HZX3Q5ZS3W7Q9ZB7N3F1T8YV", "AgHx.9:a/b c#1")


def _unreachable() -> MastodonClient:
    raise NetworkError("connection refused")


def _statuses() -> list[Status]:
    base = status_from_json(json.loads(REAL.read_text("utf-8")))
    return [replace(base, id=status_id, uri=f"https://other.example/s/{n}",
                    content_html=f"<p>post number {n}</p>", in_reply_to_id=None)
            for n, status_id in enumerate(IDS)]


async def test_opaque_ids_are_shown_selected_and_opened(tmp_path: Path) -> None:
    newest, middle, oldest = _statuses()
    reply = replace(newest, id="reply/ULID 01J0", uri="https://other.example/s/r",
                    content_html="<p>a reply under an odd id</p>", in_reply_to_id=middle.id)
    cache = Cache(tmp_path / "cache.sqlite3")
    cache.store_page("home", Page(items=(newest, middle, oldest)))
    cache.put_context(middle.id, Context(descendants=(reply,)))
    client = CachedClient(cache, _unreachable)
    app = create_app(client, account_label="someone@other.example")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert [s.id for s in screen.timeline.statuses] == list(IDS)
        await pilot.press("j")
        assert screen.timeline.selected_status == middle
        await pilot.press("enter")
        await settle(pilot)
        assert [s.id for s in screen.thread.statuses] == [middle.id, reply.id]
        assert "a reply under an odd id" in screen_text(app)
        # No widget took its id from a status.
        assert not any(node.id and any(i in node.id for i in (*IDS, reply.id))
                       for node in app.screen.walk_children())
    client.close()
