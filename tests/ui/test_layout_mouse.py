"""The panes fit 80x24 (stacked) and spread out on wide terminals; the mouse
selects, scrolls and opens posts."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

from tests.ui.conftest import main_screen, settle
from tootui.ui.app import TootuiApp
from tootui.ui.main_screen import MainScreen
from tootui.ui.status_list import StatusList


def _regions(app: TootuiApp):  # type: ignore[no-untyped-def]
    screen = main_screen(app)
    return (screen.timeline.region, screen.thread.region, screen.compose_pane.region,
            screen.query_one(Footer).region)


async def test_wide_terminal_three_panes_side_by_side(app: TootuiApp) -> None:
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        await pilot.press("t", "c")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.has_class("-wide")
        timeline, thread, compose, footer = _regions(app)
        # The timeline sits under its one-line tab bar.
        assert timeline.y - 1 == thread.y == compose.y == 1
        assert timeline.right <= thread.x and thread.right <= compose.x
        assert compose.right == 200 and min(r.width for r in (timeline, thread, compose)) >= 50
        assert compose.bottom <= footer.y and timeline.height >= 40


async def test_80x24_stacks_the_panes_and_everything_fits(app: TootuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.has_class("-narrow")
        timeline, thread, _compose, footer = _regions(app)
        assert timeline.width == thread.width == 80
        assert timeline.bottom <= thread.y and thread.bottom <= footer.y
        assert timeline.height >= 10 and thread.height >= 6
        await pilot.press("t", "c")
        await settle(pilot)
        timeline, thread, compose, footer = _regions(app)
        assert thread.bottom <= compose.y and compose.bottom <= footer.y
        assert min(timeline.height, thread.height) >= 5 and compose.height >= 8


async def test_resizing_moves_between_layouts(app: TootuiApp) -> None:
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.has_class("-wide")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert screen.has_class("-medium") and not screen.has_class("-wide")
        timeline, thread, _compose, _footer = _regions(app)
        assert timeline.y - 1 == thread.y and timeline.right <= thread.x
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.has_class("-narrow")


def _row_of(pane: StatusList, index: int) -> int:
    """The content row (inside the border) where status `index` starts."""
    return pane._layout.offset(index) - int(pane.scroll_y)


async def test_click_selects_double_click_opens_wheel_scrolls(app: TootuiApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen: MainScreen = main_screen(app)
        timeline = screen.timeline
        assert timeline.selected == 0
        # +1: the border; +2: a line into the post, past its header.
        y = _row_of(timeline, 2) + 1 + 2
        assert await pilot.click("#timeline", offset=(10, y))
        assert timeline.selected == 2
        assert not screen.thread.statuses  # a single click only selects
        await pilot.double_click("#timeline", offset=(10, y))
        await settle(pilot)
        opened = timeline.statuses[2]
        assert screen.thread.selected_status is not None
        assert screen.thread.selected_status.id == opened.id
        before = timeline.scroll_y
        await pilot._post_mouse_events([events.MouseScrollDown], "#timeline", offset=(10, 5))
        await pilot._post_mouse_events([events.MouseScrollDown], "#timeline", offset=(10, 5))
        await pilot.pause()
        assert timeline.scroll_y > before
        assert timeline.selected == 2  # scrolling moves the view, not the selection
