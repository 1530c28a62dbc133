"""The help screen and the command palette come from the one bindings table."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.containers import VerticalScroll
from textual.pilot import Pilot

from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tootui.client.api import MastodonClient
from tootui.ui.app import TootuiApp
from tootui.ui.bindings import KEYS, Scope, display_keys
from tootui.ui.help import HelpScreen


async def test_help_lists_every_binding(app: TootuiApp) -> None:
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        # The list is longer than the screen: read it page by page.
        scroll = app.screen.query_one("#help", VerticalScroll)
        text = screen_text(app)
        while scroll.scroll_y < scroll.max_scroll_y:
            scroll.scroll_page_down(animate=False)
            await pilot.pause()
            text += screen_text(app)
        for spec in KEYS:
            assert spec.description in text, spec.id
            if not spec.id.startswith("main.tab_"):
                assert display_keys(spec.keys) in text, spec.id
        # The nine tab keys share one row.
        assert any("1–9" in line and "Switch to the tab with that number" in line
                   for line in text.splitlines())
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_help_shows_remapped_keys(app: TootuiApp) -> None:
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        app.set_keymap({"status.favourite": "ctrl+f"})
        await pilot.press("question_mark")
        lines = screen_text(app).splitlines()
        line = next(line for line in lines if "Favourite" in line)
        assert "ctrl+f" in line


async def test_command_palette_runs_an_action_on_the_selected_post(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        # Compose commands are offered only while the compose pane is open.
        expected = {spec.description for spec in KEYS
                    if spec.in_palette and spec.scope is not Scope.COMPOSE}
        assert expected <= titles
        assert "Send" not in titles
        target = main_screen(app).timeline.statuses[0]
        await pilot.press("ctrl+p", *"Bookmark")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert server_view.status(target.id).bookmarked


async def test_q_quits(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app._exit


async def _open_help(pilot: Pilot[Any]) -> VerticalScroll:
    await settle(pilot)
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)
    return pilot.app.screen.query_one("#help", VerticalScroll)


async def test_help_scrolls_with_the_reading_keys_and_keeps_fast_presses(
    app: TootuiApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        scroll = await _open_help(pilot)
        page = scroll.scrollable_content_region.height
        assert scroll.max_scroll_y > 2 * page  # the table is longer than two pages
        # Pressed in one go, before any refresh: none of them is lost.
        await pilot.press("j", "j", "j", "down", "down")
        assert scroll.scroll_y == 5
        await pilot.press("k", "up")
        assert scroll.scroll_y == 3
        await pilot.press("pagedown", "space")
        assert scroll.scroll_y == 3 + 2 * page
        await pilot.press("pageup")
        assert scroll.scroll_y == 3 + page
        await pilot.press("end")
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("home")
        assert scroll.scroll_y == 0
        # What is shown moves with it: the last rows only at the end.
        last = "Logging in"  # the last section
        assert last not in screen_text(app)
        await pilot.press("end")
        await settle(pilot)
        assert last in screen_text(app)


async def test_help_scrolls_with_the_mouse_wheel(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        scroll = await _open_help(pilot)
        x, y = scroll.region.center
        for _turn in range(3):
            # As the terminal reports a wheel turn: to the app, at a place on screen.
            app.post_message(events.MouseScrollDown(
                None, x, y, 0, 0, 0, False, False, False, screen_x=x, screen_y=y))
        await pilot.pause()
        assert scroll.scroll_y > 0
