"""The notifications tab: grouped as Mastodon 4.3+ groups them, v1 on older servers,
filtered by type, and the post keys acting on what each notification is about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from tests.ui.cached import record_requests
from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tests.ui.timelines import as_user, record_urls
from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.models import Notification
from tootui.ui.app import TootuiApp
from tootui.ui.choice_list import ChoiceScreen
from tootui.ui.notifications_view import NotificationsView, is_account_row

FANS = ("lanlan", "juzi", "yuzu")


@dataclass
class Happened:
    mine: str  # the user's post the fans favourited
    mention: str  # kafei's post mentioning the user


def _make_notifications(server: DemoServer, me: MastodonClient) -> Happened:
    mine = me.post_status("my first post on tootui")
    my_id = me.verify_credentials().id
    for user in FANS:
        fan = as_user(server, user)
        fan.favourite(mine.id)
        fan.unfollow(my_id)
        fan.follow(my_id)
    mention = as_user(server, "kafei").post_status("@demo hello there, are you around?")
    return Happened(mine.id, mention.id)


async def _open_notifications(app: TootuiApp, pilot: object) -> NotificationsView:
    screen = main_screen(app)
    view = await screen.open_timeline("notifications")
    await settle(pilot)  # type: ignore[arg-type]
    assert isinstance(view, NotificationsView)
    return view


async def test_notifications_are_grouped(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient,
) -> None:
    happened = _make_notifications(demo_server, server_view)
    paths = record_requests(demo_server)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = await _open_notifications(app, pilot)
        rows = view.statuses.statuses
        assert len(rows) == 3  # a mention, three follows, three favourites
        assert rows[0].original.id == happened.mention
        assert is_account_row(rows[1])
        assert rows[2].original.id == happened.mine
        text = screen_text(app)
        assert "咖啡码农 mentioned you" in text
        assert "and 2 others followed you" in text
        assert "and 2 others favourited your post" in text
        assert "/api/v2/notifications" in paths
        assert "/api/v1/notifications" not in paths


async def test_servers_without_grouping_get_the_plain_list(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient,
) -> None:
    happened = _make_notifications(demo_server, server_view)
    demo_server.faults.add("/api/v2/notifications", status=404, count=None)
    paths = record_requests(demo_server)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = await _open_notifications(app, pilot)
        rows = view.statuses.statuses
        assert len(rows) == 7  # one row per notification
        assert [r.original.id for r in rows].count(happened.mine) == 3
        assert "others" not in screen_text(app)
        assert "/api/v1/notifications" in paths


async def test_n_shows_one_type_of_notification(
    demo_server: DemoServer, app: TootuiApp, client: MastodonClient,
    server_view: MastodonClient,
) -> None:
    happened = _make_notifications(demo_server, server_view)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        urls = record_urls(client)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("down", "enter")  # mentions only
        await settle(pilot)
        screen = main_screen(app)
        view = screen.current_view
        assert isinstance(view, NotificationsView)
        assert view.types == ("mention",)
        assert [r.original.id for r in view.statuses.statuses] == [happened.mention]
        assert "Notifications · Mentions only" in screen_text(app)
        assert any("/api/v2/notifications" in url and "types%5B%5D=mention" in url
                   for url in urls), urls
        await pilot.press("n", "down", "down", "enter")  # follows
        await settle(pilot)
        assert view.types == ("follow", "follow_request")
        assert all(is_account_row(r) for r in view.statuses.statuses)
        assert len(view.statuses.statuses) == 1
        await pilot.press("n", "enter")  # everything again
        await settle(pilot)
        assert view.types == ()
        assert len(view.statuses.statuses) == 3


async def test_keys_act_on_the_post_or_the_account_of_a_notification(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient,
) -> None:
    happened = _make_notifications(demo_server, server_view)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = await _open_notifications(app, pilot)
        screen = main_screen(app)
        await pilot.press("f")  # favourites kafei's mention
        await settle(pilot)
        assert server_view.status(happened.mention).favourited
        paths = record_requests(demo_server)
        await pilot.press("j", "f")  # a follow: no post to favourite
        await settle(pilot)
        assert not any(p.endswith("/favourite") for p in paths)
        assert any("about an account" in n.message for n in app._notifications)
        app.clear_notifications()
        await pilot.press("r")  # nor one to reply to
        await settle(pilot)
        assert not screen.composing
        assert any("about an account" in n.message for n in app._notifications)
        follower = view.statuses.statuses[1].original.account
        await pilot.press("t")  # the follower's profile
        await settle(pilot)
        assert screen.current_view.timeline_name == f"account:{follower.id}"


async def test_on_a_favourite_u_and_follow_act_on_who_favourited(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient,
) -> None:
    happened = _make_notifications(demo_server, server_view)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = await _open_notifications(app, pilot)
        screen = main_screen(app)
        await pilot.press("j", "j")
        row = view.statuses.selected_status
        assert row is not None and row.original.id == happened.mine
        fan = row.account
        assert fan.acct in FANS  # who favourited last, not the user who wrote the post
        relationship = server_view.relationship(fan.id)
        await pilot.press("F")  # F on "X favourited your post": X, not the user
        await settle(pilot)
        assert server_view.relationship(fan.id).following != relationship.following
        assert not any("your own account" in n.message for n in app._notifications)
        await pilot.press("u")
        await settle(pilot)
        assert screen.current_view.timeline_name == f"account:{fan.id}"


async def test_full_stop_brings_newer_notifications_and_regroups(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient,
) -> None:
    happened = _make_notifications(demo_server, server_view)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = await _open_notifications(app, pilot)
        assert len(view.statuses.statuses) == 3
        as_user(demo_server, "ayu").favourite(happened.mine)
        await pilot.press("full_stop")
        await settle(pilot)
        rows = view.statuses.statuses
        # The favourites group grew and moved to the top; nothing is listed twice.
        assert len(rows) == 3
        assert rows[0].original.id == happened.mine
        assert "and 3 others favourited your post" in screen_text(app)


async def test_a_notification_shows_when_it_happened_not_when_the_post_was_written(
    app: TootuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = await _open_notifications(app, pilot)
        old_post = main_screen(app).home.statuses[-1]  # written hours ago
        boosted = Notification(id="reblog-1", type="reblog", accounts=(old_post.account,),
                               status=old_post, created_at=datetime.now(UTC))
        view.statuses.set_statuses(view.rows([boosted]))
        header = view.statuses.lines_of(0)[1]
        assert header.rstrip().endswith("now"), header
        assert not main_screen(app).home.lines_of(8)[0].rstrip().endswith("now")
