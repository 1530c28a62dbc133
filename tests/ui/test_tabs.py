"""Tabs: number keys, closing, older posts at the end, newer ones on `.`, post keys per tab."""

from __future__ import annotations

from tests.ui.cached import record_requests
from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tests.ui.test_drafts import wait_until
from tests.ui.timelines import as_user, record_urls
from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.i18n import set_language
from tootui.models import id_sort_key
from tootui.ui.app import TootuiApp
from tootui.ui.language_switch import switch_language
from tootui.ui.messages import HashtagRequested


async def _open(app: TootuiApp, pilot: object, name: str) -> None:
    screen = main_screen(app)
    await screen.open_timeline(name)
    await settle(pilot)  # type: ignore[arg-type]


async def test_number_keys_switch_between_open_tabs(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await _open(app, pilot, "local")
        await _open(app, pilot, "tag:NeoDB")
        assert list(screen.views) == ["home", "local", "tag:NeoDB"]
        bar = screen_text(app).splitlines()[1]
        assert "1 Home" in bar and "2 Local" in bar and "3 #NeoDB" in bar
        await pilot.press("1")
        assert screen.current_view.timeline_name == "home"
        assert screen.focused is screen.home
        await pilot.press("3")
        assert screen.current_view.timeline_name == "tag:NeoDB"
        assert screen.focused is screen.timeline
        assert "NeoGroup" in screen_text(app)
        await pilot.press("2")
        assert screen.current_view.timeline_name == "local"
        await pilot.press("9")  # no ninth tab: nothing happens
        assert screen.current_view.timeline_name == "local"


async def test_a_number_with_no_tab_says_so(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await _open(app, pilot, "local")
        await pilot.press("4")
        await settle(pilot)
        assert screen.current_view.timeline_name == "local"
        hint = "No tab 4: 2 tabs are open."
        assert [note.message for note in app._notifications] == [hint]
        await wait_until(pilot, lambda: hint in screen_text(app))  # the toast, once mounted


async def test_a_hashtag_in_another_case_shows_its_open_tab(
    app: TootuiApp, demo_server: DemoServer,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await _open(app, pilot, "tag:NeoDB")
        await pilot.press("1")
        paths = record_requests(demo_server)
        # Mastodon's hashtags ignore case: a post's "#neodb" is the tab already open.
        screen.post_message(HashtagRequested("neodb", "https://demo.invalid/tags/neodb"))
        await settle(pilot)
        assert list(screen.views) == ["home", "tag:NeoDB"]
        assert screen.current_view.timeline_name == "tag:NeoDB"
        assert "3" not in screen_text(app).splitlines()[1]
        assert not [path for path in paths if "/timelines/tag/" in path]
        await screen.open_timeline("tag:NEODB")
        assert list(screen.views) == ["home", "tag:NeoDB"]
        assert screen.view_named("tag:neodb") is screen.current_view


async def test_x_closes_a_tab_and_the_numbers_follow(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await _open(app, pilot, "local")
        await _open(app, pilot, "federated")
        await pilot.press("2", "x")
        await settle(pilot)
        assert list(screen.views) == ["home", "federated"]
        assert screen.current_view.timeline_name == "home"
        bar = screen_text(app).splitlines()[1]
        assert "Local" not in bar and "2 Federated" in bar
        await pilot.press("1", "x")  # home stays
        await settle(pilot)
        assert list(screen.views) == ["home", "federated"]
        assert any("home tab stays open" in n.message for n in app._notifications)


async def test_reaching_the_end_loads_older_posts(
    demo_server: DemoServer, app: TootuiApp, client: MastodonClient,
    server_view: MastodonClient,
) -> None:
    posted = [server_view.post_status(f"filler {n}").id for n in range(45)]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        timeline = screen.timeline
        assert len(timeline.statuses) == 40  # one page
        urls = record_urls(client)
        await pilot.press("end")
        await settle(pilot)
        # The rest: the five fillers and the nine sample posts, newest first, no gap.
        ids = [s.id for s in timeline.statuses]
        assert len(ids) == 54 and len(set(ids)) == 54
        assert ids == sorted(ids, key=id_sort_key, reverse=True)
        assert set(posted) <= set(ids)
        assert any("/api/v1/timelines/home" in url and "max_id=" in url for url in urls)
        assert timeline.selected == 39  # the reader stays on their post
        # At the real end, the server says there is no more; it is not asked again.
        await pilot.press("end")
        await settle(pilot)
        assert len(timeline.statuses) == 54
        urls.clear()
        await pilot.press("home", "end")
        await settle(pilot)
        assert not any("max_id=" in url for url in urls)


async def test_full_stop_loads_newer_posts_above_without_moving_the_reader(
    demo_server: DemoServer, app: TootuiApp, client: MastodonClient,
    server_view: MastodonClient,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        timeline = screen.timeline
        await pilot.press("j", "j")
        reading = timeline.selected_status
        assert reading is not None
        new = [server_view.post_status(f"fresh {n}").id for n in range(3)]
        urls = record_urls(client)
        paths = record_requests(demo_server)
        await pilot.press("full_stop")
        await settle(pilot)
        assert [s.id for s in timeline.statuses[:3]] == list(reversed(new))
        assert timeline.selected_status == reading
        assert any("min_id=" in url for url in urls)
        assert "/api/v1/timelines/home" in paths
        assert any("3 new posts" in n.message for n in app._notifications)
        await pilot.press("full_stop")
        await settle(pilot)
        assert len(timeline.statuses) == 12
        assert any(n.message == "Nothing new." for n in app._notifications)


async def test_post_keys_act_on_the_tab_on_show(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient,
) -> None:
    neo = as_user(demo_server, "neogroup_dev")
    status = neo.post_status("another #NeoDB post")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await _open(app, pilot, "tag:NeoDB")
        assert screen.timeline.selected_status is not None
        assert screen.timeline.selected_status.id == status.id
        await pilot.press("f")
        await settle(pilot)
        assert server_view.status(status.id).favourited
        assert "favourited" in screen_text(app)
        # The thread pane follows the tab's selection too.
        await pilot.press("t")
        await settle(pilot)
        assert [s.id for s in screen.thread.statuses] == [status.id]


async def test_u_opens_the_authors_profile(demo_server: DemoServer, app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        paths = record_requests(demo_server)
        author = screen.timeline.statuses[0].account
        await pilot.press("u")
        await settle(pilot)
        assert screen.current_view.timeline_name == f"account:{author.id}"
        assert {s.account.id for s in screen.timeline.statuses} == {author.id}
        assert f"/api/v1/accounts/{author.id}/statuses" in paths
        assert f"@{author.acct}" in screen_text(app).splitlines()[1]


async def test_a_failed_older_page_is_asked_again_at_the_next_end(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient,
) -> None:
    for n in range(45):
        server_view.post_status(f"filler {n}")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main_screen(app).timeline
        demo_server.faults.add("/api/v1/timelines/home", status=503, count=1)
        await pilot.press("end")
        await settle(pilot)
        assert len(timeline.statuses) == 40
        assert any(n.severity == "error" for n in app._notifications)
        await pilot.press("home", "end")
        await settle(pilot)
        assert len(timeline.statuses) == 54


async def test_o_on_a_mention_opens_the_profile_tab(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient,
) -> None:
    server_view.post_status("hello @juzi")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        paths = record_requests(demo_server)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = main_screen(app)
        juzi = server_view.lookup_account("juzi")
        assert screen.current_view.timeline_name == f"account:{juzi.id}"
        assert "/api/v1/accounts/lookup" in paths
        assert f"/api/v1/accounts/{juzi.id}/statuses" in paths
        text = screen_text(app)
        assert "铁板鱿鱼" in text  # juzi's post
        assert "@juzi" in text.splitlines()[1]


async def test_clicking_a_tab_shows_it(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        local = await screen.open_timeline("local")
        await settle(pilot)
        await pilot.press("1")
        assert screen.current_view.timeline_name == "home"
        await pilot.click(f"#tab-{local.id}")
        await settle(pilot)
        assert screen.current_view is local
        assert screen.focused is local.statuses


async def test_tabs_follow_a_language_switch(app: TootuiApp) -> None:
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            await screen.open_timeline("bookmarks")
            await settle(pilot)
            switch_language(app, "zh_CN")
            await settle(pilot)
            bar = screen_text(app).splitlines()[1]
            assert "1 主页" in bar and "2 书签" in bar
            assert screen.timeline.border_title == "书签"
    finally:
        set_language("en")
