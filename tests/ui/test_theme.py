"""The theme chosen in the command palette is saved in config.toml and used at the next start."""

from __future__ import annotations

from textual.color import Color

from tests.ui.conftest import SIZE, settle
from tootui import config, paths
from tootui.client.api import MastodonClient
from tootui.client.oauth import demo_login
from tootui.demo.server import DemoServer
from tootui.ui.app import TootuiApp, create_app


async def test_the_chosen_theme_is_remembered_and_used_next_time(
    app: TootuiApp, demo_server: DemoServer
) -> None:
    assert config.load().theme == "textual-dark"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Theme")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*"nord", "enter")
        await settle(pilot)
        assert app.theme == "nord"
    assert config.load().theme == "nord"
    written = paths.config_file().stat().st_mtime_ns

    with MastodonClient(demo_server.url, demo_login(demo_server.url)) as client:
        again = create_app(client, account_label="demo@demo.invalid")
        async with again.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert again.theme == "nord"
            nord = again.get_theme("nord")
            assert nord is not None and nord.background is not None
            assert again.screen.styles.background == Color.parse(nord.background)
    # Starting with the saved theme is not a change: the file is not written again.
    assert paths.config_file().stat().st_mtime_ns == written


async def test_an_unknown_theme_is_reported_with_the_file_and_key(client: MastodonClient) -> None:
    config.save(config.Config(theme="no-such-theme"))
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        notes = [n.message for n in app._notifications]
        assert any("config.toml: theme:" in n and "no-such-theme" in n for n in notes)
    # The file keeps what the user wrote.
    assert config.load().theme == "no-such-theme"
