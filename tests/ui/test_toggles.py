"""f, b and B switch favourite, boost and bookmark on the server and on screen."""

from __future__ import annotations

import pytest

from tests.ui.conftest import SIZE, main_screen, settle
from tootui.client.api import MastodonClient
from tootui.models import Status
from tootui.ui.app import TootuiApp

CASES = [
    ("f", "favourited", "favourites_count"),
    ("b", "reblogged", "reblogs_count"),
    ("B", "bookmarked", None),
]
MARKERS = {"favourited": "favourited", "reblogged": "boosted", "bookmarked": "bookmarked"}


@pytest.mark.parametrize(("key", "flag", "counter"), CASES)
async def test_key_toggles_on_the_server_and_on_screen(
    app: TootuiApp, server_view: MastodonClient, key: str, flag: str, counter: str | None
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main_screen(app).timeline
        await pilot.press("j")
        target = timeline.statuses[1]
        assert not getattr(server_view.status(target.id), flag)

        await pilot.press(key)
        await settle(pilot)
        on_server = server_view.status(target.id)
        assert getattr(on_server, flag)
        shown: Status = timeline.statuses[1]
        assert getattr(shown, flag)
        meta = timeline.lines_of(1)[-2]
        assert MARKERS[flag] in meta
        if counter is not None:
            assert getattr(on_server, counter) == getattr(target, counter) + 1
            assert f" {getattr(on_server, counter)}" in meta

        await pilot.press(key)
        await settle(pilot)
        assert not getattr(server_view.status(target.id), flag)
        assert MARKERS[flag] not in timeline.lines_of(1)[-2]


async def test_toggles_act_on_the_thread_pane_when_it_has_focus(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab", "k", "f")
        await settle(pilot)
        parent = screen.thread.statuses[0]
        assert server_view.status(parent.id).favourited
        assert not server_view.status(screen.timeline.statuses[0].id).favourited
        # The same status in the timeline shows the new state too.
        index = [s.id for s in screen.timeline.statuses].index(parent.id)
        assert screen.timeline.statuses[index].favourited
