"""Acting on posts: reply to all, edit, delete (and redraft), pin, follow, mute, block."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import SIZE, error_notes, main_screen, screen_text, settle
from tests.ui.test_drafts import wait_until
from tootui.client.api import MastodonClient
from tootui.client.errors import NotFoundError
from tootui.models import Status
from tootui.ui.app import TootuiApp
from tootui.ui.confirm import ConfirmScreen


def notes(app: TootuiApp) -> list[str]:
    return [note.message for note in app._notifications]


async def own_post_on_top(pilot: Pilot[Any], server_view: MastodonClient,
                          text: str = "my own words") -> Status:
    """Post as the demo user, reload, and leave the new post selected at the top."""
    status = server_view.post_status(text)
    screen = main_screen(pilot.app)  # type: ignore[arg-type]
    screen.load_home()
    await settle(pilot)
    assert screen.timeline.statuses[0].id == status.id
    # A refresh keeps the reader on the post they were reading: go to the top.
    screen.timeline.focus()
    await pilot.press("home")
    return status


async def test_delete_asks_first_and_no_keeps_the_post(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        status = await own_post_on_top(pilot, server_view)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Delete this post?" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert server_view.status(status.id).id == status.id
        assert main_screen(app).timeline.statuses[0].id == status.id


async def test_delete_removes_the_post_on_the_server_and_on_screen(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        status = await own_post_on_top(pilot, server_view)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        with pytest.raises(NotFoundError):
            server_view.status(status.id)
        timeline = main_screen(app).timeline
        assert status.id not in [s.id for s in timeline.statuses]
        assert "my own words" not in screen_text(app)
        assert "Post deleted." in notes(app)


async def test_delete_and_redraft_reopens_the_text(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        status = await own_post_on_top(pilot, server_view, "draft me again")
        await pilot.press("D")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        compose = main_screen(app).compose_pane
        assert compose.is_open
        assert compose.text_area.text == "draft me again"
        await pilot.press("end", "!", "ctrl+s")
        await settle(pilot)
        newest = server_view.timeline("home", limit=1).items[0]
        assert newest.id != status.id
        assert "draft me again!" in newest.content_html
        with pytest.raises(NotFoundError):
            server_view.status(status.id)


async def test_delete_refuses_someone_elses_post(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        target = main_screen(app).timeline.statuses[0]
        await pilot.press("d")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        assert "That is not your post." in notes(app)
        assert server_view.status(target.id).id == target.id


async def test_edit_loads_the_source_and_sends_the_change(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        status = await own_post_on_top(pilot, server_view, "first version")
        await pilot.press("e")
        await settle(pilot)
        compose = main_screen(app).compose_pane
        assert compose.is_open
        assert compose.text_area.text == "first version"
        assert "Edit post" in screen_text(app)
        compose.text_area.load_text("second version")
        await pilot.press("ctrl+s")
        await settle(pilot)
        on_server = server_view.status(status.id)
        assert "second version" in on_server.content_html
        assert on_server.edited_at is not None
        assert not compose.is_open
        timeline = main_screen(app).timeline
        assert timeline.statuses[0].id == status.id
        assert any("second version" in line for line in timeline.lines_of(0))
        assert len(server_view.timeline("home", limit=40).items) == len(timeline.statuses)


async def test_reply_all_mentions_everyone_but_me(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        target = main_screen(app).timeline.statuses[0]
        assert target.mentions
        await pilot.press("R")
        await settle(pilot)
        compose = main_screen(app).compose_pane
        expected = [target.account.acct, *(m.acct for m in target.mentions)]
        assert compose.text_area.text.split() == [f"@{acct}" for acct in expected]
        await pilot.press("o", "k", "ctrl+s")
        await settle(pilot)
        newest = server_view.timeline("home", limit=1).items[0]
        assert newest.in_reply_to_id == target.id
        assert {m.acct for m in newest.mentions} >= set(expected)


async def test_pin_and_unpin_own_post(app: TootuiApp, server_view: MastodonClient) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        status = await own_post_on_top(pilot, server_view)
        await pilot.press("P")
        await settle(pilot)
        assert server_view.status(status.id).pinned
        assert main_screen(app).timeline.statuses[0].pinned
        assert "pinned" in main_screen(app).timeline.lines_of(0)[-2]
        await pilot.press("P")
        await settle(pilot)
        assert not server_view.status(status.id).pinned
        assert notes(app)[-1] == "Unpinned."


async def test_follow_and_mute_toggle_on_the_server(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        author = main_screen(app).timeline.statuses[0].account
        before = server_view.relationship(author.id)
        await pilot.press("F")
        await settle(pilot)
        assert server_view.relationship(author.id).following != before.following
        await pilot.press("M")
        await settle(pilot)
        assert server_view.relationship(author.id).muting
        assert f"Muted @{author.acct}." in notes(app)
        await pilot.press("M")
        await settle(pilot)
        assert not server_view.relationship(author.id).muting
        assert not error_notes(app)


async def test_block_asks_then_blocks(app: TootuiApp, server_view: MastodonClient) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        author = main_screen(app).timeline.statuses[0].account
        await pilot.press("X")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert f"Block @{author.acct}?" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert not server_view.relationship(author.id).blocking
        await pilot.press("X")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert server_view.relationship(author.id).blocking
        # Unblocking needs no question.
        await pilot.press("X")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        assert not server_view.relationship(author.id).blocking


async def test_s_reveals_and_hides_a_content_warning(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    status = server_view.post_status("the hidden words", spoiler_text="spoilers ahead")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main_screen(app).timeline
        assert timeline.statuses[0].id == status.id
        shown = "\n".join(timeline.lines_of(0))
        assert "spoilers ahead" in shown
        assert "the hidden words" not in shown
        assert "press s to show" in screen_text(app)
        await pilot.press("s")
        await settle(pilot)
        assert "the hidden words" in "\n".join(timeline.lines_of(0))
        assert "the hidden words" in screen_text(app)
        await pilot.press("s")
        await settle(pilot)
        assert "the hidden words" not in screen_text(app)


async def test_s_on_a_post_with_nothing_to_reveal_says_so(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    status = server_view.post_status("nothing hidden here")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        timeline = main_screen(app).timeline
        assert timeline.statuses[0].id == status.id
        before = timeline.lines_of(0)
        await pilot.press("s")
        await settle(pilot)
        hint = "This post has no content warning or sensitive media."
        assert notes(app) == [hint]
        await wait_until(pilot, lambda: hint in screen_text(app))  # the toast, once mounted
        assert timeline.lines_of(0) == before


async def test_actions_work_in_the_thread_pane(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        status = await own_post_on_top(pilot, server_view, "thread words")
        screen = main_screen(app)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.thread.statuses[0].id == status.id
        # The timeline now selects someone else's post: d must act on the thread's.
        await pilot.press("j", "tab", "d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        with pytest.raises(NotFoundError):
            server_view.status(status.id)
        assert status.id not in [s.id for s in screen.thread.statuses]
        assert status.id not in [s.id for s in screen.timeline.statuses]


async def test_editing_never_throws_away_what_is_being_written(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await own_post_on_top(pilot, server_view, "old words")
        await pilot.press("c", *"half a thought")
        screen = main_screen(app)
        screen.timeline.focus()
        await pilot.press("e")
        await settle(pilot)
        assert screen.compose_pane.text_area.text == "half a thought"
        assert "Send or close the post you are writing first." in notes(app)
