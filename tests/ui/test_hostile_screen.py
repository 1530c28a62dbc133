"""A hostile server's text on the real screen: shown as written, never acting.

The render tests (tests/render/test_hostile.py) check each field's `Text`; this
checks what the app draws from them and from the strings that never go
through `render`: the compose title, toasts and dialog questions, whose
widgets would read `[...]` as Textual markup (and crash on `[/b]`).
"""

from __future__ import annotations

import io
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.pilot import Pilot

from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.render import safe_url
from tootui.ui.app import TootuiApp, create_app
from tootui.ui.confirm import ConfirmScreen
from tootui.ui.poll_vote import PollScreen

# Markup that crashes a widget reading it as markup ([/b] closes nothing), or
# turns into a link or colour; escape sequences that would act on the terminal.
MARKUP = "[/b][link=https://evil.example]x[/link][red]"
ESCAPES = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\x9b31m\x1b]0;title\x07\u202e"
USERNAME = "mallory[/b][red]"
ACCT = f"{USERNAME}@evil.example"


def _hostile_status() -> dict[str, Any]:
    return {
        "created_at": "2099-01-01T00:00:00.000Z",  # newer than the sample: on top
        "content": f"<p>{MARKUP} body {ESCAPES} <a href=\"https://evil.example/a[/b]\">"
                   f"[/b]see {ESCAPES}</a> <a href=\"javascript:alert(1)\">js</a></p>",
        "spoiler_text": "",
        "media_attachments": [{"type": "image", "url": "javascript:alert(1)",
                               "description": f"alt {MARKUP} {ESCAPES}"}],
        "poll": {
            "id": "1", "expires_at": "2099-01-02T00:00:00.000Z", "expired": False,
            "multiple": False, "votes_count": 0, "voters_count": 0, "voted": False,
            "own_votes": [], "emojis": [],
            "options": [{"title": f"yes {MARKUP}", "votes_count": 0},
                        {"title": f"no {ESCAPES}", "votes_count": 0}],
        },
        "account": {
            "username": USERNAME,
            "acct": ACCT,
            "display_name": f"{MARKUP}{ESCAPES}Mallory",
            "url": f"https://evil.example/@{USERNAME}",
        },
    }


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[DemoServer]:
    seed = tmp_path / "hostile.json"
    seed.write_text(json.dumps([_hostile_status()]), "utf-8")
    with DemoServer(tmp_path / "demo", seed_file=seed) as server:
        yield server


@pytest.fixture
def app(client: MastodonClient) -> TootuiApp:
    # The account label is the server's acct too: it goes to the header's title.
    return create_app(client, account_label=f"demo@{MARKUP}{ESCAPES}")


def _assert_frame_is_inert(app: TootuiApp) -> None:
    """Every character drawn is printable; every hyperlink is a validated URL."""
    console = Console(width=SIZE[0], height=SIZE[1], file=io.StringIO(), force_terminal=True,
                      color_system="truecolor")
    update = app.screen._compositor.render_update(full=True)
    for segment in console.render(update):
        if segment.control:
            continue  # Textual's own cursor moves
        for char in segment.text:
            assert char == "\n" or unicodedata.category(char) not in ("Cc", "Cf"), \
                repr(segment.text)
        link = segment.style.link if segment.style else None
        assert link is None or safe_url(link) == link, link


async def _top(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    screen = main_screen(pilot.app)  # type: ignore[arg-type]
    screen.timeline.focus()
    await pilot.press("home")
    top = screen.timeline.selected_status
    assert top is not None and top.account.username == USERNAME


async def test_the_timeline_and_title_draw_hostile_text_inertly(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await _top(pilot)
        _assert_frame_is_inert(app)
        screen = app.screen
        text = screen_text(app)
        assert f"{MARKUP}Mallor" in text  # the name, cut to fit, as written
        assert f"{MARKUP} body" in text
        assert f"demo@{MARKUP}" in text  # the header's title
        await pilot.press("enter")  # the thread pane
        await settle(pilot)
        assert f"{MARKUP} body" in screen_text(app).split("Thread", 1)[1]
        _assert_frame_is_inert(app)
        for key in ("i", "o", "m"):  # the details, links and media dialogs
            await pilot.press(key)
            await settle(pilot)
            assert app.screen is not screen
            _assert_frame_is_inert(app)
            if key == "m":
                assert f"alt {MARKUP}" in screen_text(app)
            await pilot.press("escape")
            await settle(pilot)


async def test_replying_shows_the_handle_as_written(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await _top(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert "Reply to @" + ACCT in screen_text(app)
        _assert_frame_is_inert(app)


async def test_copying_the_link_shows_it_as_written(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _top(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert any(n.message.startswith("Link copied: http://") and f"/@{USERNAME}/" in n.message
                   for n in app._notifications)
        await pilot.pause()
        _assert_frame_is_inert(app)


async def test_mute_and_block_name_the_handle_as_written(
        app: TootuiApp, server_view: MastodonClient) -> None:
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _top(pilot)
        await pilot.press("M")
        await settle(pilot)
        assert any("@" + ACCT in n.message for n in app._notifications)
        await pilot.press("X")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "@" + ACCT in screen_text(app)
        _assert_frame_is_inert(app)


async def test_poll_options_are_offered_as_written(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await _top(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PollScreen)
        assert f"yes {MARKUP}" in screen_text(app)
        _assert_frame_is_inert(app)


async def test_a_refusal_s_reason_is_shown_as_written(
        app: TootuiApp, demo_server: DemoServer, server_view: MastodonClient) -> None:
    reason = f"Validation failed: {MARKUP}"
    demo_server.faults.add("/api/v1/statuses", status=422, error=reason)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("c", *"refused", "ctrl+s")
        await settle(pilot)
        assert any(reason in n.message for n in app._notifications)
        assert main_screen(app).compose_pane.is_open  # kept for another try
        _assert_frame_is_inert(app)
    assert "refused" not in [s.content_html for s in server_view.timeline("home").items]
