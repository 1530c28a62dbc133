"""Delivers a screen's outbox in the background and says what is still waiting.

Deliveries run in one thread worker at a time (a lock: two overlapping runs
would send an entry twice); after each run the worker posts
`OutboxChanged` with how long until the next entry is due, and the screen
sets a timer for it. Nothing here sleeps: waiting is a Textual timer, so a
`Retry-After` of a minute blocks no thread the UI waits on.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from textual.message import Message
from textual.timer import Timer

from tootui.client.errors import AuthError, ClientError
from tootui.i18n import _, ngettext
from tootui.l10n import exact_time
from tootui.models import ScheduledPost, Status
from tootui.outbox import ACTIONS, EDIT, POST, Outbox, OutboxEntry, deliver

if TYPE_CHECKING:
    from textual.screen import Screen

    from tootui.client.protocol import Client

log = logging.getLogger(__name__)


class OutboxChanged(Message):
    """`count` entries wait; the next is due in `next_due` seconds (None: none, or paused);
    `queued` are the posts a favourite, boost or bookmark of which waits."""

    def __init__(self, count: int, paused: bool, next_due: float | None,
                 queued: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.count = count
        self.paused = paused
        self.next_due = next_due
        self.queued = queued


class OutboxDelivered(Message):
    """An entry reached the server; `status` is what it answered."""

    def __init__(self, entry: OutboxEntry, status: Status) -> None:
        super().__init__()
        self.entry = entry
        self.status = status


class OutboxRefused(Message):
    """The server refused an entry for good (422, 404): it left the outbox."""

    def __init__(self, entry: OutboxEntry, error: ClientError) -> None:
        super().__init__()
        self.entry = entry
        self.error = error


class OutboxPaused(Message):
    """The server no longer accepts the login: nothing is sent until the user logs in."""

    def __init__(self, error: AuthError) -> None:
        super().__init__()
        self.error = error


class OutboxRunner:
    """The screen's side of an `Outbox`."""

    def __init__(self, screen: Screen[None], outbox: Outbox, client: Client) -> None:
        self.screen = screen
        self.outbox = outbox
        self.client = client
        self._timer: Timer | None = None
        self._delivering = threading.Lock()

    def start(self) -> None:
        """At start-up: try what an earlier run left (a new login may fix a pause)."""
        self.screen.run_worker(self._start, thread=True, group="outbox")

    def _start(self) -> None:
        try:
            if self.outbox.entries():
                self.outbox.resume()
        except OSError as error:
            log.warning("outbox: %s", error)
        if self.outbox.set_aside is not None:
            self.screen.app.call_from_thread(
                self.screen.notify,
                _("Posts waiting to be sent could not be read; they are kept in {path}.")
                .format(path=self.outbox.set_aside), severity="warning")
        self._run()

    def kick(self) -> None:
        """Deliver what is due now."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.screen.run_worker(self._run, thread=True, group="outbox")

    def changed(self, message: OutboxChanged) -> None:
        """Show what waits, and wake up when the next entry is due."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if message.next_due is not None:
            self._timer = self.screen.set_timer(max(message.next_due, 0.01), self.kick)

    @staticmethod
    def describe(message: OutboxChanged) -> str:
        """The line the timeline's border shows, empty when nothing waits."""
        if not message.count:
            return ""
        text = ngettext("{n} waiting to be sent", "{n} waiting to be sent",
                        message.count).format(n=message.count)
        if message.paused:
            text += " · " + _("paused: log in again")
        return text

    # -- queueing (from workers) ----------------------------------------

    def announce(self) -> None:
        """Something was queued (from a worker): show it and schedule its retry."""
        self.screen.post_message(self._state())

    def _state(self) -> OutboxChanged:
        entries = self.outbox.entries()
        queued = frozenset(e.status_id for e in entries if e.kind in ACTIONS and e.status_id)
        return OutboxChanged(len(entries), self.outbox.paused, self.outbox.next_due(), queued)

    # -- the worker ------------------------------------------------------

    def _run(self) -> None:
        try:
            self._deliver_due()
        except OSError as error:  # the outbox file can't be written: try again later
            log.warning("outbox: %s", error)
        self.screen.post_message(self._state())

    def _deliver_due(self) -> None:
        with self._delivering:
            for entry in self.outbox.due():
                try:
                    status = deliver(self.client, entry)
                except AuthError as error:
                    self.outbox.pause()
                    self.screen.post_message(OutboxPaused(error))
                    break
                except ClientError as error:
                    if error.retryable:
                        log.info("outbox %s %s: retry later: %s", entry.kind, entry.id, error)
                        self.outbox.retry_later(entry.id, error)
                    else:
                        self.outbox.remove(entry.id)
                        self.screen.post_message(OutboxRefused(entry, error))
                    continue
                self.outbox.remove(entry.id)
                if isinstance(status, ScheduledPost):
                    # Nothing to show in a timeline until the server publishes it.
                    self.screen.notify(_("A post that was waiting is scheduled for {when}.")
                                       .format(when=exact_time(status.scheduled_at)))
                else:
                    self.screen.post_message(OutboxDelivered(entry, status))


class Queued(Message):
    """A request failed for a passing reason and waits in the outbox."""

    def __init__(self, entry: OutboxEntry, error: ClientError) -> None:
        super().__init__()
        self.entry = entry
        self.error = error
        # What the compose pane held: the outbox keeps it now, the pane closes.
        self.is_post = entry.kind in (POST, EDIT)
