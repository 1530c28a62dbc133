"""Opening timelines from the go-to menu (`g`) and the command palette."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from tests.ui.cached import record_requests
from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tests.ui.timelines import as_user, call, goto_titles, record_urls
from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.models import Account, Field
from tootui.ui.app import TootuiApp
from tootui.ui.goto import GotoScreen
from tootui.ui.timeline_view import profile_text


def _bookmarked(server: DemoServer, me: MastodonClient) -> str:
    status = as_user(server, "juzi").post_status("worth keeping")
    me.bookmark(status.id)
    return status.id


def _favourited(server: DemoServer, me: MastodonClient) -> str:
    status = as_user(server, "ayu").post_status("lovely")
    me.favourite(status.id)
    return status.id


def _direct(server: DemoServer, me: MastodonClient) -> str:
    return as_user(server, "juzi").post_status("@demo just between us",
                                               visibility="direct").id


def _local(server: DemoServer, me: MastodonClient) -> str:
    # Someone demo does not follow: on local, never on home.
    return as_user(server, "demo").post_status("local news").id


# (menu entry, timeline name, path the server receives, query it carries, setup)
CASES: list[tuple[str, str, str, str, Callable[[DemoServer, MastodonClient], str]]] = [
    ("Local", "local", "/api/v1/timelines/public", "local=", _local),
    ("Federated", "federated", "/api/v1/timelines/public", "limit=", _local),
    ("Direct messages", "conversations", "/api/v1/conversations", "limit=", _direct),
    ("Bookmarks", "bookmarks", "/api/v1/bookmarks", "limit=", _bookmarked),
    ("Favourites", "favourites", "/api/v1/favourites", "limit=", _favourited),
]


@pytest.mark.parametrize(("entry", "name", "path", "query", "setup"), CASES,
                         ids=[case[1] for case in CASES])
async def test_g_opens_each_timeline_in_a_tab(
    demo_server: DemoServer, app: TootuiApp, client: MastodonClient,
    server_view: MastodonClient, entry: str, name: str, path: str, query: str,
    setup: Callable[[DemoServer, MastodonClient], str],
) -> None:
    expected = setup(demo_server, server_view)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        paths = record_requests(demo_server)
        urls = record_urls(client)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, GotoScreen)
        titles = goto_titles(app)
        await pilot.press(*["down"] * titles.index(entry), "enter")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.current_view.timeline_name == name
        assert screen.focused is screen.timeline
        assert expected in [s.id for s in screen.timeline.statuses]
        assert f"2 {entry}" in screen_text(app)  # the new tab, numbered
        assert path in paths
        assert any(path in url and query in url for url in urls), urls
        if name == "local":
            assert any("local=1" in url or "local=true" in url for url in urls)
        else:
            assert not any("local=" in url for url in urls)


async def test_the_menu_adds_lists_and_followed_hashtags_fetched_in_a_worker(
    demo_server: DemoServer, app: TootuiApp,
) -> None:
    friends = call(demo_server, "POST", "/api/v1/lists", data={"title": "Close friends"})
    lanlan = call(demo_server, "GET", "/api/v1/accounts/lookup", params={"acct": "lanlan"})
    call(demo_server, "POST", f"/api/v1/lists/{friends['id']}/accounts",
         data={"account_ids[]": [lanlan["id"]]})
    call(demo_server, "POST", "/api/v1/tags/NeoDB/follow")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        paths = record_requests(demo_server)
        await pilot.press("g")
        await settle(pilot)
        titles = goto_titles(app)
        # Followed tags come back as the server stores them: lower case.
        assert "Close friends" in titles and "#neodb" in titles
        assert {"/api/v1/lists", "/api/v1/followed_tags"} <= set(paths)
        text = screen_text(app)
        assert "Close friends  (list)" in text
        await pilot.press(*["down"] * titles.index("Close friends"), "enter")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.current_view.timeline_name == f"list:{friends['id']}"
        authors = {s.account.acct for s in screen.timeline.statuses}
        assert authors == {"lanlan"}
        assert f"/api/v1/timelines/list/{friends['id']}" in paths
        # The second time, the menu has them at once: no new request.
        paths.clear()
        await pilot.press("g")
        await pilot.pause()
        assert "#neodb" in goto_titles(app)
        assert "/api/v1/lists" not in paths
        await pilot.press(*["down"] * goto_titles(app).index("#neodb"), "enter")
        await settle(pilot)
        assert screen.current_view.timeline_name == "tag:neodb"
        assert [s.account.acct for s in screen.timeline.statuses] == ["neogroup_dev"]


async def test_typing_a_hashtag_or_an_account_in_the_menu_opens_it(
    demo_server: DemoServer, app: TootuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        paths = record_requests(demo_server)
        await pilot.press("g", "tab", *"#NeoDB", "enter")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.current_view.timeline_name == "tag:NeoDB"
        assert "NeoGroup" in screen_text(app)
        await pilot.press("g", "tab", *"@juzi", "enter")
        await settle(pilot)
        assert screen.current_view.timeline_name.startswith("account:")
        assert "/api/v1/accounts/lookup" in paths
        assert "铁板鱿鱼" in screen_text(app)


PALETTE = [
    ("Bookmarks", "bookmarks", "/api/v1/bookmarks", _bookmarked),
    ("Direct messages", "conversations", "/api/v1/conversations", _direct),
    ("Local", "local", "/api/v1/timelines/public", _local),
]


@pytest.mark.parametrize(("entry", "name", "path", "setup"), PALETTE,
                         ids=[case[1] for case in PALETTE])
async def test_the_palette_offers_the_same_destinations(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient, entry: str,
    name: str, path: str, setup: Callable[[DemoServer, MastodonClient], str],
) -> None:
    expected = setup(demo_server, server_view)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        paths = record_requests(demo_server)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in ("Home", "Notifications", "Local", "Federated", "Direct messages",
                      "Bookmarks", "Favourites", "My profile"):
            assert f"Go to: {title}" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*f"Go to: {entry}")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.current_view.timeline_name == name
        assert expected in [s.id for s in screen.timeline.statuses]
        assert path in paths


async def test_notifications_from_g(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient,
) -> None:
    mention = as_user(demo_server, "kafei").post_status("@demo are you there?")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        paths = record_requests(demo_server)
        await pilot.press("g")
        await settle(pilot)
        await pilot.press(*["down"] * goto_titles(app).index("Notifications"), "enter")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.current_view.timeline_name == "notifications"
        assert [s.original.id for s in screen.timeline.statuses] == [mention.id]
        assert "mentioned you" in screen_text(app)
        assert "/api/v2/notifications" in paths


async def test_my_profile_shows_the_header_and_my_posts(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient,
) -> None:
    mine = server_view.post_status("a post of my own")
    call(demo_server, "PATCH", "/api/v1/accounts/update_credentials",
         data={"note": "I test terminals."})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        await pilot.press(*["down"] * goto_titles(app).index("My profile"), "enter")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.current_view.timeline_name == f"account:{mine.account.id}"
        assert [s.id for s in screen.timeline.statuses] == [mine.id]
        text = screen_text(app)
        assert "I test terminals." in text
        assert "1 post" in text
        assert "@demo" in text


async def test_an_unknown_account_is_a_one_line_error(
    app: TootuiApp, demo_server: DemoServer,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g", "tab", *"@nobody_here", "enter")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.current_view.timeline_name == "home"
        notes = [n.message for n in app._notifications if n.severity == "error"]
        assert len(notes) == 1 and "\n" not in notes[0]


def test_a_profile_header_marks_verified_links_and_counts() -> None:
    account = Account(
        id="1", username="ana", acct="ana@example.org", display_name="Ana",
        note_html="<p>Knits &amp; codes</p>", statuses_count=1200, followers_count=1,
        fields=(Field("Site", '<a href="https://ana.example">ana.example</a>',
                      verified_at=datetime(2026, 1, 1, tzinfo=UTC)),
                Field("Pronouns", "she/her")),
    )
    text = profile_text(account, "example.org").plain
    assert text.splitlines() == [
        "Ana @ana",
        "Knits & codes",
        "Site: ✓ ana.example",
        "Pronouns: she/her",
        "1,200 posts · 0 following · 1 follower",
    ]


async def test_lists_that_cannot_be_loaded_are_said_so_and_asked_again(
    demo_server: DemoServer, app: TootuiApp,
) -> None:
    call(demo_server, "POST", "/api/v1/lists", data={"title": "Close friends"})
    demo_server.faults.add("/api/v1/lists", status=503, count=1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert "Close friends" not in goto_titles(app)
        assert "could not be loaded" in screen_text(app)
        assert "Local" in goto_titles(app)  # the fixed ones still work
        await pilot.press("escape", "g")
        await settle(pilot)
        assert "Close friends" in goto_titles(app)


async def test_hash_follows_and_unfollows_the_hashtag_of_the_tab(
    demo_server: DemoServer, app: TootuiApp,
) -> None:
    def following() -> bool:
        return bool(call(demo_server, "GET", "/api/v1/tags/NeoDB")["following"])

    def last_note() -> str:
        return list(app._notifications)[-1].message

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("#")  # home has no hashtag to follow: say how
        await settle(pilot)
        assert last_note().startswith("Open a hashtag's tab first")
        await pilot.press("g", "tab", *"#NeoDB", "enter")
        await settle(pilot)
        await pilot.press("#")
        await settle(pilot)
        assert following()
        assert last_note().startswith("Following #NeoDB")
        await pilot.press("g")  # the menu's followed hashtags are asked for again
        await settle(pilot)
        assert "#neodb" in goto_titles(app)
        await pilot.press("escape", "#")
        await settle(pilot)
        assert not following()
        assert last_note() == "No longer following #NeoDB."
