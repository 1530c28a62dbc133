"""What can't be delivered waits in the outbox, is retried, and is sent exactly once."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

from tests.ui.conftest import SIZE, error_notes, main_screen, screen_text, settle
from tests.ui.test_drafts import wait_until
from tootui.client.api import MastodonClient
from tootui.client.oauth import demo_login
from tootui.demo.server import DemoServer
from tootui.models import Draft, PollDraft
from tootui.outbox import Outbox
from tootui.ui.app import TootuiApp, create_app


def _app(demo_server: DemoServer, outbox: Outbox) -> tuple[TootuiApp, MastodonClient]:
    client = MastodonClient(demo_server.url, demo_login(demo_server.url))
    return create_app(client, account_label="demo@demo.invalid", outbox=outbox), client


def _box(tmp_path: Path, **kwargs: float) -> Outbox:
    return Outbox(tmp_path / "outbox.json", base_delay=kwargs.get("base", 0.05),
                  max_delay=kwargs.get("cap", 0.2))


def _count(server_view: MastodonClient, text: str) -> int:
    return sum(text in s.content_html for s in server_view.timeline("home", limit=40).items)


async def test_a_post_during_an_outage_is_queued_shown_and_sent_once(
        tmp_path: Path, demo_server: DemoServer, server_view: MastodonClient) -> None:
    box = _box(tmp_path, base=0.3, cap=0.6)  # long enough to see it waiting
    demo_server.faults.add("/api/v1/statuses", status=503, count=3)
    app, client = _app(demo_server, box)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("c", *"through the outage", "ctrl+s")
        await wait_until(pilot, lambda: "waiting to be sent" in screen_text(app))
        assert not screen.compose_pane.is_open
        await wait_until(pilot, lambda: not box.entries())
        await settle(pilot)
        assert "through the outage" in screen_text(app)
        assert "waiting to be sent" not in screen_text(app)
    client.close()
    assert _count(server_view, "through the outage") == 1


async def test_a_lost_answer_is_retried_with_the_same_key(
        tmp_path: Path, demo_server: DemoServer, server_view: MastodonClient) -> None:
    box = _box(tmp_path)
    demo_server.faults.add("/api/v1/statuses", status=0, drop=True, count=2)
    app, client = _app(demo_server, box)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"said once", "ctrl+s")
        # Shown once delivered: the answer to a retry with the same key.
        await wait_until(pilot, lambda: any(
            "said once" in s.content_html for s in main_screen(app).timeline.statuses))
        # The stream can show the post (made by the try whose answer was lost) before
        # the retry that is recognised by its key empties the outbox.
        await wait_until(pilot, lambda: not box.entries())
        await settle(pilot)
    client.close()
    # Posted by the first try (answer lost), recognised on each retry.
    assert _count(server_view, "said once") == 1


async def test_the_queue_outlives_the_app(
        tmp_path: Path, demo_server: DemoServer, server_view: MastodonClient) -> None:
    box = _box(tmp_path, base=60, cap=60)  # nothing is retried in this run
    demo_server.faults.add("/api/v1/statuses", status=502)
    app, client = _app(demo_server, box)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"sent next time", "ctrl+s")
        await wait_until(pilot, lambda: len(box.entries()) == 1)
    client.close()
    assert _count(server_view, "sent next time") == 0
    app, client = _app(demo_server, _box(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: _count(server_view, "sent next time") == 1)
    client.close()


async def test_a_favourite_while_offline_is_delivered_later(
        tmp_path: Path, demo_server: DemoServer, server_view: MastodonClient) -> None:
    box = _box(tmp_path)
    app, client = _app(demo_server, box)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        target = main_screen(app).timeline.statuses[0].original
        assert not target.favourited
        # Only the favourite fails: the test's own reads of the status must not
        # use up the faults meant for the app.
        demo_server.faults.add(f"/api/v1/statuses/{target.id}/favourite", status=500, count=2)
        await pilot.press("f")
        await wait_until(pilot, lambda: server_view.status(target.id).favourited)
        await wait_until(pilot, lambda: main_screen(app).timeline.statuses[0].original.favourited)
    client.close()
    assert box.entries() == []


async def test_429_retry_after_is_honoured(
        tmp_path: Path, demo_server: DemoServer, server_view: MastodonClient) -> None:
    box = _box(tmp_path)
    # Two seconds: a waiting line that lasts one can pass between two looks on a busy machine.
    demo_server.faults.add("/api/v1/statuses", status=429, retry_after=2)
    app, client = _app(demo_server, box)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        times: list[float] = []
        take = demo_server.faults.take

        def timed(path: str):  # type: ignore[no-untyped-def]
            if path.startswith("/api/v1/statuses"):
                times.append(time.monotonic())
            return take(path)

        demo_server.faults.take = timed  # type: ignore[method-assign]
        await pilot.press("c", *"after the wait", "ctrl+s")
        # The UI keeps answering keys while the post waits.
        await wait_until(pilot, lambda: "waiting to be sent" in screen_text(app))
        timeline = main_screen(app).timeline
        before = [s.id for s in timeline.statuses]
        await pilot.press("j")
        selected = timeline.selected_status
        assert selected is not None and selected.id == before[1]
        await wait_until(pilot, lambda: _count(server_view, "after the wait") == 1)
    client.close()
    assert len(times) == 2 and times[1] - times[0] >= 2.0


async def test_a_revoked_token_pauses_the_queue(
        tmp_path: Path, demo_server: DemoServer) -> None:
    box = _box(tmp_path)
    demo_server.faults.add("/api/v1/statuses", status=503)
    # The retry finds the token revoked (the server answers it with a 401).
    demo_server.faults.add("/api/v1/statuses", status=0, revoke_tokens=True)
    app, client = _app(demo_server, box)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"held back", "ctrl+s")
        await wait_until(pilot, lambda: box.paused)
        await wait_until(pilot, lambda: any("log in again" in n for n in error_notes(app)))
        assert "paused" in screen_text(app)
    client.close()
    assert len(box.entries()) == 1  # kept for after the next login
    with MastodonClient(demo_server.url, demo_server.create_token()) as fresh:
        assert _count(fresh, "held back") == 0


async def test_a_refusal_on_retry_returns_the_post_to_compose(
        tmp_path: Path, demo_server: DemoServer) -> None:
    box = _box(tmp_path)
    demo_server.faults.add("/api/v1/statuses", status=503)
    demo_server.faults.add("/api/v1/statuses", status=422)  # the retry is refused
    app, client = _app(demo_server, box)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("c", *"refused later", "ctrl+s")
        # The pane is still open right after ctrl+s: wait for the refusal, not for the pane.
        await wait_until(pilot, lambda: any("refused" in n for n in error_notes(app)))
        assert screen.compose_pane.is_open
        assert screen.compose_pane.text_area.text == "refused later"
    client.close()
    assert box.entries() == []


async def test_an_outbox_that_cannot_be_written_leaves_the_post_in_compose(
        tmp_path: Path, demo_server: DemoServer) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    box = Outbox(blocker / "outbox.json")
    demo_server.faults.add("/api/v1/statuses", status=503)
    app, client = _app(demo_server, box)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("c", *"kept in compose", "ctrl+s")
        await settle(pilot)
        assert screen.compose_pane.is_open
        assert screen.compose_pane.text_area.text == "kept in compose"
        assert any("Service Unavailable" in n for n in error_notes(app))
    client.close()


async def test_an_edit_during_an_outage_is_queued_and_applied_later(
        tmp_path: Path, demo_server: DemoServer, server_view: MastodonClient) -> None:
    box = _box(tmp_path, base=0.3, cap=0.6)  # long enough to see it waiting
    mine = server_view.post_status("first version")
    app, client = _app(demo_server, box)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.timeline.statuses[0].id == mine.id
        await pilot.press("e")
        await settle(pilot)
        compose = screen.compose_pane
        assert compose.text_area.text == "first version"
        # Only now: the source was read; the edit itself (PUT) meets the outage.
        demo_server.faults.add(f"/api/v1/statuses/{mine.id}", status=503, count=2)
        compose.text_area.load_text("second version")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "waiting to be sent" in screen_text(app))
        assert not compose.is_open
        [entry] = box.entries()
        assert entry.kind == "edit" and entry.status_id == mine.id
        await wait_until(pilot, lambda: not box.entries())
        await settle(pilot)
        assert any("second version" in line for line in screen.timeline.lines_of(0))
    client.close()
    edited = server_view.status(mine.id)
    assert "second version" in edited.content_html and edited.edited_at is not None
    assert _count(server_view, "second version") == 1  # edited, not posted anew


async def test_a_post_with_a_poll_waits_with_its_poll(
        tmp_path: Path, demo_server: DemoServer, server_view: MastodonClient) -> None:
    box = _box(tmp_path, base=60, cap=60)  # nothing is retried in the first run
    demo_server.faults.add("/api/v1/statuses", status=503)
    app, client = _app(demo_server, box)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        compose = await main_screen(app).compose_ready()
        compose.open_draft(Draft(text="which one?", poll=PollDraft(("red", "blue"), 3600)),
                           title="New post")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: len(box.entries()) == 1)
    client.close()
    assert _count(server_view, "which one?") == 0
    # The next start delivers it from the file, poll and all.
    app, client = _app(demo_server, _box(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: _count(server_view, "which one?") == 1)
    client.close()
    newest = server_view.timeline("home", limit=1).items[0]
    assert newest.poll is not None
    assert [o.title for o in newest.poll.options] == ["red", "blue"]


async def test_a_scheduled_post_that_waited_is_scheduled_once(
        tmp_path: Path, demo_server: DemoServer, server_view: MastodonClient) -> None:
    box = _box(tmp_path)
    demo_server.faults.add("/api/v1/statuses", status=503)
    when = datetime.now(UTC) + timedelta(hours=1)
    app, client = _app(demo_server, box)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        compose = await main_screen(app).compose_ready()
        compose.open_draft(Draft(text="later on", scheduled_at=when), title="New post")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: any("is scheduled for" in n.message
                                            for n in app._notifications))
        assert box.entries() == []
    client.close()
    answer = requests.get(f"{demo_server.url}/api/v1/scheduled_statuses", timeout=10,
                          headers={"Authorization": f"Bearer {demo_server.create_token()}"})
    assert [s["params"]["text"] for s in answer.json()] == ["later on"]
    assert _count(server_view, "later on") == 0


async def test_an_edit_refused_on_retry_comes_back_as_an_edit(
        tmp_path: Path, demo_server: DemoServer, server_view: MastodonClient) -> None:
    box = _box(tmp_path)
    mine = server_view.post_status("first version")
    app, client = _app(demo_server, box)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("e")
        await settle(pilot)
        demo_server.faults.add(f"/api/v1/statuses/{mine.id}", status=503)
        demo_server.faults.add(f"/api/v1/statuses/{mine.id}", status=422,
                               error="Validation failed: Text is too long")
        screen.compose_pane.text_area.load_text("second version")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen.compose_pane.is_open and not box.entries())
        assert screen.compose_pane.text_area.text == "second version"
        assert "Edit post" in screen_text(app)
        assert any("Text is too long" in n for n in error_notes(app))
        demo_server.faults.clear()
        await pilot.press("ctrl+s")  # sent again: still an edit of the same post
        await settle(pilot)
    client.close()
    assert "second version" in server_view.status(mine.id).content_html
    assert _count(server_view, "version") == 1


async def test_a_server_that_goes_away_and_comes_back(tmp_path: Path) -> None:
    """The real thing: the instance stops (connections refused), then starts
    again on the same port with the same data; what was written meanwhile is
    delivered once, and the app says when the server answers again."""
    data = tmp_path / "demo"
    server = DemoServer(data)
    server.start()
    port = int(server.url.rsplit(":", 1)[1])
    token = server.create_token()
    box = _box(tmp_path)
    client = MastodonClient(server.url, token)
    app = create_app(client, account_label="demo@demo.invalid", outbox=box)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            shown = [s.id for s in screen.timeline.statuses]
            server.stop()
            await pilot.press("c", *"written while it was away", "ctrl+s")
            await wait_until(pilot, lambda: "waiting to be sent" in screen_text(app))
            assert [s.id for s in screen.timeline.statuses] == shown
            server = DemoServer(data, port=port)
            server.start()
            await wait_until(pilot, lambda: not box.entries())
            await settle(pilot)
            assert "written while it was away" in screen_text(app)
    finally:
        client.close()
        server.stop()
    with DemoServer(data) as again, MastodonClient(again.url, again.create_token()) as view:
        assert _count(view, "written while it was away") == 1


async def test_a_damaged_outbox_file_is_kept_aside_and_the_user_told(
        tmp_path: Path, demo_server: DemoServer) -> None:
    box = _box(tmp_path)
    box.path.write_text('{"entries": [{"kind": "po', "utf-8")
    app, client = _app(demo_server, box)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        notes = [n.message for n in app._notifications]
        assert any(n.startswith("Posts waiting to be sent could not be read")
                   and "outbox.json.bad" in n for n in notes)
    client.close()
    assert (tmp_path / "outbox.json.bad").exists()
