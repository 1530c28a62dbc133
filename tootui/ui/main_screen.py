"""The main screen: the home timeline, the thread beside it, and the compose pane.

The screen is where intents become requests: widgets post `ThreadRequested`,
`ReplyRequested`, `ToggleRequested` and `ComposePane.Submitted`; the screen runs
the client call in a thread worker and posts the result back to itself, so the
widgets never wait on the network and a failure is one line, never a traceback.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header
from textual.worker import Worker, WorkerState, get_current_worker

from tootui.client.errors import ClientError
from tootui.client.pager import TimelinePager
from tootui.i18n import _
from tootui.models import Draft, Status
from tootui.ui.bindings import Scope, bindings_for
from tootui.ui.compose import ComposePane
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
from tootui.ui.post_actions import PostActions
from tootui.ui.status_lines import make_renderer
from tootui.ui.status_list import StatusList
from tootui.ui.threads import reply_position, thread_rows

# Long posts are cut to this many lines in the timeline; the thread shows them whole.
TIMELINE_COLLAPSE_AFTER = 12

if TYPE_CHECKING:  # only the caller builds the client; importing it costs start-up time
    from tootui.client.api import MastodonClient


class MainScreen(PostActions, Screen[None]):
    """Home timeline, thread pane and compose pane, over one client."""

    BINDINGS = bindings_for(Scope.MAIN)

    def __init__(self, client: MastodonClient, *, local_domain: str | None = None) -> None:
        super().__init__()
        self.client = client
        self._renderer = make_renderer(local_domain)
        self._home = TimelinePager(client, "home")
        self._active_list_id = "timeline"
        self._pending_toggles: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="")
        with Horizontal(id="panes"):
            yield StatusList(self._renderer, collapse_after=TIMELINE_COLLAPSE_AFTER,
                             placeholder=_("Loading the home timeline…"), id="timeline")
            yield StatusList(self._renderer, id="thread",
                             placeholder=_("Select a post and press t to read its thread."))
        yield ComposePane(id="compose")
        # Compact, and without the palette key (help lists it), so that every
        # binding fits an 80-column terminal.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.timeline.border_title = _("Home")
        self.thread.border_title = _("Thread")
        self.timeline.focus()
        self.load_home()
        self.load_posting_settings()

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
            self.post_message(RequestFailed(error))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(TimelineLoaded("home", statuses))

    def on_timeline_loaded(self, message: TimelineLoaded) -> None:
        self.timeline.set_statuses(message.statuses)
        if not message.statuses:
            self.timeline.placeholder = _("Nothing here yet: follow someone, or write a post.")

    # -- thread ----------------------------------------------------------

    def on_thread_requested(self, message: ThreadRequested) -> None:
        focus = message.status.original
        self.thread.set_statuses([focus])
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
        try:
            updated = (switch_off if is_on else switch_on)(status.id)
        except ClientError as error:
            self.post_message(RequestFailed(error))
            return
        self.post_message(StatusUpdated(updated))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
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
        draft = message.draft
        if draft.edit_id is not None:
            self.send_edit(draft)
        elif draft.poll is not None or draft.media or draft.scheduled_at is not None:
            self.send_rich_draft(draft, message.idempotency_key)
        else:
            self.send_post(message.draft, message.idempotency_key)

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

    @on(ComposePane.Closed)
    def _return_focus(self) -> None:
        self.active_list.focus()

    # -- failures --------------------------------------------------------

    def on_request_failed(self, message: RequestFailed) -> None:
        if message.posting:
            self.compose_pane.sending_failed()
        if not self.timeline.statuses:
            # A toast goes away; an empty pane keeps saying why it is empty.
            self.timeline.placeholder = _("The home timeline could not be loaded: {error}").format(
                error=message.error)
        self.notify(str(message.error), severity="error")
