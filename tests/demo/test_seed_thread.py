"""The benchmarks' long thread: on top of the home timeline, every reply in its context."""

from __future__ import annotations

from tootui.client.api import MastodonClient
from tootui.demo.seed_thread import reply_text, seed_thread
from tootui.demo.server import DemoServer
from tootui.demo.store import Store


def test_a_seeded_thread_tops_home_and_its_context_holds_every_reply(
        demo_server: DemoServer) -> None:
    store = Store(demo_server.db_path)
    with store.tx() as db:
        root_id = str(seed_thread(db, 30))
    store.close()
    with MastodonClient(demo_server.url, demo_server.create_token()) as client:
        home = client.timeline("home", limit=40).items
        context = client.context(root_id)
    assert home[0].id == root_id
    assert all(s.account.username != "replyguy" for s in home)  # replies stay in the thread
    assert len(context.descendants) == 29
    texts = {s.content_html for s in context.descendants}
    assert any(reply_text(1) in text for text in texts)
    assert any(s.in_reply_to_id != root_id for s in context.descendants)  # it has depth
