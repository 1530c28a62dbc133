"""The compose pane's content warning, visibility, language and character counter."""

from __future__ import annotations

import requests
from textual.widgets import Label

from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.ui.app import TootuiApp


async def test_warning_visibility_and_language_reach_the_server(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.press(*"the film ends well")
        await pilot.click("#compose-cw")
        await pilot.press(*"film spoilers")
        await pilot.click("#compose-visibility")
        await pilot.press("down", "enter")  # public -> quiet public
        await pilot.click("#compose-language")
        await pilot.press(*"en")
        await pilot.press("ctrl+s")
        await settle(pilot)
        newest = server_view.timeline("home", limit=1).items[0]
        assert "the film ends well" in newest.content_html
        assert newest.spoiler_text == "film spoilers"
        assert newest.visibility == "unlisted"
        assert newest.language == "en"
        assert not main_screen(app).compose_pane.is_open


async def test_a_language_that_is_no_code_is_refused_and_the_draft_kept(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    before = server_view.timeline("home", limit=1).items[0].id
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"typed in the wrong box")
        await pilot.click("#compose-language")
        await pilot.press(*"food tal", "ctrl+s")
        await settle(pilot)
        compose = main_screen(app).compose_pane
        assert compose.is_open and compose.text_area.text == "typed in the wrong box"
        assert any(n.message.startswith("'food tal' is not a language code")
                   for n in app._notifications)
        assert app.focused is compose.options.language_input
        await pilot.press(*["backspace"] * 8, *"en", "ctrl+s")
        await settle(pilot)
        assert not compose.is_open
    newest = server_view.timeline("home", limit=1).items[0]
    assert newest.id != before and newest.language == "en"


async def test_language_and_visibility_default_to_the_users_preferences(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient
) -> None:
    answer = requests.patch(
        f"{demo_server.url}/api/v1/accounts/update_credentials",
        data={"source[language]": "zh", "source[privacy]": "private"},
        headers={"Authorization": f"Bearer {demo_server.create_token()}"}, timeout=10)
    assert answer.ok
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        compose = main_screen(app).compose_pane
        assert compose.options.language_input.value == "zh"
        assert compose.options.visibility_select.value == "private"
        assert "Followers only" in screen_text(app)
        await pilot.press(*"你好", "ctrl+s")
        await settle(pilot)
        newest = server_view.timeline("home", limit=1).items[0]
        assert newest.language == "zh"
        assert newest.visibility == "private"


async def test_the_counter_follows_the_servers_rules(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        compose = main_screen(app).compose_pane
        counter = compose.query_one("#compose-counter", Label)
        limit = compose.max_characters
        assert limit == 5000  # the demo instance's max_characters, not the default 500
        assert str(counter.content) == f"0/{limit:,} characters"
        url = "https://example.com/" + "x" * 100
        compose.text_area.load_text(f"@someone@far.away.example 鲑鱼卵 {url}")
        await pilot.pause()
        used = len("@someone") + 1 + 3 + 1 + 23
        assert str(counter.content) == f"{used}/{limit:,} characters"
        assert f"{used}/{limit:,} characters" in screen_text(app)


async def test_a_post_over_the_limit_is_not_sent(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = server_view.timeline("home", limit=1).items[0].id
        await pilot.press("c")
        compose = main_screen(app).compose_pane
        limit = compose.max_characters
        compose.text_area.load_text("字" * (limit + 1))
        await pilot.pause()
        counter = compose.query_one("#compose-counter", Label)
        assert str(counter.content) == f"{limit + 1:,}/{limit:,} characters"
        assert counter.has_class("-over")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert compose.is_open
        assert server_view.timeline("home", limit=1).items[0].id == before
        assert any("Too long" in note.message for note in app._notifications)
