"""y copies a post's link, v opens it in the browser, T translates it and back."""

from __future__ import annotations

import webbrowser

import pytest

from tests.ui.conftest import SIZE, error_notes, main_screen, settle
from tootui.ui.app import TootuiApp


async def test_y_copies_the_post_url(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        target = main_screen(app).timeline.statuses[0]
        assert target.url
        await pilot.press("y")
        await settle(pilot)
        # What App.copy_to_clipboard sent to the terminal (OSC 52) and kept.
        assert app.clipboard == target.url


async def test_v_opens_the_post_in_the_browser(
    app: TootuiApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    def fake_open(url: str, new: int = 0, autoraise: bool = True) -> bool:
        opened.append(url)
        return True

    # The one stand-in: a real browser cannot run in a test.
    monkeypatch.setattr(webbrowser, "open", fake_open)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        target = main_screen(app).timeline.statuses[1]
        await pilot.press("v")
        await settle(pilot)
        assert opened == [target.url]


async def test_t_translates_through_the_server_and_back(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main_screen(app).timeline
        before = timeline.lines_of(0)
        await pilot.press("T")
        await settle(pilot)
        assert not error_notes(app)
        translated = "\n".join(timeline.lines_of(0))
        # The demo server marks its "translation" with the language pair.
        assert "→" in translated
        assert "Translated from" in translated
        await pilot.press("T")
        await settle(pilot)
        assert timeline.lines_of(0) == before


@pytest.mark.parametrize("url", ["file:///etc/passwd", "--new-window=https://evil.example",
                                 "javascript:alert(1)", "https://evil.example/\x1b[2J"])
async def test_a_link_that_is_not_a_web_link_is_never_handed_to_the_browser(
    app: TootuiApp, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    opened: list[str] = []

    def fake_open(url: str, new: int = 0, autoraise: bool = True) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        # Every browser launch (a link from `o`, `v` on a post) goes through this gate.
        main_screen(app)._launch_browser(url)
        await settle(pilot)
        assert opened == []
        assert any("is not a web link" in n.message and "\x1b" not in n.message
                   for n in app._notifications)
