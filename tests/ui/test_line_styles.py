"""Lines drawn in one style of their own (a notification's action line, the counts
under a post, "… more lines") keep it on screen, read or new."""

from __future__ import annotations

from pathlib import Path

from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.geometry import Region

import tootui.ui
from tests.ui.conftest import SIZE, settle
from tests.ui.test_notifications_tab import _make_notifications, _open_notifications
from tests.ui.test_status_list import make_status
from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.models import Status
from tootui.ui.app import TootuiApp
from tootui.ui.notifications_view import NEW_MARK
from tootui.ui.status_lines import make_renderer
from tootui.ui.status_list import StatusList


def _segments_of(widget: StatusList, needle: str) -> list[Segment]:
    """The painted segments of the first line on screen holding `needle`."""
    size = widget.size
    for strip in widget.render_lines(Region(0, 0, size.width, size.height)):
        if needle in strip.text:
            return [s for s in strip if s.text.strip()]
    raise AssertionError(f"{needle!r} is not on screen")


def _faint(style: Style, than: Style) -> bool:
    """Drawn fainter than `than` (Textual paints dim as a blended colour)."""
    if style.dim:
        return True
    assert style.color is not None and than.color is not None
    return sum(style.color.get_truecolor()) < sum(than.color.get_truecolor())


def _styles_of(segments: list[Segment], *words: str) -> list[Style]:
    found = [s.style or Style() for s in segments if any(w in s.text for w in words)]
    assert found, words
    return found


async def test_a_new_notifications_action_line_is_dim_with_a_bold_mark(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient,
) -> None:
    _make_notifications(demo_server, server_view)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = await _open_notifications(app, pilot)
        line = _segments_of(view.statuses, "favourited your post")
        assert all(style.bold for style in _styles_of(line, NEW_MARK))
        post = _styles_of(_segments_of(view.statuses, "my first post"), "first")[0]
        assert all(_faint(style, post) for style in _styles_of(line, "favourited", "others"))


async def test_a_read_notifications_action_line_is_dim(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient,
) -> None:
    _make_notifications(demo_server, server_view)
    newest = server_view.notifications().items[0]
    server_view.save_markers({"notifications": newest.newest_id or newest.id})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = await _open_notifications(app, pilot)
        for needle in ("followed you", "favourited your post"):
            line = _segments_of(view.statuses, needle)
            assert not any(NEW_MARK in s.text for s in line)
            post = _styles_of(_segments_of(view.statuses, "my first post"), "first")[0]
            assert all(_faint(style, post) for style in _styles_of(line, "you", "others"))


class _CollapsingApp(App[None]):
    CSS_PATH = str(Path(tootui.ui.__file__).with_name("app.tcss"))

    def compose(self) -> ComposeResult:
        yield StatusList(make_renderer(None), collapse_after=3)


async def test_counts_and_more_lines_take_their_component_styles() -> None:
    short = make_status(2)
    words = " ".join(f"word{k}" for k in range(400))
    long_one = Status(id="9", account=short.account, created_at=short.created_at,
                      content_html=f"<p>{words}</p>")
    app = _CollapsingApp()
    async with app.run_test(size=(60, 30)) as pilot:
        widget = app.query_one(StatusList)
        widget.set_statuses([short, long_one])
        await pilot.pause()
        meta = widget.get_component_rich_style("status-list--meta")
        more = widget.get_component_rich_style("status-list--more")
        assert meta.color is not None and more.italic
        for style in _styles_of(_segments_of(widget, "↩ 0"), "↩", "★"):
            assert style.color == meta.color
        for style in _styles_of(_segments_of(widget, "more lines"), "more"):
            assert style.color == more.color and style.italic
