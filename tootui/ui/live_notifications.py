"""The notifications tab kept live, and its read marker.

`LiveNotifications` reads the `user:notification` stream. A notification
joins its group's row on the client, by the `group_key` Mastodon 4.3+ puts
on every notification (the stream's too), rather than asking the grouped API
for the group again: the stream already says all that changed, so a burst of
favourites costs no request. The grown row moves to the top, above the
reader, and counts as "N new" until the reader goes up to it. After a
reconnection the stream catches up from the newest notification shown.

`NotificationsMarker` keeps the server's `notifications` marker at the newest
notification the reader has seen (the selected row, the top one when the tab
is shown), saved a moment after the reader stops and on quit; it only ever
moves forward, as Mastodon's web UI moves it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tootui.client.stream_events import NotificationArrived, StreamEvent
from tootui.models import Status, id_sort_key
from tootui.ui.live_updates import LiveUpdates
from tootui.ui.read_position import SAVE_AFTER_S, ReadPosition

if TYPE_CHECKING:
    from textual.widget import Widget

    from tootui.client.protocol import Client
    from tootui.ui.notifications_view import NotificationsView

log = logging.getLogger(__name__)


class LiveNotifications(LiveUpdates):
    """New notifications on top of the notifications tab, merged into their groups."""

    def __init__(self, owner: Widget, client: Client, view: NotificationsView, *,
                 on_change: Callable[[], object] = lambda: None) -> None:
        super().__init__(owner, client, "notifications", view.statuses, on_change=on_change)
        self._view = view

    def loaded(self, statuses: Sequence[Status]) -> Sequence[Status]:
        """The tab was (re)loaded: rows that arrived live and are newer than the page
        stay on top; catching up starts after the newest notification shown."""
        view = self._view
        ids = [i for i in map(view.newest_id, statuses) if i is not None]
        newest = max(ids, key=id_sort_key) if ids else None
        if self._stream is not None and newest is not None:
            self._stream.seen(newest)
        if newest is None:
            return statuses
        shown = {s.id for s in statuses}
        kept = [s for s in self._pane.statuses
                if s.id in self._arrived and s.id not in shown
                and id_sort_key(view.newest_id(s) or "0") > id_sort_key(newest)]
        return [*kept, *statuses]

    def _apply(self, events: Sequence[StreamEvent]) -> None:
        arrived = [e.notification for e in events if isinstance(e, NotificationArrived)]
        if not arrived:
            return
        replaced, rows = self._view.take_live(arrived)
        for row_id in replaced:
            self._pane.remove_status(row_id)
        if rows:
            self._insert_at(0, rows)


class NotificationsMarker(ReadPosition):
    """The `notifications` marker: the newest notification seen, only ever forward."""

    def __init__(self, owner: Widget, client: Client, view: NotificationsView, *,
                 on_change: Callable[[], object] = lambda: None) -> None:
        super().__init__(owner, client, "notifications", view.statuses,
                         marker_of=lambda row: view.newest_id(row) or "")
        self._view = view
        self._on_change = on_change
        self._known = False  # the server's marker has been read (saving waits for it)

    def _marker_found(self, last_read_id: str | None) -> None:
        self._known = True
        self.saved = last_read_id
        self._view.marker_found(last_read_id)
        if self._pending is not None and _newer(self._pending, last_read_id):
            self._view.read_up_to = self._pending
            self._schedule()
        else:
            self._pending = None  # seen before the answer, and older than it
        self._on_change()

    def resume(self, statuses: Sequence[Status], selected: int) -> int:
        return selected  # the unread ones are marked; the reader starts at the top

    def seen_now(self) -> None:
        """The tab is on show: its selected row has been seen."""
        self._reader_moved(self._pane.selected)

    def _reader_moved(self, index: int) -> None:
        status = self._pane.selected_status
        seen = self._marker_of(status) if status is not None else ""
        if not seen or not _newer(seen, self._pending) or not _newer(seen, self.saved):
            return
        self._pending = seen
        if self._known:
            self._view.read_up_to = seen
            self._schedule()
            self._on_change()

    def _schedule(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._owner.set_timer(SAVE_AFTER_S, self._save_soon)

    async def close(self) -> None:
        pending = self._pending
        if not self._known or (pending is not None and not _newer(pending, self.saved)):
            # Never overwrite a marker we have not read, nor with an older position.
            self._pending = None
        await super().close()


def _newer(item_id: str, than: str | None) -> bool:
    return than is None or id_sort_key(item_id) > id_sort_key(than)
