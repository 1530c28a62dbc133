"""The compose counter counts as the server does: one per character, CJK included."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from textual.events import Paste

from tests.ui.conftest import screen_text, settle
from tootui.client.api import MastodonClient
from tootui.client.oauth import demo_login
from tootui.i18n import set_language
from tootui.post_length import post_length
from tootui.ui.app import create_app

if TYPE_CHECKING:
    from tootui.demo.server import DemoServer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("hi", 2),
        ("你好", 2),  # two characters, though four terminal cells
        ("今天的鲑鱼卵🍣真好吃", 10),
        ("柚子酱说：好！", 7),  # full-width punctuation is one character too
        ("see https://example.social/a/very/long/path/that/goes/on/and/on", 4 + 23),
        ("看 https://例子.cn/页面 吧", 2 + 23 + 2),
        ("@yuzu@example.social 你好", len("@yuzu 你好")),
        ("@yuzu 你好", len("@yuzu 你好")),
        ("mail me: a@b.example", len("mail me: a@b.example")),
    ],
)
def test_post_length(text: str, expected: int) -> None:
    assert post_length(text) == expected


def test_the_content_warning_counts_too() -> None:
    assert post_length("正文", "剧透") == 4


def test_a_url_counts_as_the_instance_says() -> None:
    assert post_length("https://example.social/x", url_length=30) == 30


@pytest.fixture
def client(demo_server: DemoServer) -> Iterator[MastodonClient]:
    with MastodonClient(demo_server.url, demo_login(demo_server.url)) as client:
        yield client


async def test_counter_at_the_server_s_limit_in_chinese(client: MastodonClient) -> None:
    """Exactly the limit in Chinese characters is sent; one more is refused by the server."""
    limit = client.instance().max_characters
    set_language("zh_CN")
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("c")
        pane = app.main_screen.compose_pane
        assert pane.max_characters == limit  # read from the instance after the first paint
        await pilot.press(*"你好")
        assert f"2/{limit:,} 字" in screen_text(app)
        app.post_message(Paste("好" * (limit - 3)))
        await pilot.pause()
        assert f"{limit - 1:,}/{limit:,} 字" in screen_text(app)
        await pilot.press("end", "backspace", "吗")
        # Pilot has no key for full-width punctuation: it arrives as a paste.
        app.post_message(Paste("？"))
        await pilot.pause()
        assert f"{limit:,}/{limit:,} 字" in screen_text(app)
        assert not pane.query_one("#compose-counter").has_class("-over")
        await pilot.press("!")
        assert pane.query_one("#compose-counter").has_class("-over")
        await pilot.press("ctrl+s")
        await settle(pilot)
        # One character too many is refused before it is sent, in Chinese.
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert any("字" in w for w in warnings), warnings
        assert pane.is_open and pane.text_area.text.endswith("吗？!")  # the draft is kept
        await pilot.press("backspace", "ctrl+s")
        await settle(pilot)
        assert not pane.is_open
        newest = client.timeline("home").items[0]
        assert newest.content_html.count("好") == limit - 3
