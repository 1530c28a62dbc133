"""The read position of a timeline, kept in the server's markers (`/api/v1/markers`).

`ReadPosition(owner, client, name, pane)` binds "home" or "notifications" to
the pane that shows it. As the reader moves, the selected post is saved as
the marker's `last_read_id`, `SAVE_AFTER_S` after the reader stops moving, and
once more when the screen closes; on start, the marker's post is selected as
soon as the pane holds it, unless the reader has already moved. Mastodon's web
UI reads the same marker, so either resumes where the other stopped.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.timer import Timer
from textual.widget import Widget

from tootui.client.errors import ClientError
from tootui.models import Status
from tootui.ui.status_list import StatusList
from tootui.ui.ui_thread import UiThread

if TYPE_CHECKING:
    from tootui.client.protocol import Client

log = logging.getLogger(__name__)

SAVE_AFTER_S = 2.0
SAVE_ON_CLOSE_S = 3.0  # quitting waits this long at most for the last save


class ReadPosition:
    """Saves and restores where the reader is in one timeline pane."""

    def __init__(self, owner: Widget, client: Client, name: str, pane: StatusList, *,
                 marker_of: Callable[[Status], str] = lambda status: status.id) -> None:
        self.name = name
        self._owner = owner
        self._client = client
        self._pane = pane
        self._marker_of = marker_of
        self._ui: UiThread | None = None
        self._timer: Timer | None = None
        self._resume_to: str | None = None  # the server's marker, until it is applied
        self._moved = False
        self._pending: str | None = None  # the position to save
        self.saved: str | None = None  # the position the server holds, as far as we know

    def start(self) -> None:
        self._ui = UiThread()
        self._pane.moved.subscribe(self._pane, self._reader_moved, immediate=True)
        self._owner.run_worker(self._fetch, name=f"marker:{self.name}", group="markers",
                               thread=True)

    def _fetch(self) -> None:
        try:
            found = self._client.markers([self.name])
        except ClientError as error:
            log.info("read position of %s: %s", self.name, error)
            return
        if self._ui is not None:
            self._ui.call(self._marker_found, found.get(self.name))

    def _marker_found(self, last_read_id: str | None) -> None:
        """The server's answer: `last_read_id` is None when it holds no marker yet."""
        if last_read_id is None:
            return
        self.saved = last_read_id
        if self._moved:
            return  # the reader went on before the answer came: they lead
        self._resume_to = last_read_id
        index = self._index_in(self._pane.statuses)
        if index is not None:
            self._select(index)

    def resume(self, statuses: Sequence[Status], selected: int) -> int:
        """The pane is about to show `statuses`: the index to select (the marker's post
        while it is still to be resumed, else `selected`)."""
        index = self._index_in(statuses)
        if index is None:
            return selected
        self._resume_to = None
        return index

    def _index_in(self, statuses: Sequence[Status]) -> int | None:
        if self._resume_to is None or self._moved:
            return None
        return next((i for i, s in enumerate(statuses)
                     if self._marker_of(s) == self._resume_to), None)

    def _select(self, index: int) -> None:
        self._resume_to = None
        moved = self._moved
        self._pane.select(index)
        self._moved = moved  # resuming is not the reader moving

    # -- saving --------------------------------------------------------------

    def _reader_moved(self, index: int) -> None:
        self._moved = True
        status = self._pane.selected_status
        if status is None:
            return
        self._pending = self._marker_of(status)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._owner.set_timer(SAVE_AFTER_S, self._save_soon)

    def _save_soon(self) -> None:
        self._timer = None
        position = self._pending
        if position is not None and position != self.saved:
            self._owner.run_worker(lambda: self._save(position), name=f"save:{self.name}",
                                   group="markers", thread=True)

    def _save(self, position: str) -> None:
        try:
            self._client.save_markers({self.name: position})
        except ClientError as error:
            log.info("saving the read position of %s: %s", self.name, error)
            return
        self.saved = position

    async def close(self) -> None:
        """Save a position not saved yet (the app is closing): waits briefly, never hangs."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        position = self._pending
        if position is None or position == self.saved:
            return
        saved = asyncio.Event()
        ui = UiThread()

        def save() -> None:
            self._save(position)
            ui.call(saved.set)

        # A daemon thread: a server that never answers must not keep the process alive.
        threading.Thread(target=save, name=f"tootui-marker-{self.name}", daemon=True).start()
        try:
            await asyncio.wait_for(saved.wait(), SAVE_ON_CLOSE_S)
        except TimeoutError:
            log.info("read position of %s not saved: the server did not answer", self.name)
