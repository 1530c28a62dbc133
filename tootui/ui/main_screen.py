"""The main screen: the home timeline, the thread beside it, and the compose pane.

The screen is where intents become requests: widgets post `ThreadRequested`,
`ReplyRequested`, `ToggleRequested` and `ComposePane.Submitted`; the screen runs
the client call in a thread worker and posts the result back to itself, so the
widgets never wait on the network and a failure is one line, never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header
from textual.worker import Worker, WorkerState, get_current_worker

from tootui.client.cached import CachedClient
from tootui.client.errors import ClientError
from tootui.client.pager import TimelinePager
from tootui.drafts import SavedDraft
from tootui.i18n import _
from tootui.l10n import exact_time
from tootui.models import Draft, Status
from tootui.outbox import POST
from tootui.ui.bindings import Scope, bindings_for
from tootui.ui.compose import ComposePane
from tootui.ui.draft_keeper import DraftFound, DraftKeeper
from tootui.ui.footer import TranslatedFooter
from tootui.ui.language_switch import LanguageChanged
from tootui.ui.messages import (
    ReplyRequested,
    RequestFailed,
    StatusPosted,
    StatusUpdated,
    ThreadLoaded,
    ThreadRequested,
    TimelineLoaded,
    Toggle,
    ToggleRequested,
)
from tootui.ui.outbox_runner import (
    OutboxChanged,
    OutboxDelivered,
    OutboxPaused,
    OutboxRefused,
    OutboxRunner,
    Queued,
)
from tootui.ui.post_actions import PostActions
from tootui.ui.reconnect import HomeUnavailable, Reconnector, offline_title
from tootui.ui.status_lines import make_renderer, prefer_stored
from tootui.ui.status_list import StatusList
from tootui.ui.threads import reply_position, thread_rows

log = logging.getLogger(__name__)

# Long posts are cut to this many lines in the timeline; the thread shows them whole.
TIMELINE_COLLAPSE_AFTER = 12
# A thread painted from the cache is asked for again this much later: after its
# frame is written out, since the refresh that queues a frame comes before that.
REVALIDATE_AFTER_S = 0.1

if TYPE_CHECKING:  # only the caller builds the client; importing it costs start-up time
    from tootui.client.protocol import Client
    from tootui.drafts import DraftStore
    from tootui.outbox import Outbox, OutboxEntry


class MainScreen(PostActions, Screen[None]):
    """Home timeline, thread pane and compose pane, over one client."""

    BINDINGS = bindings_for(Scope.MAIN)

    def __init__(self, client: Client, *, local_domain: str | None = None,
                 drafts: DraftStore | None = None, outbox: Outbox | None = None) -> None:
        super().__init__()
        self.client = client
        self._drafts = DraftKeeper(self, drafts) if drafts is not None else None
        self._outbox = OutboxRunner(self, outbox, client) if outbox is not None else None
        self._reconnect = Reconnector(self, self.load_home)
        self._refreshing = False
        self._renderer = make_renderer(local_domain)
        if isinstance(client, CachedClient):
            # Statuses painted from the cache bring their stored rendering;
            # new ones are rendered here and kept for next time.
            client.attach_renderer(self._renderer, local_domain)
            self._renderer = prefer_stored(self._renderer, client.prerendered)
        self._home = TimelinePager(client, "home")
        self._active_list_id = "timeline"
        self._pending_toggles: set[str] = set()
        self._thread_focus: Status | None = None
        # What the empty timeline says, re-read when the language changes.
        self._timeline_hint: Callable[[], str] = lambda: _("Loading the home timeline…")

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="")
        with Horizontal(id="panes"):
            yield StatusList(self._renderer, collapse_after=TIMELINE_COLLAPSE_AFTER,
                             placeholder=self._timeline_hint(), id="timeline")
            yield StatusList(self._renderer, id="thread", placeholder=_thread_hint())
        yield ComposePane(id="compose")
        # Compact, and without the palette key (help lists it), so that every
        # binding fits an 80-column terminal.
        yield TranslatedFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._show_titles()
        self.timeline.focus()
        if isinstance(self.client, CachedClient):
            # What was shown last time, before any request; the refresh (and
            # the imports the network needs) waits until it is on screen.
            page = self.client.cached_timeline("home")
            if page is not None and page.items:
                self.timeline.set_statuses(page.items)
                self.call_after_refresh(self.load_home)
            else:
                self.load_home()
        else:
            self.load_home()
        if self._drafts is not None:
            self._drafts.offer_saved()
        if self._outbox is not None:
            self.call_after_refresh(self._outbox.start)
        # The compose pane's server rules and defaults: not before the first paint.
        self.call_after_refresh(self.load_posting_settings)

    def _show_titles(self) -> None:
        self._show_connectivity()
        self.thread.border_title = _("Thread")

    def _show_thread_time(self) -> None:
        """When the thread's post was written, in full and in the reader's locale."""
        focus = self._thread_focus
        self.thread.border_subtitle = exact_time(focus.created_at) if focus else ""

    def on_language_changed(self, message: LanguageChanged) -> None:
        self._show_titles()
        self._show_thread_time()
        self.timeline.placeholder = self._timeline_hint()
        self.thread.placeholder = _thread_hint()
        for pane in (self.timeline, self.thread):
            pane.relanguaged()
        self.compose_pane.relanguaged()

    def _hint_timeline(self, hint: Callable[[], str]) -> None:
        self._timeline_hint = hint
        self.timeline.placeholder = hint()

    @property
    def timeline(self) -> StatusList:
        return self.query_one("#timeline", StatusList)

    @property
    def thread(self) -> StatusList:
        return self.query_one("#thread", StatusList)

    @property
    def compose_pane(self) -> ComposePane:
        return self.query_one(ComposePane)

    @property
    def active_list(self) -> StatusList:
        """The pane the status keys act on: the focused list, else the last focused."""
        return self.query_one(f"#{self._active_list_id}", StatusList)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, StatusList) and event.widget.id:
            self._active_list_id = event.widget.id

    # -- timeline --------------------------------------------------------

    @work(thread=True, exclusive=True, group="home")
    def load_home(self) -> None:
        try:
            statuses = self._home.first()
        except ClientError as error:
            log.warning("home timeline: %s", error)
            self.post_message(HomeUnavailable(error))
            self.post_message(RequestFailed(error))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(TimelineLoaded("home", statuses))

    def on_home_unavailable(self, message: HomeUnavailable) -> None:
        self._show_connectivity()
        self._reconnect.failed(message.error)

    def _show_connectivity(self) -> None:
        since = getattr(self.client, "offline_since", None)
        title = offline_title(_("Home"), since)
        # What is pending shows in the title, so a slow server never looks frozen.
        self.timeline.border_title = title + " · " + _("refreshing…") if self._refreshing \
            else title

    def on_timeline_loaded(self, message: TimelineLoaded) -> None:
        self._show_connectivity()
        if self._reconnect.succeeded():
            self.notify(_("The server answers again."))
            if self._outbox is not None:
                self._outbox.kick()
        # A refresh of what the cache painted keeps the reader on their post.
        current = self.timeline.selected_status
        ids = [s.id for s in message.statuses]
        selected = ids.index(current.id) if current is not None and current.id in ids else 0
        self.timeline.set_statuses(message.statuses, selected=selected)
        if not message.statuses:
            self._hint_timeline(lambda: _("Nothing here yet: follow someone, or write a post."))

    # -- thread ----------------------------------------------------------

    def on_thread_requested(self, message: ThreadRequested) -> None:
        focus = message.status.original
        self._thread_focus = focus
        self._show_thread_time()
        cached = (self.client.cached_context(focus.id)
                  if isinstance(self.client, CachedClient) else None)
        if cached is not None:  # a thread read before shows at once, then is revalidated
            self.on_thread_loaded(ThreadLoaded(focus, cached))
            # Asked once its frame has reached the terminal: no request before that paint.
            self.set_timer(REVALIDATE_AFTER_S, lambda: self._revalidate_thread(focus))
        else:
            self.thread.set_statuses([focus])
            self.load_thread(focus)

    def _revalidate_thread(self, focus: Status) -> None:
        if self._thread_focus is focus:  # not if another thread was opened meanwhile
            self.load_thread(focus)

    @work(thread=True, exclusive=True, group="thread")
    def load_thread(self, focus: Status) -> None:
        try:
            context = self.client.context(focus.id)
        except ClientError as error:
            self.post_message(RequestFailed(error))
            return
        # A thread opened since then replaced this one: its answer would
        # overwrite the newer thread.
        if not get_current_worker().is_cancelled:
            self.post_message(ThreadLoaded(focus, context))

    def on_thread_loaded(self, message: ThreadLoaded) -> None:
        statuses, depths, selected = thread_rows(message.status, message.context)
        self.thread.set_statuses(statuses, depths, selected=selected)

    # -- favourite, boost, bookmark --------------------------------------

    def on_toggle_requested(self, message: ToggleRequested) -> None:
        original = message.status.original
        key = f"{message.kind.value}:{original.id}"
        # The flag shown is the one the request flips; a second press before
        # the first answer would send the same request twice.
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
        if worker.group == "home":
            self._refreshing = worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
            self._show_connectivity()
        if worker.group == "toggle" and worker.state in (
            WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED
        ):
            self._pending_toggles.discard(worker.name)

    def on_status_updated(self, message: StatusUpdated) -> None:
        self.timeline.update_status(message.status)
        self.thread.update_status(message.status)

    # -- compose ---------------------------------------------------------

    def action_compose(self) -> None:
        self.compose_pane.open()

    def on_reply_requested(self, message: ReplyRequested) -> None:
        self.compose_pane.open(reply_to=message.status.original)

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
        self.timeline.insert(0, status)
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
        for pane in (self.timeline, self.thread):
            for status in pane.statuses:
                original = status.original
                if original.id == parent_id:
                    updated = replace(original, replies_count=original.replies_count + 1)
                    self.timeline.update_status(updated)
                    self.thread.update_status(updated)
                    return

    def on_draft_found(self, message: DraftFound) -> None:
        if self._drafts is not None and not self.compose_pane.is_open:
            self._drafts.restore(self.compose_pane, message.saved)

    @on(ComposePane.Closed)
    def _return_focus(self) -> None:
        # Closed means sent, or discarded with esc: either way it is not a draft now.
        if self._drafts is not None:
            self._drafts.discard()
        self.active_list.focus()

    # -- outbox ----------------------------------------------------------

    def _queue(self, add: Callable[[Outbox, ClientError], OutboxEntry],
               error: ClientError) -> OutboxEntry | None:
        """From a worker: put a failed request in the outbox if it may pass; None if not."""
        if not error.retryable or self._outbox is None:
            return None
        try:
            entry = add(self._outbox.outbox, error)
        except OSError as problem:  # the data dir is full or read-only
            log.warning("outbox not written: %s", problem)
            return None
        self._outbox.announce()
        self.post_message(Queued(entry, error))
        return entry

    def on_queued(self, message: Queued) -> None:
        if message.is_post:
            self.compose_pane.close()  # the outbox holds it now, not the draft
        self.notify(_("Not sent yet ({error}); it will be retried.").format(
            error=message.error.detail or message.error.status or ""), severity="warning")

    def on_outbox_changed(self, message: OutboxChanged) -> None:
        self.timeline.border_subtitle = OutboxRunner.describe(message)
        if self._outbox is not None:
            self._outbox.changed(message)

    def on_outbox_delivered(self, message: OutboxDelivered) -> None:
        if message.entry.kind == POST:
            self.timeline.insert(0, message.status)
            self.notify(_("A post that was waiting has been sent."))
        else:
            self.on_status_updated(StatusUpdated(message.status))

    def on_outbox_refused(self, message: OutboxRefused) -> None:
        draft = message.entry.draft
        if draft is not None and not self.compose_pane.is_open:
            # Back to the user, with a new key: this text was never posted.
            self.compose_pane.restore(draft, "", None)
        self.notify(str(message.error), severity="error")

    def on_outbox_paused(self, message: OutboxPaused) -> None:
        self.notify(str(message.error), severity="error")

    # -- failures --------------------------------------------------------

    def on_request_failed(self, message: RequestFailed) -> None:
        if message.posting:
            self.compose_pane.sending_failed()
        if not self.timeline.statuses:
            # A toast goes away; an empty pane keeps saying why it is empty.
            # The error, not its text: ClientError words itself in the current language.
            error = message.error
            self._hint_timeline(
                lambda: _("The home timeline could not be loaded: {error}").format(error=error))
        self.notify(str(message.error), severity="error")


def _thread_hint() -> str:
    return _("Select a post and press t to read its thread.")
