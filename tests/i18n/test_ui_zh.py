"""The app under Simplified Chinese: what the screen says, and writing Chinese.

The real app over a real client and the demo instance, driven with Pilot; the
assertions read the screen as the user sees it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from rich.text import Text

from tests.ui.conftest import screen_text, settle
from tootui.client.api import MastodonClient
from tootui.client.oauth import demo_login
from tootui.i18n import _, set_language
from tootui.ui.app import TootuiApp, create_app
from tootui.ui.bindings import KEYS, SCOPE_TITLES, Scope
from tootui.ui.help import HelpScreen

if TYPE_CHECKING:
    from tootui.demo.server import DemoServer

SIZE = (80, 24)


@pytest.fixture
def client(demo_server: DemoServer) -> Iterator[MastodonClient]:
    with MastodonClient(demo_server.url, demo_login(demo_server.url)) as client:
        yield client


@pytest.fixture
def server_view(demo_server: DemoServer) -> Iterator[MastodonClient]:
    """A second client, only to read what the server holds."""
    with MastodonClient(demo_server.url, demo_server.create_token()) as client:
        yield client


@pytest.fixture
def zh_app(client: MastodonClient) -> TootuiApp:
    set_language("zh_CN")
    return create_app(client, account_label="demo@demo.invalid")


def cells(text: str) -> int:
    return Text(text).cell_len


async def test_main_screen_speaks_chinese(zh_app: TootuiApp) -> None:
    async with zh_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(zh_app)
        assert "主页" in text
        assert "嘟文串" in text
        assert "选中" in text  # the thread pane's hint
        assert "前" in text  # relative times: "3分钟前"
        assert "Home" not in text
        assert "Thread" not in text.split("\n")[1]


async def test_footer_speaks_chinese(zh_app: TootuiApp) -> None:
    async with zh_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        footer = screen_text(zh_app).rstrip("\n").splitlines()[-1]
        for word in ("回复", "喜欢", "转嘟", "书签"):
            assert word in footer, footer


async def test_help_screen_speaks_chinese_and_fits_80_columns(zh_app: TootuiApp) -> None:
    async with zh_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(zh_app.screen, HelpScreen)
        text = screen_text(zh_app)
        assert "快捷键" in text
        for scope in (Scope.APP, Scope.MAIN):
            assert _(SCOPE_TITLES[scope]) in text
        visible = [spec for spec in KEYS if spec.scope in (Scope.APP, Scope.MAIN)]
        for spec in visible:
            assert _(spec.description) in text, spec.id
        # Every description fits beside its keys, even at two cells a character.
        longest = max(cells(_(spec.description)) for spec in KEYS)
        assert longest <= 30
        for line in text.splitlines():
            assert cells(line) <= SIZE[0]


async def test_compose_title_and_chinese_text_reach_the_server(
    zh_app: TootuiApp, server_view: MastodonClient
) -> None:
    async with zh_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = zh_app.main_screen
        await pilot.press("c")
        assert "新嘟文" in screen_text(zh_app)
        area = screen.compose_pane.text_area
        start = area.cursor_screen_offset
        # (Pilot cannot type full-width punctuation such as "，": Textual's
        # test driver finds no character for its key name. It is pasted below.)
        await pilot.press(*"你好世界")
        assert area.text == "你好世界"
        assert area.cursor_location == (0, 4)  # one column per character...
        assert area.cursor_screen_offset.x == start.x + 8  # ...and two cells each
        # Move back over two wide characters and delete the one before them.
        await pilot.press("left", "left")
        assert area.cursor_screen_offset.x == start.x + 4
        await pilot.press("backspace")
        assert area.text == "你世界"
        assert area.cursor_location == (0, 1)
        # Type in the middle, then select a wide character and replace it.
        await pilot.press("们")
        await pilot.press("shift+right")
        assert area.selected_text == "世"
        await pilot.press("新")
        assert area.text == "你们新界"
        await pilot.press("end", "backspace", *"嘟文")
        assert area.text == "你们新嘟文"
        await pilot.press("ctrl+s")
        await settle(pilot)
        newest = server_view.timeline("home").items[0]
        assert "你们新嘟文" in newest.content_html
        assert "你们新嘟文" in screen_text(zh_app)


async def test_pasted_chinese_is_kept_whole(
    zh_app: TootuiApp, server_view: MastodonClient
) -> None:
    from textual.events import Paste

    pasted = "柚子酱说：今天的鲑鱼卵🍣真好吃\n第二行"
    async with zh_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        area = zh_app.main_screen.compose_pane.text_area
        zh_app.post_message(Paste(pasted))  # as the terminal driver delivers it
        await pilot.pause()
        assert area.text == pasted
        await pilot.press("ctrl+s")
        await settle(pilot)
        newest = server_view.timeline("home").items[0]
        assert "柚子酱说：今天的鲑鱼卵🍣真好吃" in newest.content_html


async def test_empty_compose_warns_in_chinese(zh_app: TootuiApp) -> None:
    async with zh_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("c", "ctrl+s")
        await pilot.pause()
        assert "请先写点内容。" in screen_text(zh_app)


async def test_a_server_error_is_reported_in_chinese(
    zh_app: TootuiApp, demo_server: DemoServer
) -> None:
    async with zh_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        demo_server.faults.add("/api/v1/statuses", status=503, count=None)
        await pilot.press("f")
        await settle(pilot)
        text = screen_text(zh_app)
        assert "服务器出现问题" in text, text
        assert "try again" not in text


async def test_the_thread_shows_when_its_post_was_written_in_chinese(
    zh_app: TootuiApp,
) -> None:
    from tootui.l10n import exact_time

    async with zh_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        selected = zh_app.main_screen.timeline.selected_status
        assert selected is not None
        focus = selected.original
        await pilot.press("t")
        await settle(pilot)
        written = exact_time(focus.created_at)
        assert "年" in written and "月" in written and "日" in written
        assert written in screen_text(zh_app)
