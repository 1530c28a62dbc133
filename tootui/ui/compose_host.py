"""The main screen's side of the compose pane: made on first use, drafts kept, posts sent.

The pane (19 modules, 1.5 MB and a text area) is imported and mounted the first
time something is written: `c`, `r`, a reply-all, an edit or a redraft, a draft
saved last time, or a post the server refused from the outbox. A session that
only reads never pays for it. `c` and `r` run here, as priority bindings rather
than messages, so that the app holds the keys typed after them until the pane
has the focus.

Mixed into the main screen, which provides the lists (`home`, `thread`,
`active_list`), `_drafts`, `_footer` and `_queue` (the outbox).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import work

from tootui.client.errors import ClientError
from tootui.drafts import SavedDraft
from tootui.i18n import _
from tootui.models import Draft, InstanceInfo, Preferences, Status
from tootui.ui.draft_keeper import DraftFound
from tootui.ui.messages import RequestFailed, StatusPosted, StatusUpdated
from tootui.ui.notifications_view import account_row_refusal, is_account_row
from tootui.ui.post_actions import PostActions
from tootui.ui.threads import reply_position

if TYPE_CHECKING:
    from textual.widget import AwaitMount, Widget

    from tootui.outbox import Outbox, OutboxEntry
    from tootui.ui.compose import ComposePane
    from tootui.ui.draft_keeper import DraftKeeper
    from tootui.ui.status_list import StatusList


class ComposeHost(PostActions):
    """The compose pane's handlers; by name, as a plain mixin's must be."""

    _compose_pane: ComposePane | None = None
    _compose_mount: AwaitMount | None = None
    _posting_settings: tuple[InstanceInfo, Preferences] | None = None
    _drafts: DraftKeeper | None
    _footer: Widget
    _queue: Callable[[Callable[[Outbox, ClientError], OutboxEntry], ClientError],
                     OutboxEntry | None]

    if TYPE_CHECKING:
        # The screen's own, declared for the type checker only.
        @property
        def home(self) -> StatusList: ...

        @property
        def thread(self) -> StatusList: ...

        @property
        def active_list(self) -> StatusList: ...

        def _lists(self) -> list[StatusList]: ...

        def on_status_updated(self, message: StatusUpdated) -> None: ...

    @property
    def compose_pane(self) -> ComposePane:
        """The compose pane, made when first asked for; `compose_ready` mounts it."""
        if self._compose_pane is None:
            from tootui.ui.compose import ComposePane

            pane = ComposePane(id="compose")
            if self._posting_settings is not None:
                pane.instance, pane.preferences = self._posting_settings
            self._compose_pane = pane
        return self._compose_pane

    @property
    def composing(self) -> bool:
        """A draft is open in the compose pane (never before the pane was wanted)."""
        return self._compose_pane is not None and self._compose_pane.is_open

    async def compose_ready(self) -> ComposePane:
        """The compose pane, mounted (above the footer) if this is its first use."""
        pane = self.compose_pane
        if not pane.is_mounted:
            if self._compose_mount is None:
                footer = self._footer if self._footer.parent is self else None
                self._compose_mount = self.mount(pane, before=footer)
            await self._compose_mount
        return pane

    async def fill_compose(self, fill: Callable[[ComposePane], object]) -> None:
        """Open the compose pane on what `fill` puts in it."""
        fill(await self.compose_ready())

    @work(thread=True, group="posting-settings")
    def load_posting_settings(self) -> None:
        """The server's limits and the user's defaults, for the compose pane."""
        try:
            instance = self.client.instance()
            preferences = self.client.preferences()
        except ClientError:
            # Not worth a toast: the pane falls back to Mastodon's defaults and
            # the server still checks what is sent.
            return
        self._on_ui(self._set_posting_settings, instance, preferences)

    def _set_posting_settings(self, instance: InstanceInfo, preferences: Preferences) -> None:
        self._posting_settings = (instance, preferences)
        if self._compose_pane is not None:
            self._compose_pane.instance = instance
            self._compose_pane.preferences = preferences

    async def action_compose(self) -> None:
        # A priority binding's action, awaited by the app before it passes on
        # the next keys: typed right after `c`, they wait for the pane.
        if self._keeps_other_draft(None):
            return
        (await self.compose_ready()).open()

    def _keeps_other_draft(self, reply_to: Status | None) -> bool:
        """True, and said, when the pane holds writing that a draft for `reply_to`
        (None: a new post) would replace; the same draft again is only focused."""
        pane = self._compose_pane
        if pane is None or not pane.holds_other_writing(reply_to):
            return False
        self._say_compose_busy()
        pane.focus_text()
        return True

    async def action_reply(self) -> None:
        """`r` on a list: reply to its selected post (the same wait as `c`)."""
        status = self.active_list.selected_status
        if status is None:
            return
        if is_account_row(status):  # a follow: no post to reply to
            self.notify(account_row_refusal(), severity="warning")
            return
        if self._keeps_other_draft(status.original):
            return
        (await self.compose_ready()).open(reply_to=status.original)

    def on_compose_pane_submitted(self, message: ComposePane.Submitted) -> None:
        if self._drafts is not None:
            self._drafts.save_now()
        draft = message.draft
        if draft.edit_id is not None:
            self.send_edit(draft)
        elif draft.poll is not None or draft.media or draft.scheduled_at is not None:
            self.send_rich_draft(draft, message.idempotency_key)
        else:
            self.send_post(message.draft, message.idempotency_key)

    def on_compose_pane_edited(self, message: ComposePane.Edited) -> None:
        if self._drafts is not None:
            self._drafts.changed(SavedDraft(message.draft, message.idempotency_key,
                                            message.reply_to))

    @work(thread=True, exclusive=True, group="post")
    def send_post(self, draft: Draft, idempotency_key: str) -> None:
        try:
            status = self.client.post_status(
                draft.text,
                in_reply_to_id=draft.in_reply_to_id,
                visibility=draft.visibility,
                spoiler_text=draft.spoiler_text,
                language=draft.language,
                idempotency_key=idempotency_key,
            )
        except ClientError as error:
            # Kept with its key: a retry after a lost answer can't double-post.
            entry = self._queue(
                lambda box, why: box.add_post(draft, idempotency_key, why), error)
            if entry is None:
                self.post_message(RequestFailed(error, posting=True))
            return
        self.post_message(StatusPosted(status))

    def on_status_posted(self, message: StatusPosted) -> None:
        status = message.status
        self.compose_pane.close()
        self.home.insert(0, status)
        if status.in_reply_to_id is not None:
            self._count_reply(status.in_reply_to_id)
            thread = self.thread
            position = reply_position(thread.statuses, thread.depths, status.in_reply_to_id)
            if position is not None:
                index, depth = position
                thread.insert(index, status, depth, select=True)
        self.notify(_("Posted."))

    def _count_reply(self, parent_id: str) -> None:
        """Show the parent's new reply count without asking the server again."""
        for pane in self._lists():
            for status in pane.statuses:
                original = status.original
                if original.id == parent_id:
                    self.on_status_updated(StatusUpdated(
                        replace(original, replies_count=original.replies_count + 1)))
                    return

    async def on_draft_found(self, message: DraftFound) -> None:
        if self._drafts is not None and not self.composing:
            self._drafts.restore(await self.compose_ready(), message.saved)

    def on_compose_pane_closed(self, _message: ComposePane.Closed) -> None:
        # Closed means sent, or discarded with esc: either way it is not a draft now.
        if self._drafts is not None:
            self._drafts.discard()
        self.active_list.focus()
