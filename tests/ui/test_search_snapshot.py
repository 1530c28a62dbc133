"""A snapshot of the search screen at 80x24, with what the demo instance found.

The screen is shown over an empty host app with tootui's stylesheet, so the
snapshot changes only when the search screen does. Review the SVG when it
changes (`pytest tests/ui/test_search_snapshot.py --snapshot-update`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from tests.ui.test_dialog_snapshots import Host
from tootui.client.api import MastodonClient
from tootui.i18n import set_language
from tootui.ui.search_screen import SearchScreen

SIZE = (80, 24)
Compare = Callable[..., bool]


async def _search_neo(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.press(*"neo", "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_search_results(snap_compare: Compare, client: MastodonClient) -> None:
    set_language("en")
    assert snap_compare(Host(SearchScreen(client)), terminal_size=SIZE, run_before=_search_neo)
