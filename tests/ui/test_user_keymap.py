"""The `[keymap]` of config.toml remaps keys at start; an id no binding has is named."""

from __future__ import annotations

from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tootui import config, paths
from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.ui.app import create_app
from tootui.ui.help import HelpScreen


async def test_the_config_keymap_is_used_from_the_start(
    client: MastodonClient, server_view: MastodonClient, demo_server: DemoServer
) -> None:
    config.save(config.Config(keymap={"status.favourite": "z", "app.help": "f1"}))
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main_screen(app).timeline
        first = timeline.statuses[0]
        await pilot.press("f")  # the old key no longer favourites
        await settle(pilot)
        assert not server_view.status(first.id).favourited
        await pilot.press("z")
        await settle(pilot)
        assert server_view.status(first.id).favourited
        assert "z Favourite" in screen_text(app)  # the footer names the new key
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert [n.message for n in app._notifications if n.severity == "warning"] == []


async def test_an_unknown_binding_id_is_reported_and_the_rest_applies(
    client: MastodonClient,
) -> None:
    config.save(config.Config(keymap={"status.favorite": "z", "app.help": "f1"}))
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == 1
        assert str(paths.config_file()) in warnings[0]
        assert "keymap" in warnings[0] and "status.favorite" in warnings[0]
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
    assert config.load().keymap == {"status.favorite": "z", "app.help": "f1"}  # left as written
