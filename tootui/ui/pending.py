"""What is in flight, shown where it will land: a spinner in a pane's title.

Mixed into the main screen. A tab's refresh or its older page ("⠹ refreshing…",
"⠹ loading older…" in the tab's title), the thread's context ("⠹ loading…"
in the thread pane's title) and a delivery of the outbox ("⠹ sending…" beside
"N waiting to be sent") each run in a worker group; `Spinner` follows those
groups and animates only while one of them is pending. A post whose favourite,
boost or bookmark waits in the outbox says "queued" under it, in every pane.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.worker import Worker

from tootui.i18n import _
from tootui.ui.outbox_runner import OutboxChanged, OutboxRunner
from tootui.ui.spinner import Spinner
from tootui.ui.status_list import StatusList
from tootui.ui.tabs import FIRST, NEWER, OLDER, TimelineTabs

if TYPE_CHECKING:
    from tootui.ui.timeline_view import TimelineView

THREAD = "thread"
OUTBOX = "outbox"
_TAB_MODES = (FIRST, OLDER, NEWER)


class PendingWork(TimelineTabs):
    """The spinner beside the tab, thread pane and outbox line whose work is in flight."""

    def _init_pending(self) -> None:
        self.spinner = Spinner(self, self._tick_pending)
        self._outbox_state: OutboxChanged | None = None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        group = event.worker.group
        if group not in (THREAD, OUTBOX) and group.partition(":")[0] not in _TAB_MODES:
            return
        if self.spinner.worker_changed(event.worker):
            self._draw_pending(group, whole=True)

    def pending_text(self, view: TimelineView) -> str:
        name = view.timeline_name
        return (self.spinner.mark(f"{OLDER}:{name}", _("loading older…"))
                or self.spinner.mark(f"{FIRST}:{name}", _("refreshing…"))
                or self.spinner.mark(f"{NEWER}:{name}", _("refreshing…")))

    def view_opened(self, view: TimelineView) -> None:
        if self._outbox_state is not None:
            view.statuses.set_queued(self._outbox_state.queued)

    def thread_title(self) -> str:
        return " · ".join(filter(None, (_("Thread"), self.spinner.mark(THREAD, _("loading…")))))

    def show_outbox(self, state: OutboxChanged | None = None) -> None:
        """The outbox line under home (what waits, whether it is being sent), and the
        "queued" mark on the posts whose action waits."""
        if state is not None:
            self._outbox_state = state
            for pane in (*self.tab_lists(), self.query_one("#thread", StatusList)):
                pane.set_queued(state.queued)
        line = OutboxRunner.describe(self._outbox_state) if self._outbox_state else ""
        if line:
            line = " · ".join(filter(None, (line, self.spinner.mark(OUTBOX, _("sending…")))))
        self.home_view.statuses.border_subtitle = line

    def _tick_pending(self) -> None:
        for group in self.spinner.groups:
            self._draw_pending(group)

    def _draw_pending(self, group: str, *, whole: bool = False) -> None:
        if group == THREAD:
            self.query_one("#thread", StatusList).border_title = self.thread_title()
        elif group == OUTBOX:
            self.show_outbox()
        else:
            view = self.views.get(group.partition(":")[2])
            if view is None:
                return
            if whole:  # its tab's label too (a badge may have changed meanwhile)
                self.retitle(view)
            else:
                view.statuses.border_title = self.pane_title_of(view)
