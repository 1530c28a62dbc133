"""Favourite, boost and bookmark: one request per press, queued when the server is away.

Mixed into the main screen, which provides `client` and `_queue` (the outbox).
The flag shown is the one the request flips, so a second press before the
first answer is ignored rather than sent twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.worker import Worker, WorkerState

from tootui.client.errors import ClientError
from tootui.models import Status
from tootui.ui.messages import RequestFailed, StatusUpdated, Toggle, ToggleRequested

if TYPE_CHECKING:
    from textual.screen import Screen

    from tootui.client.protocol import Client
    from tootui.outbox import Outbox, OutboxEntry

    _Base = Screen[None]
else:
    _Base = object


class Toggles(_Base):
    """Handlers for `ToggleRequested`; by name, as a plain mixin's must be."""

    client: Client
    _queue: Callable[[Callable[[Outbox, ClientError], OutboxEntry], ClientError],
                     OutboxEntry | None]

    def _init_toggles(self) -> None:
        self._pending_toggles: set[str] = set()

    def on_toggle_requested(self, message: ToggleRequested) -> None:
        original = message.status.original
        key = f"{message.kind.value}:{original.id}"
        if key in self._pending_toggles:
            return
        self._pending_toggles.add(key)
        self.run_worker(lambda: self._toggle(message.kind, original), name=key,
                        group="toggle", thread=True)

    def _toggle(self, kind: Toggle, status: Status) -> None:
        client = self.client
        calls = {
            Toggle.FAVOURITE: (status.favourited, client.favourite, client.unfavourite),
            Toggle.BOOST: (status.reblogged, client.reblog, client.unreblog),
            Toggle.BOOKMARK: (status.bookmarked, client.bookmark, client.unbookmark),
        }
        is_on, switch_on, switch_off = calls[kind]
        method = switch_off if is_on else switch_on
        try:
            updated = method(status.id)
        except ClientError as error:
            entry = self._queue(
                lambda box, why: box.add_action(method.__name__, status.id, why), error)
            if entry is None:
                self.post_message(RequestFailed(error))
            return
        self.post_message(StatusUpdated(updated))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == "toggle" and worker.state in (
            WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED
        ):
            self._pending_toggles.discard(worker.name)
