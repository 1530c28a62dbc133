"""Writing from the compose pane: new posts and replies reach the server and show up."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import TextArea

from tests.ui.conftest import SIZE, error_notes, main_screen, screen_text, settle
from tootui.client.api import MastodonClient
from tootui.ui.app import TootuiApp


async def test_a_new_post_reaches_the_server_and_tops_the_timeline(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("c")
        assert screen.compose_pane.is_open
        assert screen.focused is screen.compose_pane.text_area
        assert "Send" in screen_text(app)  # ctrl+s is shown in the footer
        await pilot.press(*"hello from tootui")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not screen.compose_pane.is_open
        newest = server_view.timeline("home").items[0]
        assert "hello from tootui" in newest.content_html
        assert newest.in_reply_to_id is None
        assert screen.timeline.statuses[0].id == newest.id
        assert "hello from tootui" in screen_text(app)
        assert screen.focused is screen.timeline


async def test_a_reply_has_the_right_parent_and_shows_in_the_thread(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        post1 = screen.timeline.statuses[0]
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("r")
        area = screen.compose_pane.query_one(TextArea)
        assert area.text == "@yuzu "
        await pilot.press(*"me too")
        await pilot.press("ctrl+s")
        await settle(pilot)
        reply = screen.timeline.statuses[0]
        assert reply.in_reply_to_id == post1.id
        on_server = server_view.status(reply.id)
        assert on_server.in_reply_to_id == post1.id
        assert "me too" in on_server.content_html
        thread = screen.thread
        position = [s.id for s in thread.statuses].index(reply.id)
        assert thread.statuses[position - 1].id == post1.id
        assert thread.depths[position] == thread.depths[position - 1] + 1
        assert screen_text(app).split("Thread", 1)[1].count("me too") >= 1
        # The parent counts its new reply, as the server does.
        assert screen.timeline.statuses[1].id == post1.id
        assert screen.timeline.statuses[1].replies_count == 1
        assert server_view.status(post1.id).replies_count == 1


def _burst(app: TootuiApp, keys: str) -> None:
    """Keys as a terminal hands over a paste or a fast typist's: all at once.
    (Pilot's press waits for the app to be idle after each key.)"""
    for character in keys:
        app.post_message(events.Key("space" if character == " " else character, character))


async def test_keys_typed_right_after_c_or_r_go_to_the_pane(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen._compose_pane is None  # the first `c` makes the pane
        # Every letter after `c` is a key on the timeline (t, h, e, r...).
        _burst(app, "cthe rest")
        await settle(pilot)
        assert screen.compose_pane.text_area.text == "the rest"
        assert screen.thread.statuses == []  # `t` opened no thread
        assert error_notes(app) == []
        await pilot.press("escape")
        _burst(app, "rtoo")
        await settle(pilot)
        assert screen.compose_pane.text_area.text == "@yuzu too"
        assert screen.thread.statuses == []
        assert server_view.timeline("home").items[0].id == screen.timeline.statuses[0].id


async def test_c_or_r_elsewhere_never_replaces_what_is_being_written(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("r", *"half a reply")
        area = screen.compose_pane.text_area

        def busy_notes() -> int:
            return sum("writing first" in n.message for n in app._notifications)

        for keys in (("j", "r"), ("c",)):  # a reply to another post; a new post
            screen.timeline.focus()
            await pilot.press(*keys)
            assert area.text == "@yuzu half a reply"
            assert screen.focused is area
        assert busy_notes() == 2
        screen.timeline.focus()
        await pilot.press("k", "r")  # the post being answered: back to the text
        assert area.text == "@yuzu half a reply"
        assert screen.focused is area
        assert busy_notes() == 2


async def test_escape_closes_the_pane_without_posting(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        before = server_view.timeline("home").items[0].id
        await pilot.press("c", *"never sent", "escape")
        await settle(pilot)
        assert not screen.compose_pane.is_open
        assert screen.focused is screen.timeline
        assert server_view.timeline("home").items[0].id == before


async def test_a_refused_post_stays_in_the_pane_and_can_be_sent_again(
    demo_server: Any, app: TootuiApp, server_view: MastodonClient
) -> None:
    demo_server.faults.add("/api/v1/statuses", status=422, count=1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        before = server_view.timeline("home").items[0].id
        await pilot.press("c", *"second try", "ctrl+s")
        await settle(pilot)
        assert screen.compose_pane.is_open
        assert screen.compose_pane.text_area.text == "second try"
        assert server_view.timeline("home").items[0].id == before
        assert error_notes(app), "the failure was not reported"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not screen.compose_pane.is_open
        assert "second try" in server_view.timeline("home").items[0].content_html
        assert screen.timeline.statuses[0].id == server_view.timeline("home").items[0].id
