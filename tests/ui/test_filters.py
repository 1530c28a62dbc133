"""Server-side filters: `warn` collapses a post behind the filter's title, `s`
reveals it; `hide` leaves it out; each only where the filter's context says."""

from __future__ import annotations

from typing import Any

from tests.demo.api import api_for
from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.ui.app import TootuiApp


def _filter(server: DemoServer, title: str, action: str, contexts: list[str],
            keyword: str) -> dict[str, Any]:
    response = api_for(server).post("/api/v2/filters", json={
        "title": title, "context": contexts, "filter_action": action,
        "keywords_attributes": [{"keyword": keyword, "whole_word": False}],
    })
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def _index_by(app: TootuiApp, acct: str) -> int:
    statuses = main_screen(app).timeline.statuses
    return next(i for i, s in enumerate(statuses) if s.account.acct == acct)


async def test_warn_collapses_behind_the_title_and_s_reveals(
    app: TootuiApp, demo_server: DemoServer, server_view: MastodonClient
) -> None:
    _filter(demo_server, "AI talk", "warn", ["home"], "chatGPT")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main_screen(app).timeline
        index = _index_by(app, "yezhiqiu")
        collapsed = "\n".join(timeline.lines_of(index))
        assert "Filtered: AI talk · press s to show" in collapsed
        assert "剩饭炒炒" not in collapsed
        await pilot.press(*["j"] * index)
        assert "Filtered: AI talk" in screen_text(app)
        assert "剩饭炒炒" not in screen_text(app)
        await pilot.press("s")
        revealed = "\n".join(timeline.lines_of(index))
        assert "剩饭炒炒还能吃——chatGPT" in revealed and "Filtered" not in revealed
        assert "剩饭炒炒还能吃" in screen_text(app)
        await pilot.press("s")
        assert "Filtered: AI talk" in "\n".join(timeline.lines_of(index))
        # The filter is for home only: the thread pane shows the post whole.
        await pilot.press("t")
        await settle(pilot)
        thread = main_screen(app).thread
        assert "剩饭炒炒还能吃" in "\n".join(thread.lines_of(thread.selected))
        # A favourite's answer need not list the filters: the post stays collapsed.
        assert timeline.has_focus
        await pilot.press("f")
        await settle(pilot)
        assert server_view.status(timeline.statuses[index].id).favourited
        assert "Filtered: AI talk" in "\n".join(timeline.lines_of(index))


async def test_hide_leaves_the_post_out_of_the_thread(
    app: TootuiApp, demo_server: DemoServer, server_view: MastodonClient
) -> None:
    # "打工" is only in yuzu's reply to lanlan; the filter is for threads only.
    _filter(demo_server, "work talk", "hide", ["thread"], "打工")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reply = main_screen(app).timeline.statuses[_index_by(app, "yuzu")]
        assert "打工打魔怔" in screen_text(app)  # home is not a thread
        parent_index = _index_by(app, "lanlan")
        parent = main_screen(app).timeline.statuses[parent_index]
        await pilot.press(*["j"] * parent_index, "t")
        await settle(pilot)
        # The server sent the reply, marked; the thread pane leaves it out.
        descendants = server_view.context(parent.id).descendants
        assert [s.id for s in descendants] == [reply.id]
        assert [r.action for r in descendants[0].filtered] == ["hide"]
        thread = main_screen(app).thread
        assert [s.id for s in thread.statuses] == [parent.id]


async def test_hide_in_home_leaves_the_posts_out_of_the_timeline(
    app: TootuiApp, demo_server: DemoServer
) -> None:
    _filter(demo_server, "squid", "hide", ["home"], "鱿")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        accounts = {s.account.acct for s in main_screen(app).timeline.statuses}
        assert accounts and {"juzi", "haitang"}.isdisjoint(accounts)
        assert "鱿" not in screen_text(app)


async def test_blur_hides_the_media_until_s(app: TootuiApp, demo_server: DemoServer) -> None:
    _filter(demo_server, "stationery", "blur", ["home"], "hobo")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main_screen(app).timeline
        index = _index_by(app, "mianhua")
        lines = "\n".join(timeline.lines_of(index))
        assert "hobo weeks" in lines  # the text stays: only the media is blurred
        assert "1 sensitive attachment hidden" in lines
        assert "Image: 使用例图cr logo" not in lines  # the attachment's line, alt text and all
        await pilot.press(*["j"] * index, "s")
        assert "Image: 使用例图cr logo" in "\n".join(timeline.lines_of(index))
