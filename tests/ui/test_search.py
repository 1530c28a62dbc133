"""`/` searches the server for accounts, hashtags and posts, and opens what is chosen."""

from __future__ import annotations

import webbrowser

import pytest
from textual.message import Message

from tests.ui.cached import record_requests
from tests.ui.conftest import SIZE, error_notes, main_screen, screen_text, settle
from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.models import Account, Status, Tag
from tootui.ui.app import TootuiApp
from tootui.ui.messages import AccountRequested, HashtagRequested
from tootui.ui.search_screen import SearchScreen


async def _search(pilot, query: str) -> SearchScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("slash")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    await pilot.press(*query, "enter")
    await settle(pilot)
    return screen


async def test_search_finds_an_account_a_hashtag_and_a_post(
    app: TootuiApp, demo_server: DemoServer, server_view: MastodonClient
) -> None:
    seen = record_requests(demo_server)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _search(pilot, "neo")
        assert "/api/v2/search" in seen
        shown = screen_text(app)
        assert "NeoGroup 开发者  @neogroup_dev" in shown
        assert "#neodb" in shown and "#neogroup" in shown
        assert "NeoGroup,灵感来源于 #NeoDB" in shown
        assert "4 results for “neo”" in shown
        picks = list(screen._picks.values())
        assert [type(p) for p in picks] == [Account, Tag, Tag, Status]
        # The results have the focus, on the first one: down twice is the post.
        await pilot.press("down", "down", "down", "enter")
        await settle(pilot)
        assert app.screen is main_screen(app)
        thread = main_screen(app).thread
        post = server_view.search("NeoGroup,灵感").statuses[0]
        assert thread.selected_status is not None and thread.selected_status.id == post.id
        assert thread.has_focus
        assert not error_notes(app)


async def test_a_post_opens_its_whole_thread(app: TootuiApp, server_view: MastodonClient) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await _search(pilot, "鲑鱼卵")
        # Two posts mention it: the reply, newest first, then the post it answers.
        await pilot.press("enter")
        await settle(pilot)
        thread = main_screen(app).thread
        reply = server_view.search("鲑鱼卵").statuses[0]
        assert [s.id for s in thread.statuses] == [reply.in_reply_to_id, reply.id]
        assert thread.selected_status is not None and thread.selected_status.id == reply.id


@pytest.mark.parametrize(("query", "expected"), [
    ("柚子", ("account", "yuzu")),
    ("#neodb", ("hashtag", "neodb")),
])
async def test_accounts_and_hashtags_are_requested(
    app: TootuiApp, monkeypatch: pytest.MonkeyPatch, query: str, expected: tuple[str, str],
) -> None:
    opened: list[str] = []
    # The one stand-in: a real browser cannot run in a test.
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    seen: dict[int, tuple[str, str]] = {}

    def hook(message: Message) -> None:
        # Keyed by the message: the hook sees it again as it bubbles up to the app.
        if isinstance(message, AccountRequested):
            seen[id(message)] = ("account", message.acct)
        elif isinstance(message, HashtagRequested):
            seen[id(message)] = ("hashtag", message.name)

    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await _search(pilot, query)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is main_screen(app)
        # The result opens in a tab of its own, not in the browser.
        kind, name = expected
        view = main_screen(app).current_view
        if kind == "hashtag":
            assert view.timeline_name == f"tag:{name}"
        else:
            assert view.timeline_name.startswith("account:") and view.label == name
    assert list(seen.values()) == [expected]
    assert opened == []


async def test_nothing_found_and_esc(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await _search(pilot, "zzzz nothing")
        assert "Nothing found for “zzzz nothing”." in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is main_screen(app)
        # The last search is still there when / opens again.
        await pilot.press("slash")
        await pilot.pause()
        assert "Nothing found for “zzzz nothing”." in screen_text(app)


async def test_a_failed_search_says_why(app: TootuiApp, demo_server: DemoServer) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        demo_server.faults.load_spec("/api/v2/search=503")
        await _search(pilot, "neo")
        assert "The search failed" in screen_text(app)
        assert isinstance(app.screen, SearchScreen)


async def test_slash_and_down_move_between_query_and_results(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await _search(pilot, "neo")
        results = screen.results_list
        query = screen.query_one("#search-input")
        assert results.has_focus
        await pilot.press("slash")
        assert query.has_focus
        await pilot.press("down")
        assert results.has_focus and results.highlighted == 1
        # A second search replaces the list.
        # The query is selected on focus: typing replaces it.
        await pilot.press("slash", *"柚子", "enter")
        await settle(pilot)
        assert [getattr(p, "acct", None) for p in screen._picks.values()] == ["yuzu"]


async def test_reopened_results_keep_their_width(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await _search(pilot, "neo")
        first = screen_text(app)
        assert "NeoGroup,灵感来源于 #NeoDB" in first
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("slash")
        await settle(pilot)
        # Shown again from memory, as wide as the first time, not cut to a minimum.
        again = screen_text(app)
        assert "NeoGroup,灵感来源于 #NeoDB" in again
        assert "NeoGroup 开发者  @neogroup_dev" in again
