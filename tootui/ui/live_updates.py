"""Live updates for one timeline pane: new posts above the reader, edits and
deletions in place, and the stream's state for the pane's title.

`LiveUpdates(owner, client, name, pane)` binds a timeline name ("home",
"local", "tag:NeoDB", "list:7", ...) to the `StatusList` that shows it; any
tab can hold one. New posts are inserted above the reader and counted as
"N new" until the reader moves up past them; they never move the selected
post or its screen row. The stream's events arrive on its own thread and are
coalesced: a burst lands as one insertion, `COALESCE_S` after its first post.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.timer import Timer
from textual.widget import Widget

from tootui.client.streaming import (
    NotificationArrived,
    StateChanged,
    StatusArrived,
    StatusEdited,
    StatusRemoved,
    StreamEvent,
    StreamState,
    can_stream,
)
from tootui.i18n import _, ngettext
from tootui.l10n import count
from tootui.models import Status, id_sort_key
from tootui.ui.status_list import StatusList
from tootui.ui.ui_thread import UiThread

if TYPE_CHECKING:
    from tootui.client.protocol import Client
    from tootui.client.streaming import LiveStream

COALESCE_S = 0.25
SETTLE_S = 15.0  # how long the going-live worker waits for the first outcome


class LiveUpdates:
    """Keeps `pane` live with timeline `name`; `start()` once mounted, `stop()` when done."""

    def __init__(self, owner: Widget, client: Client, name: str, pane: StatusList, *,
                 on_change: Callable[[], object] = lambda: None) -> None:
        self.name = name
        self._owner = owner
        self._client = client
        self._pane = pane
        self._on_change = on_change
        self._stream: LiveStream | None = None
        self._stopped = False
        self._ui: UiThread | None = None
        self._state = StreamState.CONNECTING
        # Filled on the stream's thread, drained on the UI's.
        self._inbox: list[StreamEvent] = []
        self._inbox_lock = threading.Lock()
        self._woken = False
        self._pending: list[StreamEvent] = []
        self._timer: Timer | None = None
        self._arrived: set[str] = set()  # ids this brought, still in the pane
        self._unseen: set[str] = set()  # of those, the ones above the reader

    @property
    def state(self) -> StreamState:
        return self._state

    @property
    def unseen(self) -> int:
        """How many new posts wait above the reader."""
        return len(self._unseen)

    def describe(self) -> str:
        """For the pane's title: "3 new · live", "reconnecting…", "polling"."""
        parts = []
        if self._unseen:
            parts.append(ngettext("{n} new", "{n} new", len(self._unseen)).format(
                n=count(len(self._unseen))))
        state = {
            # Translators: in a timeline's title, new posts arrive as they are written.
            StreamState.LIVE: _("live"),
            StreamState.RECONNECTING: _("reconnecting…"),
            # Translators: in a timeline's title, the server has no streaming, so new
            # posts are fetched every minute instead.
            StreamState.POLLING: _("polling"),
        }.get(self._state)
        if state:
            parts.append(state)
        return " · ".join(parts)

    def start(self) -> None:
        """Go live; a timeline without a stream (bookmarks, favourites…) stays as it is."""
        if self._stream is not None or not can_stream(self.name):
            return
        self._ui = UiThread()
        self._pane.moved.subscribe(self._pane, self._reader_moved, immediate=True)
        # No catching up from what the pane shows yet: the timeline's own load
        # (after which `loaded` is called) is newer than the cache it may show.
        self._stream = self._client.stream(self.name, self._received)
        self._owner.run_worker(self._go_live, name=f"live:{self.name}", group="live",
                               thread=True)

    def _go_live(self) -> None:
        # A worker, so that what waits for the app's startup work (tests, the
        # first paint's measurements) also waits for the stream's first outcome.
        if self._stream is not None:
            self._stream.start().wait_settled(SETTLE_S)

    def stop(self) -> None:
        self._stopped = True
        if self._stream is not None:
            self._stream.stop()
        if self._timer is not None:
            self._timer.stop()

    def loaded(self, statuses: Sequence[Status]) -> Sequence[Status]:
        """The timeline was (re)loaded with `statuses`: what the pane should show, with
        the posts that arrived live meanwhile kept on top. Catching up starts after it."""
        if self._stream is not None and statuses:
            self._stream.seen(max((s.id for s in statuses), key=id_sort_key))
        if not statuses:
            return statuses
        shown = {s.id for s in statuses}
        newest = id_sort_key(statuses[0].id)
        kept = [s for s in self._pane.statuses
                if s.id in self._arrived and s.id not in shown and id_sort_key(s.id) > newest]
        return [*kept, *statuses]

    # -- from the stream's thread ------------------------------------------

    def _received(self, event: StreamEvent) -> None:
        with self._inbox_lock:
            self._inbox.append(event)
            if self._woken:
                return
            self._woken = True
        if self._ui is not None:
            self._ui.call(self._wake)

    # -- on the UI thread ----------------------------------------------------

    def _wake(self) -> None:
        with self._inbox_lock:
            events, self._inbox = self._inbox, []
            self._woken = False
        if self._stopped:
            return
        for event in events:
            if isinstance(event, StateChanged):
                self._state = event.state  # shown at once; posts wait for the burst
            else:
                self._pending.append(event)
        if self._pending and self._timer is None:
            self._timer = self._owner.set_timer(COALESCE_S, self._flush)
        self._on_change()

    def _flush(self) -> None:
        self._timer = None
        if self._stopped:
            return
        events, self._pending = self._pending, []
        self._apply(events)
        self._recount()
        self._on_change()

    def _apply(self, events: Sequence[StreamEvent]) -> None:
        """Put a burst of events into the pane (a subclass may read them otherwise)."""
        pane = self._pane
        arrived: dict[str, Status] = {}
        for event in events:
            if isinstance(event, StatusArrived):
                arrived[event.status.id] = event.status
            elif isinstance(event, NotificationArrived):
                if event.notification.status is not None:
                    arrived[event.notification.status.id] = event.notification.status
            elif isinstance(event, StatusEdited):
                if event.status.id in arrived:
                    arrived[event.status.id] = event.status
                pane.update_status(event.status)
            elif isinstance(event, StatusRemoved):
                arrived.pop(event.status_id, None)
                pane.remove_status(event.status_id)
        if arrived:
            self._insert(sorted(arrived.values(), key=lambda s: id_sort_key(s.id), reverse=True))

    def _insert(self, newest_first: list[Status]) -> None:
        pane = self._pane
        top = id_sort_key(newest_first[0].id)
        index = next((i for i, s in enumerate(pane.statuses) if id_sort_key(s.id) < top),
                     len(pane.statuses))
        self._insert_at(index, newest_first)

    def _insert_at(self, index: int, newest_first: list[Status]) -> None:
        """Insert above row `index`, counted as new while above the reader."""
        pane = self._pane
        held = {s.id for s in pane.statuses}
        fresh = {s.id for s in newest_first if s.id not in held}
        above_reader = bool(held) and index <= pane.selected
        if pane.insert_above(index, newest_first):
            self._arrived |= fresh
            if above_reader:
                self._unseen |= fresh

    def _reader_moved(self, index: int) -> None:
        if self._unseen:
            was = len(self._unseen)
            self._recount()
            if len(self._unseen) != was:
                self._on_change()

    def _recount(self) -> None:
        """Keep as unseen only what is still above the reader (and still there)."""
        if self._unseen:
            above = self._pane.statuses[:self._pane.selected]
            self._unseen = {s.id for s in above if s.id in self._unseen}
        held = {s.id for s in self._pane.statuses}
        self._arrived &= held
