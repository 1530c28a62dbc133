"""One open tab: a named timeline, its pager and the `StatusList` that shows it.

A view holds state only; the screen (`ui/tabs.py`) runs its pager in workers
and hands the statuses back. Names are the client's timeline names ("home",
"local", "federated", "tag:NeoDB", "list:ID", "account:ID", "bookmarks",
"favourites", "conversations") and "notifications" (`NotificationsView`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tootui.client.pager import Pager
from tootui.i18n import N_, _, ngettext
from tootui.l10n import count
from tootui.models import Account, Page, Status
from tootui.ui.status_lines import Palette, Renderer, meta_line, one_line
from tootui.ui.status_list import StatusList

if TYPE_CHECKING:
    from tootui.ui.live_updates import LiveUpdates
    from tootui.ui.read_position import ReadPosition

# Long posts are cut to this many lines in a timeline; the thread shows them whole.
TIMELINE_COLLAPSE_AFTER = 12

FIXED_TITLES: dict[str, str] = {
    "home": N_("Home"),
    "notifications": N_("Notifications"),
    "local": N_("Local"),
    "federated": N_("Federated"),
    "bookmarks": N_("Bookmarks"),
    "favourites": N_("Favourites"),
    "conversations": N_("Direct messages"),
}


def filter_context_for(name: str) -> str | None:
    """Where a timeline stands for the user's server-side filters (Mastodon's
    filter contexts); None where no filter context applies (bookmarks…)."""
    if name == "home" or name.startswith("list:"):
        return "home"
    if name in ("local", "federated") or name.startswith("tag:"):
        return "public"
    if name.startswith("account:"):
        return "account"
    if name == "notifications":
        return "notifications"
    return None


def timeline_title(name: str, label: str = "") -> str:
    """What a tab is called, in the current language; `label` names a list or account."""
    if name in FIXED_TITLES:
        return _(FIXED_TITLES[name])
    kind, _sep, arg = name.partition(":")
    if kind == "tag":
        return "#" + one_line(arg)
    if kind == "list":
        return one_line(label) or _("List")
    if kind == "account":
        return "@" + one_line(label) if label else _("Profile")
    return one_line(name)


class TimelineView(Vertical):
    """A tab's content. `name` is its timeline name; `statuses` its list."""

    def __init__(self, name: str, pager: Pager[Any], renderer: Renderer,
                 *, label: str = "", list_id: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.pager = pager
        self.label = label
        self.loaded = False  # the first page arrived from the server
        # What the cache painted before the first page: the refresh joins it.
        self.shown: Page | None = None
        self._hint: Callable[[], str] = lambda: _("Loading…")
        self.statuses = StatusList(renderer, collapse_after=TIMELINE_COLLAPSE_AFTER,
                                   placeholder=self._hint(), id=list_id,
                                   meta=self.meta_for, filter_context=filter_context_for(name))
        # Set by the screen for timelines that stream / keep a read position.
        self.live: LiveUpdates | None = None
        self.position: ReadPosition | None = None

    @property
    def timeline_name(self) -> str:
        return self.name or ""

    @property
    def title(self) -> str:
        return timeline_title(self.timeline_name, self.label)

    @property
    def pane_title(self) -> str:
        """The title over the list: the tab's, with the stream's state."""
        live = self.live.describe() if self.live is not None else ""
        return " · ".join(filter(None, (self.title, live)))

    @property
    def badge(self) -> str:
        """What the tab shows after its title while another tab is on show ("3")."""
        return ""

    def meta_for(self, status: Status, palette: Palette) -> Text:
        """The counts line under each status; a subclass may draw its own rows."""
        return meta_line(status, palette)

    def compose(self) -> ComposeResult:
        yield self.statuses

    def hint(self, hint: Callable[[], str]) -> None:
        """What the empty list says; a callable, so that a language switch re-reads it."""
        self._hint = hint
        self.statuses.placeholder = hint()

    def relanguaged(self) -> None:
        self.statuses.placeholder = self._hint()
        self.statuses.relanguaged()

    def rows(self, items: Sequence[object]) -> list[Status]:
        """What the pager gave, as the list's rows (statuses already, for a timeline)."""
        return [item for item in items if isinstance(item, Status)]


class ProfileView(TimelineView):
    """An account's posts under its profile: name, bio, fields, counts."""

    def __init__(self, name: str, pager: Pager[Any], renderer: Renderer, **kwargs: Any) -> None:
        super().__init__(name, pager, renderer, **kwargs)
        self.account: Account | None = None
        self._local_domain: str | None = None
        self.header = Static(classes="profile-header")

    def compose(self) -> ComposeResult:
        yield self.header
        yield self.statuses

    def show_account(self, account: Account, local_domain: str | None) -> None:
        self.account = account
        self._local_domain = local_domain
        self.label = account.acct
        self.header.update(profile_text(account, local_domain))

    def relanguaged(self) -> None:
        super().relanguaged()
        if self.account is not None:
            self.header.update(profile_text(self.account, self._local_domain))


def profile_text(account: Account, local_domain: str | None) -> Text:
    """The profile header: name and handle, bio, fields (verified links marked), counts."""
    # Here, not at the top: the HTML converter must not load before the first paint.
    from tootui.render.account import render_account

    rendered = render_account(account, local_domain=local_domain)
    text = rendered.header.copy()
    if rendered.note.plain.strip():
        text.append("\n")
        text.append_text(rendered.note)
    for field in rendered.fields:
        text.append("\n")
        text.append_text(field.name)
        text.append(": ")
        text.append_text(field.value)
    text.append("\n")
    text.append(" · ".join((
        ngettext("{n} post", "{n} posts", account.statuses_count)
        .format(n=count(account.statuses_count)),
        ngettext("{n} following", "{n} following", account.following_count)
        .format(n=count(account.following_count)),
        ngettext("{n} follower", "{n} followers", account.followers_count)
        .format(n=count(account.followers_count)),
    )), style="dim")
    return text


