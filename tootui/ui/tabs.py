"""Timeline tabs: several timelines open at once, each loaded by the screen.

`TimelineTabs` is mixed into the main screen. Each open tab is a
`TimelineView` (a `StatusList` and a pager) under its timeline name ("home",
"notifications", "local", "tag:NeoDB", "list:ID", "account:ID", ...); views
are made and mounted when first opened. The pagers run here, in thread
workers, and their pages come back as `TabLoaded`: the first page replaces
what the list shows (joined to what the cache painted), an older one is
appended when the reader reaches the end, a newer one (`.`) goes on top
without moving what the reader is looking at.

For code that feeds tabs from elsewhere (streaming): `views` maps each open
name to its view, `view.statuses` is its list; `view_named(name)` finds one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import ContentSwitcher, Tab, Tabs
from textual.worker import get_current_worker

from tootui.client.cached import CachedClient
from tootui.client.errors import ClientError
from tootui.client.pager import TimelinePager, pages_by_status_id
from tootui.client.streaming import can_stream
from tootui.i18n import _, ngettext
from tootui.l10n import count
from tootui.models import Status
from tootui.ui.live_notifications import LiveNotifications, NotificationsMarker
from tootui.ui.live_updates import LiveUpdates
from tootui.ui.notifications_view import NotificationsView
from tootui.ui.reconnect import offline_title
from tootui.ui.status_list import StatusList
from tootui.ui.timeline_view import ProfileView, TimelineView

if TYPE_CHECKING:
    from textual.screen import Screen

    from tootui.client.protocol import Client
    from tootui.ui.status_lines import Renderer

    _Base = Screen[None]
else:
    _Base = object

log = logging.getLogger(__name__)

FIRST, OLDER, NEWER = "first", "older", "newer"
# Timelines a new start reopens where the last one left off: the ones whose tab
# needs nothing but its name (a list or a profile also needs its title).
REOPENED = frozenset({"home", "notifications", "local", "federated", "bookmarks",
                      "favourites", "conversations"})


def reopened(name: str) -> bool:
    """Whether a start may open `name` again from its name alone."""
    return name in REOPENED or name.startswith("tag:")


def timeline_key(name: str) -> str:
    """What makes two timeline names the same tab: hashtags ignore case, as in Mastodon."""
    return name.casefold() if name.startswith("tag:") else name


HOME = "home"


class TabLoaded(Message):
    """A page of the tab `view` arrived: `mode` is FIRST, OLDER or NEWER."""

    def __init__(self, view: TimelineView, mode: str, rows: list[Status]) -> None:
        super().__init__()
        self.view = view
        self.mode = mode
        self.rows = rows


class TabFailed(Message):
    """Loading a page of the tab `view` failed."""

    def __init__(self, view: TimelineView, mode: str, error: ClientError) -> None:
        super().__init__()
        self.view = view
        self.mode = mode
        self.error = error


class TabBar(Tabs, can_focus=False):
    """The open tabs, one line; clicked or switched by number, never focused."""


class TimelineTabs(_Base):
    """Open, switch, close and load timeline tabs; the screen provides `client`."""

    client: Client
    _renderer: Renderer

    def _init_tabs(self) -> None:
        self.views: dict[str, TimelineView] = {}
        self._made = 0
        self._loading_older: set[str] = set()

    # -- the tabs --------------------------------------------------------

    def compose_tabs(self) -> ComposeResult:
        home = self._make_view(HOME, "")
        with Vertical(id="timelines"):
            yield TabBar(Tab(_tab_label(1, home), id=_tab_id(home)), id="tab-bar")
            with ContentSwitcher(id="tab-pages", initial=home.id):
                yield home

    @property
    def tab_bar(self) -> TabBar:
        return self.query_one("#tab-bar", TabBar)

    @property
    def current_view(self) -> TimelineView:
        current = self.query_one("#tab-pages", ContentSwitcher).current
        for view in self.views.values():
            if view.id == current:
                return view
        return self.views[HOME]

    @property
    def home_view(self) -> TimelineView:
        return self.views[HOME]

    def view_named(self, name: str) -> TimelineView | None:
        """The open view of `name`, or of the same hashtag in another case."""
        view = self.views.get(name)
        if view is None:
            key = timeline_key(name)
            view = next((v for n, v in self.views.items() if timeline_key(n) == key), None)
        return view

    def view_of(self, status_list: StatusList) -> TimelineView | None:
        return next((v for v in self.views.values() if v.statuses is status_list), None)

    def _make_view(self, name: str, label: str) -> TimelineView:
        self._made += 1
        view_id = f"view-{self._made}"
        list_id = "timeline" if name == HOME else f"timeline-{self._made}"
        view: TimelineView
        if name == "notifications":
            view = NotificationsView(self.client, self._renderer, id=view_id)
            changed = partial(self.live_changed, view)
            view.live = LiveNotifications(self, self.client, view, on_change=changed)
            view.position = NotificationsMarker(self, self.client, view, on_change=changed)
        elif name.startswith("account:"):
            view = ProfileView(name, TimelinePager(self.client, name), self._renderer,
                               label=label, list_id=list_id, id=view_id)
        else:
            view = TimelineView(name, TimelinePager(self.client, name), self._renderer,
                                label=label, list_id=list_id, id=view_id)
        if name != "notifications" and can_stream(name):
            view.live = LiveUpdates(self, self.client, name, view.statuses,
                                    on_change=partial(self.live_changed, view))
        self.views[name] = view
        return view

    def live_changed(self, view: TimelineView) -> None:
        """A view's stream changed state or brought posts: its title says so."""
        self.retitle(view)

    async def open_timeline(self, name: str, label: str = "") -> TimelineView:
        """Show the tab `name`, opening (and loading) it first if it is not open."""
        view = self.view_named(name)
        if view is not None:
            name = view.timeline_name  # the same hashtag, as first opened
        else:
            view = self._make_view(name, label)
            await self.query_one("#tab-pages", ContentSwitcher).mount(view)
            await self.tab_bar.add_tab(Tab(_tab_label(len(self.views), view),
                                           id=_tab_id(view)))
            view.statuses.border_title = self.pane_title_of(view)
            self.view_opened(view)
            self._paint_cached(view)
            if view.statuses.statuses:
                # Painted from the cache: the requests wait until it is on screen.
                self.call_after_refresh(self._start_view, view)
            else:
                self._start_view(view)
        self.show_tab(name)
        return view

    def _start_view(self, view: TimelineView) -> None:
        """Load `view` from the server and start its stream and read marker."""
        if self.views.get(view.timeline_name) is not view:
            return  # closed before its cached paint reached the screen
        self.load_tab(view, FIRST)
        if view.live is not None:
            view.live.start()
        if isinstance(view.position, NotificationsMarker):
            view.position.start()

    def show_tab(self, name: str) -> None:
        view = self.views[name]
        if not view.is_mounted:
            return  # still being opened (a second press): that opening shows it
        was = self.current_view
        self.query_one("#tab-pages", ContentSwitcher).current = view.id
        if self.tab_bar.active != _tab_id(view):
            self.tab_bar.active = _tab_id(view)
        view.statuses.focus()
        self._seen(view)
        for shown in {was, view}:
            self.live_changed(shown)  # a badge shows only on the tabs not on show
        if isinstance(self.client, CachedClient) and reopened(name):
            # Where the next start opens; a small write, off the UI thread all the same.
            self.run_worker(partial(self.client.remember_timeline, name), thread=True,
                            group="remember", exclusive=True)

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        for name, view in self.views.items():
            if event.tab is not None and event.tab.id == _tab_id(view):
                if self.current_view is not view:
                    self.show_tab(name)
                return

    def retitle(self, view: TimelineView) -> None:
        """The view's title changed (a filter, a profile's name, the language)."""
        views = list(self.views.values())
        try:
            tab = self.tab_bar.query_one(f"#{_tab_id(view)}", Tab)
        except NoMatches:  # closed meanwhile
            return
        if view in views:
            badge = view.badge if view is not self.current_view else ""
            tab.label = _tab_label(views.index(view) + 1, view, badge)
        view.statuses.border_title = self.pane_title_of(view)

    def pane_title_of(self, view: TimelineView) -> str:
        """The title over `view`'s list: its own, whether the server can be reached,
        and what is pending."""
        since = getattr(self.client, "offline_since", None)
        return " · ".join(filter(None, (offline_title(view.pane_title, since),
                                        self.pending_text(view))))

    def view_opened(self, view: TimelineView) -> None:
        """`view` was just mounted (the screen marks what is queued in it)."""

    def pending_text(self, view: TimelineView) -> str:
        """What is in flight for `view` (the screen's spinner says it)."""
        return ""

    def action_go_tab(self, number: int) -> None:
        names = list(self.views)
        if 1 <= number <= len(names):
            self.show_tab(names[number - 1])
        else:
            self.notify(ngettext("No tab {number}: {n} tab is open.",
                                 "No tab {number}: {n} tabs are open.",
                                 len(names)).format(number=number, n=count(len(names))))

    async def action_close_tab(self) -> None:
        view = self.current_view
        name = view.timeline_name
        if name == HOME:
            self.notify(_("The home tab stays open."), severity="warning")
            return
        names = list(self.views)
        index = names.index(name)
        for mode in (FIRST, OLDER, NEWER):
            self.workers.cancel_group(self, f"{mode}:{name}")
        del self.views[name]
        if view.live is not None:
            view.live.stop()
        if isinstance(view.position, NotificationsMarker):
            await view.position.close()
        await self.tab_bar.remove_tab(_tab_id(view))
        await view.remove()
        for later in list(self.views.values())[index:]:
            self.retitle(later)  # their numbers moved down by one
        self.show_tab(names[index - 1])

    # -- loading ---------------------------------------------------------

    def _paint_cached(self, view: TimelineView) -> None:
        """What the cache holds of `view`'s timeline, shown before any request."""
        client = self.client
        name = view.timeline_name
        if not isinstance(client, CachedClient):
            return
        if isinstance(view, NotificationsView):
            found = client.cached_notifications(view.types)
            if found is not None and found.items:
                view.statuses.set_statuses(view.rows(found.items))
            return
        if not pages_by_status_id(name):
            return
        page = client.cached_timeline(name)
        if page is not None and page.items:
            view.statuses.set_statuses(page.items)
            view.shown = page

    def load_tab(self, view: TimelineView, mode: str) -> None:
        """Fetch the first, an older or the newer page of `view` in a worker."""
        name = view.timeline_name
        if mode == OLDER:
            if name in self._loading_older or not view.pager.has_older:
                return
            self._loading_older.add(name)
        self.run_worker(partial(self._fetch, view, mode), group=f"{mode}:{name}",
                        exclusive=mode != OLDER, thread=True)

    def _fetch(self, view: TimelineView, mode: str) -> None:
        pager = view.pager
        try:
            if mode == FIRST and isinstance(pager, TimelinePager):
                items: list[Any] = pager.refresh(view.shown)
            elif mode == FIRST:
                items = pager.first()
            elif mode == OLDER:
                items = pager.older()
            else:
                items = pager.newer()
        except ClientError as error:
            log.warning("%s timeline: %s", view.timeline_name, error)
            self.post_message(TabFailed(view, mode, error))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(TabLoaded(view, mode, view.rows(items)))

    def on_tab_loaded(self, message: TabLoaded) -> None:
        view, rows = message.view, message.rows
        if self.views.get(view.timeline_name) is not view:
            return  # closed while its page was on the way
        if message.mode == OLDER:
            self._loading_older.discard(view.timeline_name)
            shown = {s.id for s in view.statuses.statuses}
            view.statuses.append([s for s in rows if s.id not in shown])
            return
        if message.mode == NEWER:
            self._show_newer(view, rows)
            return
        view.shown = None
        view.loaded = True
        if view.live is not None:  # what arrived live meanwhile stays on top
            rows = list(view.live.loaded(rows))
        # A refresh of what the cache painted keeps the reader on their post,
        # or takes them to where they stopped reading last time.
        current = view.statuses.selected_status
        ids = [s.id for s in rows]
        selected = ids.index(current.id) if current is not None and current.id in ids else 0
        if view.position is not None:
            selected = view.position.resume(rows, selected)
        view.statuses.set_statuses(rows, selected=selected)
        self._seen(view)
        self.live_changed(view)
        if not rows:
            view.hint(_empty_hint(view))
        if view.timeline_name == HOME:
            self.home_loaded()

    def _show_newer(self, view: TimelineView, rows: list[Status]) -> None:
        if isinstance(view, NotificationsView):
            view.merge_newer(rows)
        else:
            shown = {s.id for s in view.statuses.statuses}
            fresh = [s for s in rows if s.id not in shown]
            for index, status in enumerate(fresh):
                view.statuses.insert(index, status)
            rows = fresh
        if not rows:
            self.notify(_("Nothing new."))
        else:
            self.notify(ngettext("{n} new post", "{n} new posts", len(rows))
                        .format(n=count(len(rows))))
        if view.pager.more_newer:
            self.notify(_("There is more: press . again."))

    def _seen(self, view: TimelineView) -> None:
        """`view` is on show: what the reader has before them counts as read."""
        if isinstance(view.position, NotificationsMarker) and view is self.current_view:
            view.position.seen_now()

    def on_tab_failed(self, message: TabFailed) -> None:
        view, error = message.view, message.error
        if self.views.get(view.timeline_name) is not view:
            return
        self._loading_older.discard(view.timeline_name)
        if message.mode == OLDER:
            view.statuses.rearm_end()  # reaching the end again retries
        if view.timeline_name == HOME and message.mode == FIRST:
            self.home_failed(error)
            return
        if not view.statuses.statuses:
            view.hint(lambda: _("This timeline could not be loaded: {error}").format(error=error))
        self.retitle(view)  # it may say offline now
        self.notify(str(error), severity="error")

    def home_loaded(self) -> None:
        """The home timeline's first page is on screen (the screen adds to this)."""

    def home_failed(self, error: ClientError) -> None:
        """The home timeline's first page could not be loaded (the screen decides)."""

    def on_status_list_near_end(self, message: StatusList.NearEnd) -> None:
        view = self.view_of(message.status_list)
        if view is not None and view.loaded:
            self.load_tab(view, OLDER)

    def action_load_newer(self) -> None:
        view = self.current_view
        self.load_tab(view, NEWER if view.loaded else FIRST)

    def tab_lists(self) -> Iterator[StatusList]:
        for view in self.views.values():
            yield view.statuses

    def relanguage_tabs(self) -> None:
        for view in self.views.values():
            view.relanguaged()
            self.retitle(view)


def _tab_label(number: int, view: TimelineView, badge: str = "") -> Text:
    """The tab's number (its key, up to 9), title and badge ("(3)"); Text, so never
    read as markup."""
    title = f"{view.title} ({badge})" if badge else view.title
    return Text(f"{number} {title}" if number <= 9 else title)


def _tab_id(view: TimelineView) -> str:
    return f"tab-{view.id}"


def _empty_hint(view: TimelineView) -> Any:
    if view.timeline_name == HOME:
        return lambda: _("Nothing here yet: follow someone, or write a post.")
    return lambda: _("Nothing here yet.")
