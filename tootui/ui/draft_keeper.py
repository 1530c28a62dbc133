"""Keeps the compose pane's draft on disk for a screen: debounced, in workers.

Typing posts `ComposePane.Edited` on every key; writing a file per key would
be wasteful, so the latest draft is saved once the typing pauses for
`SAVE_AFTER` seconds (at most that much is lost to a `kill -9`), and at once
when it is sent. Saving and removing run in thread workers; each carries a
generation number so that a slow, older save never overwrites a newer one.
"""

from __future__ import annotations

import itertools
import logging
from typing import TYPE_CHECKING

from textual.message import Message
from textual.timer import Timer

from tootui.drafts import DraftStore, SavedDraft
from tootui.i18n import _
from tootui.ui.bindings import app_keymap, key_of

if TYPE_CHECKING:
    from textual.screen import Screen

    from tootui.ui.compose import ComposePane

log = logging.getLogger(__name__)

SAVE_AFTER = 0.4


class DraftFound(Message):
    """A draft left from an earlier run was read from disk."""

    def __init__(self, saved: SavedDraft) -> None:
        super().__init__()
        self.saved = saved


class DraftKeeper:
    """The screen's link between its compose pane and a `DraftStore`."""

    def __init__(self, screen: Screen[None], store: DraftStore) -> None:
        self.screen = screen
        self.store = store
        self._pending: SavedDraft | None = None
        self._timer: Timer | None = None
        self._generations = itertools.count()

    def changed(self, saved: SavedDraft) -> None:
        self._pending = saved
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.screen.set_timer(SAVE_AFTER, self.save_now)

    def save_now(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        saved, self._pending = self._pending, None
        if saved is not None:
            generation = next(self._generations)
            self.screen.run_worker(lambda: self._save(saved, generation), thread=True,
                                   group="drafts")

    def discard(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._pending = None
        generation = next(self._generations)
        self.screen.run_worker(lambda: self._remove(generation), thread=True, group="drafts")

    def offer_saved(self) -> None:
        """Read a draft left from before; the screen gets `DraftFound` if there is one."""
        self.screen.run_worker(self._load, thread=True, group="drafts")

    def _load(self) -> None:
        saved = self.store.load()
        if self.store.set_aside is not None:
            self.screen.app.call_from_thread(
                self.screen.notify, _("The saved draft could not be read; it is kept as {path}.")
                .format(path=self.store.set_aside), severity="warning")
        if saved is not None and saved.draft.text.strip():
            self.screen.post_message(DraftFound(saved))

    def restore(self, pane: ComposePane, saved: SavedDraft) -> None:
        pane.restore(saved.draft, saved.idempotency_key, saved.reply_to)
        keymap = app_keymap(self.screen.app)
        self.screen.notify(_("Your unsent draft is back: {send} sends it, {close} discards it.")
                           .format(send=key_of("compose.send", keymap),
                                   close=key_of("compose.close", keymap)))

    def _save(self, saved: SavedDraft, generation: int) -> None:
        try:
            self.store.save(saved, generation=generation)
        except OSError as error:
            log.warning("draft not saved: %s", error)
            self.screen.app.call_from_thread(
                self.screen.notify, _("The draft could not be saved: {error}").format(
                    error=error.strerror or error), severity="error")

    def _remove(self, generation: int) -> None:
        try:
            self.store.remove(generation=generation)
        except OSError as error:
            log.warning("draft not removed: %s", error)
