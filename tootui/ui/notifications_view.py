"""The notifications tab: groups of notifications as rows of a `StatusList`.

Each notification (or group, on Mastodon 4.3+) becomes a row shaped like a
boost: the line above says what happened ("★ Ana and 2 others favourited
your post"), the post under it is the one it is about, so the post keys act
on that post as anywhere else. A notification without a post (a follow, a
follow request) shows the account instead, with its bio and counts; only
the keys that make sense for an account act on it (follow, mute, block,
links, open); `t` on it opens the profile.

Notifications newer than the server's read marker, as it stood when the tab
opened, are marked new ("●"); the tab counts those the reader has not seen.
Live ones (`take_live`) join their group's row, which moves to the top.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from rich.text import Text

from tootui.client.pager import NotificationPager
from tootui.i18n import N_, _, ngettext
from tootui.l10n import count
from tootui.models import Account, Notification, Status, id_sort_key
from tootui.render import RenderedStatus, styles
from tootui.render.notification_text import notification_summary
from tootui.ui.messages import (
    AccountRequested,
    PostAction,
    PostActionRequested,
    ThreadRequested,
    ToggleRequested,
)
from tootui.ui.status_lines import Palette, Renderer, meta_line, one_line
from tootui.ui.timeline_view import TimelineView

ROW_PREFIX = "notification:"
ACCOUNT_PREFIX = "notification-account:"

# The filters offered on `n`, as (types, label); () is every type.
TYPE_FILTERS: tuple[tuple[tuple[str, ...], str], ...] = (
    ((), N_("All notifications")),
    (("mention",), N_("Mentions only")),
    (("follow", "follow_request"), N_("Follows")),
    (("reblog",), N_("Boosts")),
    (("favourite",), N_("Favourites")),
    (("poll",), N_("Polls")),
    (("update", "status"), N_("Posts and edits")),
)

NEW_MARK = "●"
NEW_STYLE = "bold"

_MARKS = {"mention": "@", "reblog": "⇄", "favourite": "★", "follow": "+",
          "follow_request": "?", "poll": "▤", "update": "✎", "status": "•"}

# On a row about someone's act on the user's post (a favourite, a boost), these
# act on who did it, not on the post's author (the user).
_ON_WHO = frozenset({PostAction.FOLLOW, PostAction.MUTE, PostAction.BLOCK})

# On an account row, only what acts on an account (or its profile's links).
_ACCOUNT_ACTIONS = frozenset({PostAction.FOLLOW, PostAction.MUTE, PostAction.BLOCK,
                              PostAction.LINKS, PostAction.COPY_LINK,
                              PostAction.OPEN_IN_BROWSER})


def is_account_row(status: Status) -> bool:
    return status.original.id.startswith(ACCOUNT_PREFIX)


def account_row_refusal() -> str:
    """What a post key says on an account row (a follow), which has no post."""
    return _("This notification is about an account, not a post.")


def account_status(account: Account, notification: Notification) -> Status:
    """An account shown where a post would be: its bio as the text."""
    return Status(id=f"{ACCOUNT_PREFIX}{notification.id}:{account.id}", account=account,
                  created_at=notification.created_at, content_html=account.note_html,
                  url=account.url, uri=account.url, emojis=account.emojis)


def notification_row(notification: Notification) -> Status | None:
    """The row for one notification; None when it names no account at all."""
    if not notification.accounts:
        return None
    who = notification.accounts[0]
    about = notification.status or account_status(who, notification)
    # The id changes when the group does (more accounts), so the row is redrawn.
    return Status(id=f"{ROW_PREFIX}{notification.id}:{notification.count}", account=who,
                  created_at=notification.created_at, reblog=about)


class NotificationsView(TimelineView):
    """The "notifications" tab; `types` is the filter in force (empty: all)."""

    def __init__(self, client: Any, renderer: Renderer, *, id: str | None = None) -> None:
        self._client = client
        self._notifications: dict[str, Notification] = {}
        self._base_renderer = renderer
        # The marker when the tab opened (newer rows are drawn as new) and as it
        # stands now (newer rows are unread); unknown until the server answers.
        self.marker_known = False
        self.read_before: str | None = None
        self.read_up_to: str | None = None
        # Per group: (newest id, how many) of what the stream added to its row.
        self._live_counted: dict[str, list[tuple[str, int]]] = {}
        super().__init__("notifications", NotificationPager(client), self._render_row, id=id)

    @property
    def types(self) -> tuple[str, ...]:
        pager = self.pager
        return pager.types if isinstance(pager, NotificationPager) else ()

    def set_types(self, types: tuple[str, ...]) -> None:
        """Show only `types` from now on (the screen then loads the first page)."""
        self.pager = NotificationPager(self._client, types)
        self._live_counted.clear()
        self.loaded = False
        self.statuses.set_statuses([])

    @property
    def title(self) -> str:
        for types, label in TYPE_FILTERS:
            if types and types == self.types:
                return _("Notifications") + " · " + _(label)
        return _("Notifications")

    @property
    def pane_title(self) -> str:
        unread = self.unread
        mark = (ngettext("{n} unread", "{n} unread", unread).format(n=count(unread))
                if unread else "")
        live = self.live.describe() if self.live is not None else ""
        return " · ".join(filter(None, (self.title, mark, live)))

    @property
    def badge(self) -> str:
        unread = self.unread
        return count(unread) if unread else ""

    # -- the read marker ---------------------------------------------------

    def notification_of(self, row: Status) -> Notification | None:
        return self._notifications.get(row.id)

    def newest_id(self, row: Status) -> str | None:
        """The id of the newest notification behind `row` (what a marker holds)."""
        notification = self._notifications.get(row.id)
        if notification is None:
            return None
        return notification.newest_id or notification.id

    def newest_shown(self) -> str | None:
        found = [i for i in map(self.newest_id, self.statuses.statuses) if i is not None]
        return max(found, key=id_sort_key) if found else None

    @property
    def unread(self) -> int:
        """Rows newer than the marker as it stands."""
        if not self.marker_known:
            return 0
        return sum(1 for row in self.statuses.statuses
                   if _newer(self.newest_id(row), self.read_up_to))

    def is_new(self, row: Status) -> bool:
        """Newer than the marker as it was when the tab opened."""
        return self.marker_known and _newer(self.newest_id(row), self.read_before)

    def marker_found(self, last_read_id: str | None) -> None:
        """The server's marker arrived: rows newer than it are drawn as new."""
        first = not self.marker_known
        self.marker_known = True
        if first:
            self.read_before = last_read_id
        if _newer(last_read_id, self.read_up_to):
            self.read_up_to = last_read_id
        for row in list(self.statuses.statuses):
            if self.is_new(row):
                self.statuses.update_status(row)  # drawn again, with the mark

    # -- live ------------------------------------------------------------

    def take_live(self, arrived: Sequence[Notification]) -> tuple[list[str], list[Status]]:
        """Notifications from the stream (oldest first) as rows for the top, newest
        first, and the ids of the rows they replace (their groups' old rows)."""
        shown = [self._notifications.get(row.id) for row in self.statuses.statuses]
        grouped = any(n is not None and n.group_key == n.id for n in shown) or (
            not self.statuses.statuses)
        rows: dict[str, tuple[Status, Notification]] = {  # group -> its row, as it stands
            n.id: (row, n) for row, n in zip(self.statuses.statuses, shown, strict=True)
            if n is not None}
        replaced: list[str] = []
        fresh: dict[str, Status] = {}
        for notification in arrived:
            if self.types and notification.type not in self.types:
                continue
            key = notification.group_key if grouped and notification.group_key else \
                notification.id
            old = rows.get(key)
            if old is not None:
                if not _newer(notification.newest_id or notification.id,
                              old[1].newest_id or old[1].id):
                    continue  # already counted (caught up twice)
                group = _grown(old[1], notification, key)
                if old[0].id not in fresh:
                    replaced.append(old[0].id)
                fresh.pop(old[0].id, None)
            else:
                group = replace(notification, id=key, group_key=key if grouped else
                                notification.group_key)
            row = notification_row(group)
            if row is None:
                continue
            self._notifications[row.id] = group
            self._live_counted.setdefault(key, []).append(
                (notification.newest_id or notification.id, notification.count))
            rows[key] = (row, group)
            fresh[row.id] = row
        return replaced, list(reversed(fresh.values()))

    def rows(self, items: Sequence[object]) -> list[Status]:
        rows = []
        for item in items:
            if not isinstance(item, Notification):
                continue
            row = notification_row(item)
            if row is not None:
                self._notifications[row.id] = item
                rows.append(row)
        return rows

    def merge_newer(self, rows: Sequence[Status]) -> None:
        """Put newer rows on top. A group that is already listed leaves its old
        place and joins the new one: a page only counts its own notifications."""
        shown = {_group_key(old.id): old for old in self.statuses.statuses}
        merged: list[Status] = []
        for row in rows:
            old = shown.get(_group_key(row.id))
            if old is not None:
                self.statuses.remove_status(old.id)
                row = self._joined(row, old) or row
            merged.append(row)
        for index, row in enumerate(merged):
            self.statuses.insert(index, row)

    def _joined(self, new_row: Status, old_row: Status) -> Status | None:
        new, old = self._notifications.get(new_row.id), self._notifications.get(old_row.id)
        if new is None or old is None:
            return None
        newest = new.newest_id or new.id
        if not _newer(newest, old.newest_id or old.id):
            return old_row  # the stream brought all of it already
        # What the stream counted into the old row is in this page's count too.
        live = self._live_counted.pop(old.id, [])
        overlap = sum(n for item_id, n in live if not _newer(item_id, newest))
        self._live_counted[old.id] = [(i, n) for i, n in live if _newer(i, newest)]
        accounts = {a.id: a for a in (*new.accounts, *old.accounts)}
        group = replace(new, accounts=tuple(accounts.values()),
                        count=new.count + old.count - overlap)
        row = notification_row(group)
        if row is not None:
            self._notifications[row.id] = group
        return row

    # -- drawing ---------------------------------------------------------

    def _render_row(self, status: Status) -> RenderedStatus:
        rendered = self._base_renderer(status)
        notification = self._notifications.get(status.id)
        if notification is None:
            return rendered
        who = notification.accounts[0]
        mark = _MARKS.get(notification.type, "•")
        summary = notification_summary(notification.type, one_line(who.name),
                                       others=max(notification.count - 1, 0))
        # Dim like a boost's line: what happened is context, the post is the news.
        line = Text(f"{mark} {summary}", styles.META)
        if self.is_new(status):
            line = Text.assemble((NEW_MARK, NEW_STYLE), (f" {mark} {summary}", styles.META))
        return replace(rendered, boosted_by=line,
                       created_at=notification.created_at or rendered.created_at)

    def meta_for(self, status: Status, palette: Palette) -> Text:
        if not is_account_row(status):
            return meta_line(status, palette)
        account = status.original.account
        return Text(" · ".join((
            ngettext("{n} post", "{n} posts", account.statuses_count)
            .format(n=count(account.statuses_count)),
            ngettext("{n} follower", "{n} followers", account.followers_count)
            .format(n=count(account.followers_count)),
        )), style=palette.meta)

    # -- what the keys may do to an account row ----------------------------

    def on_thread_requested(self, message: ThreadRequested) -> None:
        if is_account_row(message.status):
            message.stop()
            account = message.status.original.account
            self.post_message(AccountRequested(account.acct, account.url))

    def on_toggle_requested(self, message: ToggleRequested) -> None:
        self._refuse(message, message.status)

    def on_account_requested(self, message: AccountRequested) -> None:
        # `u` names the post's author; on "X favourited your post" the reader wants X.
        row = self.statuses.selected_status
        who = self._who_acted(row) if row is not None else None
        if row is not None and who is not None and message.acct == row.original.account.acct:
            message.stop()
            self.post_message(AccountRequested(who.original.account.acct,
                                               who.original.account.url))

    def on_post_action_requested(self, message: PostActionRequested) -> None:
        if message.action not in _ACCOUNT_ACTIONS:
            self._refuse(message, message.status)
        elif message.action in _ON_WHO and (who := self._who_acted(message.status)):
            message.stop()
            self.post_message(PostActionRequested(message.action, who))

    def _who_acted(self, row: Status) -> Status | None:
        """The account row of who did what `row` tells of, when it is not the post's author."""
        notification = self.notification_of(row)
        if notification is None or is_account_row(row):
            return None
        who = row.account
        if who.id == row.original.account.id:
            return None  # a mention, a post, a poll: its author did it
        return account_status(who, notification)

    def _refuse(self, message: Any, status: Status) -> None:
        if is_account_row(status):
            message.stop()
            self.notify(account_row_refusal(), severity="warning")


def _newer(item_id: str | None, than: str | None) -> bool:
    """Whether `item_id` is past `than` (anything is, past no marker at all)."""
    if item_id is None:
        return False
    return than is None or id_sort_key(item_id) > id_sort_key(than)


def _grown(group: Notification, arrived: Notification, key: str) -> Notification:
    """`group` with `arrived` (one notification, or a group caught up) on top."""
    accounts = {a.id: a for a in (*arrived.accounts, *group.accounts)}
    return replace(group, id=key, accounts=tuple(accounts.values()),
                   count=group.count + arrived.count,
                   status=arrived.status or group.status,
                   created_at=arrived.created_at or group.created_at,
                   newest_id=arrived.newest_id or arrived.id)


def _group_key(row_id: str) -> str:
    return row_id.rpartition(":")[0]
