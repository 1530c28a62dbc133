"""The main screen: timeline tabs, the thread beside them, and the compose pane.

The screen is where intents become requests: widgets post `ThreadRequested`,
`ToggleRequested` and `ComposePane.Submitted`; the screen runs
the client call in a thread worker and posts the result back to itself, so the
widgets never wait on the network and a failure is one line, never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header
from textual.worker import get_current_worker

from tootui.client.cached import CachedClient
from tootui.client.errors import ClientError
from tootui.i18n import _
from tootui.l10n import exact_time
from tootui.models import Status
from tootui.outbox import POST
from tootui.ui.bindings import Scope, bindings_for
from tootui.ui.compose_host import ComposeHost
from tootui.ui.draft_keeper import DraftKeeper
from tootui.ui.footer import TranslatedFooter
from tootui.ui.language_switch import LanguageChanged
from tootui.ui.messages import (
    RequestFailed,
    StatusUpdated,
    ThreadLoaded,
    ThreadRequested,
)
from tootui.ui.navigation import Navigation
from tootui.ui.outbox_runner import (
    OutboxChanged,
    OutboxDelivered,
    OutboxPaused,
    OutboxRefused,
    OutboxRunner,
    Queued,
)
from tootui.ui.pending import PendingWork
from tootui.ui.read_position import ReadPosition
from tootui.ui.reconnect import HomeUnavailable, Reconnector
from tootui.ui.search_opener import SearchOpener
from tootui.ui.status_lines import make_renderer, prefer_stored
from tootui.ui.status_list import StatusList
from tootui.ui.tabs import FIRST, reopened
from tootui.ui.threads import thread_rows
from tootui.ui.timeline_view import TimelineView
from tootui.ui.toggles import Toggles

log = logging.getLogger(__name__)

# Below this many columns the timeline and the thread are stacked; from
# WIDE_FROM on, an open compose pane is a third column beside them.
NARROW_BELOW = 100
WIDE_FROM = 160
# A thread painted from the cache is asked for again this much later: after its
# frame is written out, since the refresh that queues a frame comes before that.
REVALIDATE_AFTER_S = 0.1

if TYPE_CHECKING:  # only the caller builds the client; importing it costs start-up time

    from tootui.client.protocol import Client
    from tootui.drafts import DraftStore
    from tootui.outbox import Outbox, OutboxEntry


class MainScreen(SearchOpener, Navigation, PendingWork, Toggles, ComposeHost, Screen[None]):
    """Timeline tabs, thread pane and compose pane, over one client."""

    BINDINGS = bindings_for(Scope.MAIN)
    # app.tcss lays the panes out by these classes: stacked when narrow, side
    # by side, and with the compose pane as a third column when wide.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-medium"),  # noqa: RUF012
                              (WIDE_FROM, "-wide")]

    def __init__(self, client: Client, *, local_domain: str | None = None,
                 drafts: DraftStore | None = None, outbox: Outbox | None = None,
                 first: bool = False) -> None:
        super().__init__()
        # On the app's first screen, the refresh, the stream and the rest wait
        # for `first_frame_shown`: started earlier, their imports in a worker
        # thread share the CPU with painting the cached timeline.
        self._held: list[Callable[[], object]] | None = [] if first else None
        # The footer's keys cost 20 ms of stylesheet work: mounted then too.
        # (The compose pane waits for its first use: `ComposeHost`.)
        # Compact, and without the palette key (help lists it), so that every
        # binding fits an 80-column terminal.
        self._footer = TranslatedFooter(compact=True, show_command_palette=False)
        self.client = client
        self.local_domain = local_domain
        self._drafts = DraftKeeper(self, drafts) if drafts is not None else None
        self._outbox = OutboxRunner(self, outbox, client) if outbox is not None else None
        self._reconnect = Reconnector(self, self.load_home)
        self._renderer = make_renderer(local_domain)
        if isinstance(client, CachedClient):
            # Statuses painted from the cache bring their stored rendering;
            # new ones are rendered here and kept for next time.
            client.attach_renderer(self._renderer, local_domain)
            self._renderer = prefer_stored(self._renderer, client.prerendered)
        self._init_tabs()
        self._init_pending()
        self._init_toggles()
        self._active: StatusList | None = None
        self._thread_focus: Status | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="")
        with Horizontal(id="panes"):
            yield from self.compose_tabs()
            yield StatusList(self._renderer, id="thread", placeholder=_thread_hint(),
                             filter_context="thread")
        if self._held is None:
            yield self._footer

    def on_mount(self) -> None:
        home = self.home_view
        home.position = ReadPosition(self, self.client, "home", home.statuses)
        self.home_view.hint(lambda: _("Loading the home timeline…"))
        self._show_titles()
        self.timeline.focus()
        if isinstance(self.client, CachedClient):
            # What was shown last time, before any request; the refresh (and
            # the imports the network needs) waits until it is on screen.
            self._paint_cached(self.home_view)
            if self.home_view.shown is not None:
                self._after_paint(self.load_home)
            else:
                self.load_home()
            last = self.client.last_timeline
            if last != "home" and reopened(last):
                # Opened where the reader left off; its tab paints from the cache too.
                self.call_later(self.open_timeline, last)
        else:
            self.load_home()
        if self._drafts is not None:
            self._after_paint(self._drafts.offer_saved)
        if self._outbox is not None:
            self._after_paint(self._outbox.start)
        if home.live is not None:
            self._after_paint(home.live.start)
        self._after_paint(home.position.start)
        # The compose pane's server rules and defaults: not before the first paint.
        self._after_paint(self.load_posting_settings)

    def _after_paint(self, start: Callable[[], object]) -> None:
        if self._held is None:
            self.call_after_refresh(start)
        else:
            self._held.append(start)

    async def first_frame_shown(self) -> None:
        """The app's first frame is on its way to the terminal: start what was held."""
        if self._held is None:
            return
        held, self._held = self._held, None
        await self.mount(self._footer)
        self.refresh_bindings()  # the footer shows keys once it is told they changed
        for start in held:
            self.call_later(start)

    def _show_titles(self) -> None:
        self._show_connectivity()
        self.thread.border_title = self.thread_title()

    def _show_thread_time(self) -> None:
        """When the thread's post was written, in full and in the reader's locale."""
        focus = self._thread_focus
        self.thread.border_subtitle = exact_time(focus.created_at) if focus else ""

    def on_language_changed(self, message: LanguageChanged) -> None:
        self.relanguage_tabs()
        self._show_titles()
        self._show_thread_time()
        self.thread.placeholder = _thread_hint()
        self.thread.relanguaged()
        if self._compose_pane is not None and self._compose_pane.is_mounted:
            self._compose_pane.relanguaged()

    @property
    def timeline(self) -> StatusList:
        """The list of the tab on show."""
        return self.current_view.statuses

    @property
    def home(self) -> StatusList:
        return self.home_view.statuses

    @property
    def thread(self) -> StatusList:
        return self.query_one("#thread", StatusList)

    @property
    def active_list(self) -> StatusList:
        """The pane the status keys act on: the focused list, else the last focused."""
        active = self._active
        if active is not None and (active is self.thread or active is self.timeline):
            return active
        return self.timeline

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, StatusList):
            self._active = event.widget

    def _lists(self) -> list[StatusList]:
        return [*self.tab_lists(), self.thread]

    # -- the home timeline -----------------------------------------------

    def load_home(self) -> None:
        self.load_tab(self.home_view, FIRST)

    def home_failed(self, error: ClientError) -> None:
        self.post_message(HomeUnavailable(error))
        self.post_message(RequestFailed(error))

    def on_home_unavailable(self, message: HomeUnavailable) -> None:
        self._show_connectivity()
        self._reconnect.failed(message.error)

    def _show_connectivity(self) -> None:
        # Whether the server answers, and what is pending (`PendingWork`): a
        # slow server never looks frozen.
        self.home.border_title = self.pane_title_of(self.home_view)

    def home_loaded(self) -> None:
        self._show_connectivity()
        if self._reconnect.succeeded():
            self.notify(_("The server answers again."))
            if self._outbox is not None:
                self._outbox.kick()
            for view in self.views.values():
                # Tabs that could only show the cache meanwhile are refreshed too.
                if view is not self.home_view and not view.loaded:
                    self.load_tab(view, FIRST)
                self.retitle(view)

    def live_changed(self, view: TimelineView) -> None:
        if view is self.home_view:
            self._show_connectivity()  # home's title also says offline, refreshing
        else:
            super().live_changed(view)

    async def on_unmount(self) -> None:
        for view in self.views.values():
            if view.live is not None:
                view.live.stop()
        for view in list(self.views.values()):
            if view.position is not None:
                await view.position.close()

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

    def on_status_updated(self, message: StatusUpdated) -> None:
        for pane in self._lists():
            pane.update_status(message.status)

    # -- compose ---------------------------------------------------------

    def action_back(self) -> None:
        """`esc` in the thread pane returns to the timeline, as the peers' esc goes back."""
        if self.focused is self.thread:
            self.timeline.focus()

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
        self.show_outbox(message)
        if self._outbox is not None:
            self._outbox.changed(message)

    def on_outbox_delivered(self, message: OutboxDelivered) -> None:
        if message.entry.kind == POST:
            self.home.insert(0, message.status)
            self.notify(_("A post that was waiting has been sent."))
        else:
            self.on_status_updated(StatusUpdated(message.status))

    async def on_outbox_refused(self, message: OutboxRefused) -> None:
        draft = message.entry.draft
        if draft is not None and not self.composing:
            # Back to the user, with a new key: this text was never posted.
            (await self.compose_ready()).restore(draft, "", None)
        self.notify(str(message.error), severity="error")

    def on_outbox_paused(self, message: OutboxPaused) -> None:
        self.notify(str(message.error), severity="error")

    # -- failures --------------------------------------------------------

    def on_request_failed(self, message: RequestFailed) -> None:
        if message.posting:
            self.compose_pane.sending_failed()
        if not self.home.statuses:
            # A toast goes away; an empty pane keeps saying why it is empty.
            # The error, not its text: ClientError words itself in the current language.
            error = message.error
            self.home_view.hint(
                lambda: _("The home timeline could not be loaded: {error}").format(error=error))
        self.notify(str(message.error), severity="error")


def _thread_hint() -> str:
    return _("Select a post and press t to read its thread.")
