"""Switching the interface language inside the running app, with no restart.

English first, then Simplified Chinese through the language list (`ctrl+l`), then
back: the footer, the pane titles, the help screen and the posts' times follow at
once, and `config.toml` remembers the choice.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot

from tests.ui.conftest import screen_text, settle
from tootui import paths
from tootui.client.api import MastodonClient
from tootui.client.oauth import demo_login
from tootui.i18n import current_language, set_language
from tootui.ui.app import TootuiApp, create_app
from tootui.ui.help import HelpScreen

if TYPE_CHECKING:
    from tootui.demo.server import DemoServer

SIZE = (80, 24)


@pytest.fixture
def client(demo_server: DemoServer) -> Iterator[MastodonClient]:
    with MastodonClient(demo_server.url, demo_login(demo_server.url)) as client:
        yield client


@pytest.fixture
def en_app(client: MastodonClient) -> TootuiApp:
    set_language("en")
    return create_app(client, account_label="demo@demo.invalid")


def footer(app: TootuiApp) -> str:
    return screen_text(app).rstrip("\n").splitlines()[-1]


def title_line(app: TootuiApp) -> str:
    return screen_text(app).splitlines()[1]


async def choose(pilot: Pilot[Any], typed: str) -> None:
    """Open the language list with its key, narrow it by `typed`, pick the first."""
    await pilot.press("ctrl+l")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*typed)
    # The palette searches in a worker; wait for its answer before choosing.
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("down", "enter")
    await settle(pilot)


def saved_language() -> str | None:
    path = paths.config_file()
    if not path.exists():
        return None
    return tomllib.loads(path.read_text(encoding="utf-8")).get("language")


async def test_switching_to_chinese_and_back_without_restart(en_app: TootuiApp) -> None:
    async with en_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Reply" in footer(en_app)
        assert "Home" in title_line(en_app)

        await choose(pilot, "简体")
        assert current_language() == "zh_CN"
        bottom = footer(en_app)
        for word in ("回复", "喜欢", "转嘟", "书签", "退出"):
            assert word in bottom, bottom
        assert "Reply" not in bottom
        # At 80 columns the panes are stacked: the timeline's title on top, the thread's below.
        assert "主页" in title_line(en_app)
        assert "─ 嘟文串 ─" in screen_text(en_app)
        assert "前" in screen_text(en_app)  # the timeline's times: "3分钟前"
        assert saved_language() == "zh_CN"

        await pilot.press("question_mark")
        assert isinstance(en_app.screen, HelpScreen)
        assert "快捷键" in screen_text(en_app)
        await pilot.press("escape")

        await choose(pilot, "English")
        assert current_language() == "en"
        assert "Reply" in footer(en_app)
        assert "回复" not in footer(en_app)
        assert "Home" in title_line(en_app)
        assert saved_language() == "en"


async def test_automatic_follows_the_environment(
    en_app: TootuiApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    async with en_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await choose(pilot, "Automatic")
        assert current_language() == "zh_CN"
        assert "回复" in footer(en_app)
        assert saved_language() == "auto"


async def test_the_open_compose_pane_follows_the_switch(en_app: TootuiApp) -> None:
    async with en_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"draft")
        assert "New post" in screen_text(en_app)
        # From the compose pane the key still works (it is not a character).
        await choose(pilot, "简体")
        text = screen_text(en_app)
        assert "新嘟文" in text
        # The options row too: its placeholder and the visibility it shows.
        assert "内容警告" in text and "公开" in text and "Public" not in text
        assert en_app.main_screen.compose_pane.text_area.text == "draft"  # nothing lost


async def test_a_config_that_cannot_be_saved_is_a_warning_not_a_crash(
    en_app: TootuiApp,
) -> None:
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("this is = = not toml", encoding="utf-8")
    async with en_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await choose(pilot, "简体")
        assert current_language() == "zh_CN"
        notes = [note.message for note in en_app._notifications]
        assert any("未能保存界面语言" in note for note in notes), notes
    assert path.read_text(encoding="utf-8") == "this is = = not toml"  # left as it was


async def test_the_command_palette_offers_the_language_list(en_app: TootuiApp) -> None:
    async with en_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Language")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "Language" in screen_text(en_app)
        await pilot.press("down", "enter")
        await settle(pilot)
        # The entry opened the language list (its own search hint), not a new language.
        assert isinstance(en_app.screen, CommandPalette)
        assert "Choose the interface language" in screen_text(en_app)
        await pilot.press(*"简体")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down", "enter")
        await settle(pilot)
        assert current_language() == "zh_CN"
        # The palette now speaks Chinese too: its hint and its entries.
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert "搜索命令" in screen_text(en_app)
        await pilot.press(*"回复")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "按键：r" in screen_text(en_app)


async def test_the_theme_list_speaks_chinese(client: MastodonClient) -> None:
    set_language("zh_CN")
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_change_theme()
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert "搜索主题" in screen_text(app)


async def test_an_error_already_shown_is_reworded(
    client: MastodonClient, demo_server: DemoServer
) -> None:
    demo_server.faults.add("/api/v1/timelines/home", status=503, count=None)
    set_language("en")
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "The server has a problem" in screen_text(app)
        await choose(pilot, "简体")
        text = screen_text(app)
        assert "The server has a problem" not in text
        assert "主页时间线" in text and "服务器出现问题" in text, text
