"""What is in the compose pane is on disk as it is typed, and offered again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Label

from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tootui.client.api import MastodonClient
from tootui.client.oauth import demo_login
from tootui.demo.server import DemoServer
from tootui.drafts import DraftStore
from tootui.ui.app import TootuiApp, create_app


async def wait_until(pilot: Pilot[Any], condition: Callable[[], bool],
                     timeout: float = 10.0) -> None:
    """Let the app run until `condition` holds (the debounce timer is real time)."""
    waited = 0.0
    while not condition():
        assert waited < timeout, "condition never held"
        await pilot.pause(0.05)
        waited += 0.05


def _app(demo_server: DemoServer, store: DraftStore) -> tuple[TootuiApp, MastodonClient]:
    client = MastodonClient(demo_server.url, demo_login(demo_server.url))
    return create_app(client, account_label="demo@demo.invalid", drafts=store), client


def _saved_text(store: DraftStore) -> str | None:
    saved = store.load()
    return saved.draft.text if saved is not None else None


def _texts(server_view: MastodonClient) -> list[str]:
    return [s.content_html for s in server_view.timeline("home").items]


async def test_a_draft_typed_then_quit_is_offered_again_and_sent_once(
        tmp_path: Path, demo_server: DemoServer, server_view: MastodonClient) -> None:
    store = DraftStore(tmp_path / "data" / "draft.json")
    app, client = _app(demo_server, store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"half-written thought")
        await wait_until(pilot, lambda: _saved_text(store) == "half-written thought")
    client.close()  # a quit with the pane open: the draft stays

    app, client = _app(demo_server, store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = main_screen(app).compose_pane
        assert pane.is_open and pane.text_area.text == "half-written thought"
        assert "unsent draft" in " ".join(n.message for n in app._notifications)
        # Counted against the server's limit once it is known, before any key.
        assert str(pane.query_one("#compose-counter", Label).content).endswith(
            "/5,000 characters")
        await pilot.press(*" finished", "ctrl+s")
        await settle(pilot)
        assert not pane.is_open
    client.close()
    assert store.load() is None
    assert sum("half-written thought finished" in t for t in _texts(server_view)) == 1


async def test_esc_discards_the_draft(tmp_path: Path, demo_server: DemoServer) -> None:
    store = DraftStore(tmp_path / "draft.json")
    app, client = _app(demo_server, store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"never mind")
        await wait_until(pilot, store.path.exists)
        await pilot.press("escape")
        await settle(pilot)
        assert not store.path.exists()
    client.close()


async def test_a_post_whose_answer_was_lost_is_not_posted_twice(
        tmp_path: Path, demo_server: DemoServer, server_view: MastodonClient) -> None:
    store = DraftStore(tmp_path / "draft.json")
    # The server makes the post, then the connection drops before the answer.
    demo_server.faults.add("/api/v1/statuses", status=0, drop=True)
    app, client = _app(demo_server, store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"exactly once", "ctrl+s")
        await settle(pilot)
        assert main_screen(app).compose_pane.is_open  # failed: the text is still there
        assert "Traceback" not in screen_text(app)
    client.close()
    saved = store.load()
    assert saved is not None and saved.draft.text == "exactly once" and saved.idempotency_key

    app, client = _app(demo_server, store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")  # the restored draft, with its key
        await settle(pilot)
        assert not main_screen(app).compose_pane.is_open
    client.close()
    assert sum("exactly once" in t for t in _texts(server_view)) == 1
    assert store.load() is None


CHILD = textwrap.dedent("""
    import asyncio, sys
    from pathlib import Path
    from tootui.client.api import MastodonClient
    from tootui.drafts import DraftStore
    from tootui.ui.app import create_app

    url, token, path = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    store = DraftStore(path)
    app = create_app(MastodonClient(url, token), account_label="x", drafts=store)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("c", *"typed before the kill")
            while not (path.exists() and store.load().draft.text == "typed before the kill"):
                await pilot.pause(0.05)
            print("saved", flush=True)
            await asyncio.Event().wait()

    asyncio.run(main())
""")


def test_a_draft_survives_kill_9(tmp_path: Path, demo_server: DemoServer) -> None:
    path = tmp_path / "data" / "draft.json"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, demo_server.url, demo_server.create_token(), str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ))
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "saved"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    saved = DraftStore(path).load()
    assert saved is not None and saved.draft.text == "typed before the kill"


async def test_a_damaged_draft_file_is_kept_aside_and_the_user_told(
        tmp_path: Path, demo_server: DemoServer) -> None:
    store = DraftStore(tmp_path / "draft.json")
    store.path.write_text('{"text": "cut off mid-wri', "utf-8")
    app, client = _app(demo_server, store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        notes = [n.message for n in app._notifications]
        assert any(n.startswith("The saved draft could not be read") and "draft.json.bad" in n
                   for n in notes)
    client.close()
    assert (tmp_path / "draft.json.bad").read_text("utf-8") == '{"text": "cut off mid-wri'
