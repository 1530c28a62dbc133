"""The home timeline on the demo instance: what is shown, and moving through it."""

from __future__ import annotations

from typing import Any

from tests.ui.conftest import SIZE, error_notes, main_screen, screen_text, settle
from tootui.ui.app import TootuiApp


def _expected_authors(sample: dict[str, Any]) -> list[tuple[str, str]]:
    names = {author["username"]: author["display_name"] for author in sample["authors"]}
    statuses = sorted(sample["statuses"], key=lambda status: status["minutes_ago"])
    return [(names[status["author"]], status["author"]) for status in statuses]


async def test_nine_posts_newest_first_with_their_authors(
    app: TootuiApp, sample: dict[str, Any]
) -> None:
    expected = _expected_authors(sample)
    assert len(expected) == 9
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main_screen(app).timeline
        assert [(s.account.display_name, s.account.acct) for s in timeline.statuses] == expected
        for index, (name, handle) in enumerate(expected):
            if index:
                await pilot.press("j")
            assert timeline.selected == index
            text = screen_text(app)
            assert name in text, f"post {index + 1}'s author is not on screen"
            assert f"@{handle}" in text
        assert "demo@demo.invalid" in screen_text(app)


async def test_first_screen_shows_text_time_and_counts(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "@lanlan 打工打魔怔了" in text
        assert "3 min" in text
        assert "↩ 1" in text  # the parent of post 1 has one reply


async def test_keys_move_the_selection(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main_screen(app).timeline
        await pilot.press("j", "j", "down")
        assert timeline.selected == 3
        handle = "@" + timeline.statuses[3].account.acct
        marked = [line for line in screen_text(app).splitlines() if "▌" in line]
        assert marked and handle in marked[0]
        await pilot.press("k", "up")
        assert timeline.selected == 1
        await pilot.press("end")
        assert timeline.selected == 8
        last = timeline.statuses[8].account.display_name
        assert last in screen_text(app)
        await pilot.press("home")
        assert timeline.selected == 0
        await pilot.press("pagedown")
        assert timeline.selected > 0
        await pilot.press("pageup")
        assert timeline.selected == 0
        await pilot.press("k")
        assert timeline.selected == 0


async def test_opening_post_1_shows_its_parent_above_it(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        post1 = screen.timeline.statuses[0]
        await pilot.press("enter")
        await settle(pilot)
        thread = screen.thread
        assert [s.account.acct for s in thread.statuses] == ["lanlan", "yuzu"]
        assert thread.statuses[1].id == post1.id
        assert thread.statuses[0].id == post1.in_reply_to_id
        assert thread.selected == 1
        text = screen_text(app)
        assert "又加班到半夜" in text.split("Thread", 1)[1]


async def test_t_opens_a_thread_with_its_replies_below(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        parent = screen.timeline.statuses[1]
        assert parent.account.acct == "lanlan"
        await pilot.press("j", "t")
        await settle(pilot)
        thread = screen.thread
        assert [s.account.acct for s in thread.statuses] == ["lanlan", "yuzu"]
        assert list(thread.depths) == [0, 1]
        assert thread.selected == 0


async def test_tab_moves_focus_and_keys_follow_it(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.focused is screen.timeline
        await pilot.press("tab")
        assert screen.focused is screen.thread
        await pilot.press("k")
        assert screen.thread.selected == 0
        assert screen.timeline.selected == 0
        await pilot.press("shift+tab")
        assert screen.focused is screen.timeline
        await pilot.press("j")
        assert screen.timeline.selected == 1
        assert screen.thread.selected == 0



async def test_esc_in_the_thread_goes_back_to_the_timeline(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("j", "enter")
        await settle(pilot)
        await pilot.press("tab")
        assert screen.focused is screen.thread
        await pilot.press("escape")
        assert screen.focused is screen.timeline
        assert screen.timeline.selected == 1
        await pilot.press("escape")  # already there: nothing moves
        assert screen.focused is screen.timeline
        await pilot.press("j")
        assert screen.timeline.selected == 2

async def test_a_remapped_key_moves_the_selection(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.set_keymap({"status.down": "n"})
        await pilot.pause()
        timeline = main_screen(app).timeline
        await pilot.press("n", "n")
        assert timeline.selected == 2
        await pilot.press("j")
        assert timeline.selected == 2


async def test_a_failed_load_is_one_line_not_a_traceback(demo_server: Any, app: TootuiApp) -> None:
    demo_server.faults.add("/api/v1/timelines/home", status=404, count=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main_screen(app).timeline
        assert not timeline.statuses
        text = screen_text(app)
        assert "could not be loaded" in text
        assert "deleted or is not visible" in text  # the client's one-line reason
        assert "Traceback" not in text
        notes = error_notes(app)
        assert len(notes) == 1 and "\n" not in notes[0]
        assert app.is_running


async def test_a_long_post_is_collapsed_in_the_timeline_and_whole_in_its_thread(
    app: TootuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        timeline = screen.timeline
        index = next(i for i, s in enumerate(timeline.statuses) if s.account.acct == "yezhiqiu")
        collapsed = "\n".join(timeline.lines_of(index))
        assert "more lines" in collapsed
        assert "openai.com" not in collapsed
        timeline.select(index)
        await pilot.press("t")
        await settle(pilot)
        whole = "\n".join(screen.thread.lines_of(0))
        assert "more lines" not in whole
        assert "Ref:" in whole
        assert "openai.com/blog/chatgpt" in whole
        assert "-第一步" in whole
