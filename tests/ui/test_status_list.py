"""The virtualised status list: 10,000 statuses cost only what is on screen."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from textual.app import App, ComposeResult

from tootui.models import Account, Context, Status
from tootui.render import RenderedStatus
from tootui.ui.height_index import HeightIndex
from tootui.ui.status_lines import make_renderer
from tootui.ui.status_list import StatusList
from tootui.ui.threads import reply_position, thread_rows

NOW = datetime.now(UTC)
LONG_AGO = datetime(2020, 6, 1, tzinfo=UTC)


def make_status(n: int, *, reply_to: str | None = None, boost_of: Status | None = None) -> Status:
    account = Account(id=str(n % 17), username=f"user{n % 17}", acct=f"user{n % 17}@example.org",
                      display_name=f"User {n % 17}")
    words = " ".join(f"word{k}" for k in range(n % 40))
    return Status(id=str(100_000 + n), account=account, created_at=NOW - timedelta(minutes=n),
                  content_html=f"<p>status number {n} {words}</p>", in_reply_to_id=reply_to,
                  reblog=boost_of)


class CountingRenderer:
    """The real renderer, counting how many statuses it was asked for."""

    def __init__(self) -> None:
        self.calls = 0
        self._render = make_renderer(None)

    def __call__(self, status: Status) -> RenderedStatus:
        self.calls += 1
        return self._render(status)


class ListApp(App[None]):
    def __init__(self, renderer: CountingRenderer) -> None:
        super().__init__()
        self.renderer = renderer

    def compose(self) -> ComposeResult:
        yield StatusList(self.renderer, id="list")


def visible_text(widget: StatusList) -> str:
    from textual.geometry import Region

    size = widget.size
    return "\n".join(strip.text for strip in widget.render_lines(Region(0, 0, size.width,
                                                                        size.height)))


async def test_ten_thousand_statuses_render_only_what_is_visible() -> None:
    renderer = CountingRenderer()
    app = ListApp(renderer)
    statuses = [make_status(n) for n in range(10_000)]
    async with app.run_test(size=(80, 30)) as pilot:
        widget = app.query_one(StatusList)
        widget.set_statuses(statuses)
        widget.focus()
        await pilot.pause()
        # 30 rows hold a handful of statuses; the margin adds a few more.
        assert 0 < widget.measured_count <= 12
        assert renderer.calls <= 12
        assert "status number 0 " in visible_text(widget)

        await pilot.press("j", "j", "j")
        assert widget.selected == 3
        await pilot.press("end")
        assert widget.selected == 9_999
        assert "status number 9999 " in visible_text(widget)
        assert "status number 0 " not in visible_text(widget)
        assert widget.measured_count <= 24
        assert renderer.calls <= 24

        await pilot.press("k")
        assert widget.selected == 9_998
        await pilot.press("home")
        assert widget.selected == 0
        assert "status number 0 " in visible_text(widget)
        assert widget.measured_count <= 30


async def test_selection_stays_in_view_while_paging() -> None:
    app = ListApp(CountingRenderer())
    async with app.run_test(size=(60, 20)) as pilot:
        widget = app.query_one(StatusList)
        widget.set_statuses([make_status(n) for n in range(300)])
        widget.focus()
        await pilot.pause()
        for _ in range(20):
            await pilot.press("pagedown")
            selected = widget.statuses[widget.selected]
            assert f"status number {int(selected.id) - 100_000} " in visible_text(widget)
        assert widget.selected > 20


async def test_update_in_place_and_insert_keep_the_reader_still() -> None:
    app = ListApp(CountingRenderer())
    statuses = [make_status(n) for n in range(50)]
    async with app.run_test(size=(60, 20)) as pilot:
        widget = app.query_one(StatusList)
        widget.set_statuses(statuses)
        await pilot.pause()
        widget.select(10)
        await pilot.pause()
        before = visible_text(widget)
        widget.insert(0, make_status(999))
        await pilot.pause()
        assert widget.statuses[widget.selected].id == statuses[10].id
        assert visible_text(widget) == before


        faved = replace(statuses[10], favourited=True, favourites_count=3)
        assert widget.update_status(faved) == 1
        assert "favourited" in widget.lines_of(widget.selected)[-2]
        assert "★ 3" in widget.lines_of(widget.selected)[-2]


async def test_posts_put_above_the_reader_never_move_the_screen() -> None:
    app = ListApp(CountingRenderer())
    # Years old, so that no "13 min" turns into "14 min" between two looks.
    statuses = [replace(make_status(n), created_at=LONG_AGO) for n in range(50)]
    async with app.run_test(size=(60, 20)) as pilot:
        widget = app.query_one(StatusList)
        widget.set_statuses(statuses)
        await pilot.pause()
        widget.select(3)
        await pilot.pause()
        before, row = visible_text(widget), widget.selected_row
        fresh = [replace(make_status(1000 + n), created_at=LONG_AGO) for n in range(30)]
        assert widget.insert_above(0, fresh) == 30
        await pilot.pause()
        assert widget.selected_status == statuses[3] and widget.selected_row == row
        assert visible_text(widget) == before
        assert widget.insert_above(0, fresh[:5]) == 0  # the list holds each status once
        # They were put there unmeasured; measuring them later still moves nothing.
        for index in range(30):
            widget.lines_of(index)
        await pilot.pause()
        assert visible_text(widget) == before
        # Nor does taking one out above the reader, nor the reader's own going.
        widget.remove_status(fresh[29].id)
        await pilot.pause()
        assert visible_text(widget) == before
        widget.remove_status(statuses[3].id)
        await pilot.pause()
        assert widget.selected_status == statuses[4] and widget.selected_row == row


async def test_a_boost_shows_its_booster_and_updates_with_its_original() -> None:
    app = ListApp(CountingRenderer())
    original = make_status(1)
    booster = Account(id="900", username="booster", acct="booster", display_name="Bo Oster")
    boost = Status(id="200000", account=booster, reblog=original, created_at=NOW)
    async with app.run_test(size=(60, 20)) as pilot:
        widget = app.query_one(StatusList)
        widget.set_statuses([boost])
        await pilot.pause()
        lines = widget.lines_of(0)
        assert "Bo Oster" in lines[0] and "boosted" in lines[0]
        assert "User 1" in lines[1]

        widget.update_status(replace(original, reblogged=True, reblogs_count=1))
        assert widget.statuses[0].id == boost.id
        assert widget.statuses[0].original.reblogged
        assert "boosted" in widget.lines_of(0)[-2]


def test_height_index_matches_plain_prefix_sums() -> None:
    rng = random.Random(7)
    heights = [rng.randint(0, 9) for _ in range(500)]
    index = HeightIndex(heights)
    for _ in range(300):
        i = rng.randrange(len(heights))
        heights[i] = rng.randint(0, 9)
        index.set(i, heights[i])
    offsets = [sum(heights[:i]) for i in range(len(heights) + 1)]
    assert index.total == offsets[-1]
    for i in range(len(heights)):
        assert index.offset(i) == offsets[i]
    for line in range(offsets[-1]):
        found = index.find(line)
        assert offsets[found] <= line < offsets[found + 1]
    assert index.find(offsets[-1]) == len(heights)


def test_thread_rows_and_reply_position() -> None:
    root = make_status(1)
    focus = make_status(2, reply_to=root.id)
    child = make_status(3, reply_to=focus.id)
    grandchild = make_status(4, reply_to=child.id)
    sibling = make_status(5, reply_to=focus.id)
    statuses, depths, selected = thread_rows(
        focus, Context(ancestors=(root,), descendants=(child, grandchild, sibling)))
    assert [s.id for s in statuses] == [root.id, focus.id, child.id, grandchild.id, sibling.id]
    assert depths == [0, 0, 1, 2, 1]
    assert selected == 1
    assert reply_position(statuses, depths, child.id) == (4, 2)
    assert reply_position(statuses, depths, focus.id) == (5, 1)
    assert reply_position(statuses, depths, "missing") is None
