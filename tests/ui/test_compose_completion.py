"""Completing @mentions, #hashtags and :emoji: in the compose pane, from the server."""

from __future__ import annotations

from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tootui.client.api import MastodonClient
from tootui.ui.app import TootuiApp


async def test_mentions_hashtags_and_emoji_complete_with_tab(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"hi @yuz")
        await settle(pilot)
        compose = main_screen(app).compose_pane
        assert "tab: @yuzu" in screen_text(app)
        await pilot.press("tab")
        assert compose.text_area.text == "hi @yuzu "
        assert compose.text_area.has_focus
        await pilot.press(*"#neod")
        await settle(pilot)
        await pilot.press("tab")
        assert compose.text_area.text == "hi @yuzu #neodb "
        await pilot.press(*":blobc")
        await settle(pilot)
        await pilot.press("tab")
        assert compose.text_area.text == "hi @yuzu #neodb :blobcat: "
        assert "tab:" not in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        newest = server_view.timeline("home", limit=1).items[0]
        assert [m.acct for m in newest.mentions] == ["yuzu"]
        assert [t.name.lower() for t in newest.tags] == ["neodb"]


async def test_tab_without_suggestions_moves_focus(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"plain words")
        await settle(pilot)
        compose = main_screen(app).compose_pane
        await pilot.press("tab")
        assert not compose.text_area.has_focus
        assert compose.text_area.text == "plain words"
