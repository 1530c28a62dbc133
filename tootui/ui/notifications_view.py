"""The notifications tab: groups of notifications as rows of a `StatusList`.

Each notification (or group, on Mastodon 4.3+) becomes a row shaped like a
boost: the line above says what happened ("★ Ana and 2 others favourited
your post"), the post under it is the one it is about, so the post keys act
on that post as anywhere else. A notification without a post (a follow, a
follow request) shows the account instead, with its bio and counts; only
the keys that make sense for an account act on it (follow, mute, block,
links, open); `t` on it opens the profile.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from rich.text import Text

from tootui.client.pager import NotificationPager
from tootui.i18n import N_, _, ngettext
from tootui.l10n import count
from tootui.models import Account, Notification, Status
from tootui.render import RenderedStatus, styles
from tootui.render.notification_text import notification_summary
from tootui.ui.messages import (
    AccountRequested,
    PostAction,
    PostActionRequested,
    ReplyRequested,
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

_MARKS = {"mention": "@", "reblog": "⇄", "favourite": "★", "follow": "+",
          "follow_request": "?", "poll": "▤", "update": "✎", "status": "•"}

# On an account row, only what acts on an account (or its profile's links).
_ACCOUNT_ACTIONS = frozenset({PostAction.FOLLOW, PostAction.MUTE, PostAction.BLOCK,
                              PostAction.LINKS, PostAction.COPY_LINK,
                              PostAction.OPEN_IN_BROWSER})


def is_account_row(status: Status) -> bool:
    return status.original.id.startswith(ACCOUNT_PREFIX)


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
        super().__init__("notifications", NotificationPager(client), self._render_row, id=id)

    @property
    def types(self) -> tuple[str, ...]:
        pager = self.pager
        return pager.types if isinstance(pager, NotificationPager) else ()

    def set_types(self, types: tuple[str, ...]) -> None:
        """Show only `types` from now on (the screen then loads the first page)."""
        self.pager = NotificationPager(self._client, types)
        self.loaded = False
        self.statuses.set_statuses([])

    @property
    def title(self) -> str:
        for types, label in TYPE_FILTERS:
            if types and types == self.types:
                return _("Notifications") + " · " + _(label)
        return _("Notifications")

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
        accounts = {a.id: a for a in (*new.accounts, *old.accounts)}
        group = replace(new, accounts=tuple(accounts.values()), count=new.count + old.count)
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
        return replace(rendered, boosted_by=Text(f"{mark} {summary}", styles.META),
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

    def on_reply_requested(self, message: ReplyRequested) -> None:
        self._refuse(message, message.status)

    def on_toggle_requested(self, message: ToggleRequested) -> None:
        self._refuse(message, message.status)

    def on_post_action_requested(self, message: PostActionRequested) -> None:
        if message.action not in _ACCOUNT_ACTIONS:
            self._refuse(message, message.status)

    def _refuse(self, message: Any, status: Status) -> None:
        if is_account_row(status):
            message.stop()
            self.notify(_("This notification is about an account, not a post."),
                        severity="warning")


def _group_key(row_id: str) -> str:
    return row_id.rpartition(":")[0]
