"""o lists links, m lists media with alt text, p votes in polls, i shows details and edits."""

from __future__ import annotations

import webbrowser
from typing import Any

import pytest

from tests.ui.cached import record_requests
from tests.ui.conftest import SIZE, error_notes, main_screen, screen_text, settle
from tests.ui.timelines import call as api
from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.models import Status
from tootui.ui.app import TootuiApp
from tootui.ui.choice_list import ChoiceScreen
from tootui.ui.media_view import MediaScreen
from tootui.ui.poll_vote import PollScreen
from tootui.ui.post_details import DetailsScreen

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf0000000301010018dd8db0000000"
    "0049454e44ae426082"
)


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """URLs handed to the browser (the one stand-in: no real browser in a test)."""
    opened: list[str] = []

    def fake_open(url: str, new: int = 0, autoraise: bool = True) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    return opened


async def test_o_lists_links_and_opens_the_chosen_one(
    app: TootuiApp, server_view: MastodonClient, browser: list[str]
) -> None:
    server_view.post_status("read https://example.com/article and #NeoDB")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        shown = screen_text(app)
        assert "example.com/article" in shown
        assert "NeoDB" in shown
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceScreen)
        assert browser == ["https://example.com/article"]


async def test_o_on_a_hashtag_opens_its_tab_not_the_web_page(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient, browser: list[str]
) -> None:
    status = server_view.post_status("all about #NeoDB")
    seen = record_requests(demo_server)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert "NeoDB" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.current_view.timeline_name == "tag:NeoDB"
        assert status.id in [s.id for s in screen.timeline.statuses]
        assert "#NeoDB" in screen_text(app)
        assert "/api/v1/timelines/tag/NeoDB" in seen
        assert browser == []


async def test_m_lists_media_with_alt_text_and_missing_alt(
    demo_server: DemoServer, app: TootuiApp, browser: list[str]
) -> None:
    described = api(demo_server, "POST", "/api/v2/media",
                    files={"file": ("cat.png", PNG, "image/png")},
                    data={"description": "a cat on a mat"})
    bare = api(demo_server, "POST", "/api/v2/media",
               files={"file": ("dog.png", PNG, "image/png")})
    api(demo_server, "POST", "/api/v1/statuses",
        data={"status": "two pictures", "media_ids[]": [described["id"], bare["id"]]})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        shown = screen_text(app)
        assert "a cat on a mat" in shown
        assert "[no alt text]" in shown
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MediaScreen)
        assert "[no alt text]" in screen_text(app)
        assert browser == []
        await pilot.press("o")
        await settle(pilot)
        assert browser == [bare["url"]]


async def test_p_votes_single_choice(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient
) -> None:
    # Someone the demo user follows: the author of a poll counts as having voted.
    posted = api(demo_server, "POST", "/api/v1/statuses", user="yuzu", data={
        "status": "tea or coffee?", "poll[options][]": ["tea", "coffee"],
        "poll[expires_in]": "3600"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PollScreen)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert not error_notes(app)
        poll = server_view.status(posted["id"]).poll
        assert poll is not None and poll.voted and poll.own_votes == (1,)
        shown: Status = main_screen(app).timeline.statuses[0]
        assert shown.poll is not None and shown.poll.own_votes == (1,)
        assert "◉ coffee" in "\n".join(main_screen(app).timeline.lines_of(0))
        await pilot.press("p")
        await settle(pilot)
        assert not isinstance(app.screen, PollScreen)  # one vote only


def _fruit_poll(demo_server: DemoServer) -> dict[str, Any]:
    """A multiple-choice poll on top of home, by someone the demo user follows (its
    author counts as having voted)."""
    posted: dict[str, Any] = api(demo_server, "POST", "/api/v1/statuses", user="yuzu", data={
        "status": "which fruits?", "poll[options][]": ["apple", "pear", "plum"],
        "poll[expires_in]": "3600", "poll[multiple]": "true"})
    return posted


async def test_p_votes_multiple_choices(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient
) -> None:
    posted = _fruit_poll(demo_server)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("space", "down", "down", "space", "ctrl+s")
        await settle(pilot)
        poll = server_view.status(posted["id"]).poll
        assert poll is not None and poll.own_votes == (0, 2)
        lines = "\n".join(main_screen(app).timeline.lines_of(0))
        assert "☑ apple" in lines and "☐ pear" in lines and "☑ plum" in lines


async def test_the_vote_hints_show_the_keys_as_remapped(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient
) -> None:
    posted = _fruit_poll(demo_server)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert "enter: choose · ctrl+s: vote · esc: cancel" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        app.set_keymap({"dialog.choose": "l", "dialog.submit": "ctrl+y"})
        await pilot.press("p")
        await settle(pilot)
        assert "l: choose · ctrl+y: vote · esc: cancel" in screen_text(app)
        # The keys the hint names are the ones that work.
        await pilot.press("l", "down", "l", "ctrl+y")
        await settle(pilot)
        poll = server_view.status(posted["id"]).poll
        assert poll is not None and poll.own_votes == (0, 1)


async def test_i_shows_exact_time_and_edit_history(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    status = server_view.post_status("first words")
    server_view.edit_status(status.id, "second words")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main_screen(app).timeline
        assert timeline.statuses[0].edited_at is not None
        assert "edited" in timeline.lines_of(0)[-2]
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
        shown = screen_text(app)
        assert "Posted:" in shown and "Edited:" in shown
        assert str(status.created_at.astimezone().year) in shown  # type: ignore[union-attr]
        assert "Edit history" in shown
        assert shown.index("second words") < shown.index("first words")
        await pilot.press("escape")
        assert not isinstance(app.screen, DetailsScreen)


async def test_ctrl_b_boosts_with_the_chosen_visibility(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        target = main_screen(app).timeline.statuses[0]
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert "Followers only" in screen_text(app)
        assert "Private mention" not in screen_text(app)
        await pilot.press("down", "down", "enter")  # public, quiet public, followers only
        await settle(pilot)
        assert server_view.status(target.id).reblogged
        assert main_screen(app).timeline.statuses[0].reblogged
    import sqlite3

    with sqlite3.connect(demo_server.db_path) as db:
        (visibility,) = db.execute(
            "SELECT visibility FROM statuses WHERE reblog_of_id=?", (int(target.id),)).fetchone()
    assert visibility == "private"
