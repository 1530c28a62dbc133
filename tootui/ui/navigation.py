"""Getting to a timeline: the go-to menu, the command palette, links, profiles, filters.

Mixed into the main screen over `TimelineTabs`. The go-to menu (`g`) and the
palette list the same destinations; the user's lists and followed hashtags
are fetched in a worker the first time and kept for the session. A hashtag
or a mention picked in a post's links (`o`) opens its tab here instead of a
web page; an account named by its handle is looked up first, in a worker.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import SystemCommand
from textual.message import Message

from tootui.client.errors import ClientError
from tootui.i18n import N_, _
from tootui.models import Account
from tootui.ui.choice_list import ChoiceScreen
from tootui.ui.goto import (
    ACCT_PREFIX,
    MY_PROFILE,
    Destination,
    GotoScreen,
    fetched_destinations,
    fixed_destinations,
)
from tootui.ui.messages import AccountRequested, HashtagRequested, RequestFailed
from tootui.ui.notifications_view import TYPE_FILTERS, NotificationsView
from tootui.ui.tabs import FIRST, TimelineTabs
from tootui.ui.timeline_view import ProfileView

if TYPE_CHECKING:
    from tootui.client.protocol import Client


class DestinationsLoaded(Message):
    """The user's lists and followed hashtags, as go-to destinations."""

    def __init__(self, destinations: list[Destination], *, failed: bool = False) -> None:
        super().__init__()
        self.destinations = destinations
        self.failed = failed  # the menu says so; the next `g` asks again


class ProfileFound(Message):
    """The account to open a profile tab for."""

    def __init__(self, account: Account) -> None:
        super().__init__()
        self.account = account


class TagFollowChanged(Message):
    """The server now has hashtag `tag` followed (`following`) or not."""

    def __init__(self, tag: str, following: bool) -> None:
        super().__init__()
        self.tag = tag
        self.following = following


class Navigation(TimelineTabs):
    """The go-to menu, palette entries and requests to open a hashtag or a profile."""

    client: Client
    local_domain: str | None = None
    _fetched: list[Destination] | None = None

    # -- the go-to menu --------------------------------------------------

    def action_goto(self) -> None:
        self.app.push_screen(GotoScreen(self._fetched), self._open_chosen)
        if self._fetched is None:
            self._fetch_destinations()

    async def _open_chosen(self, destination: Destination | None) -> None:
        if destination is not None:
            await self.open_destination(destination)

    @work(thread=True, exclusive=True, group="destinations")
    def _fetch_destinations(self) -> None:
        try:
            lists = self.client.lists()
            tags = self.client.followed_tags()
        except ClientError as error:
            self.post_message(RequestFailed(error))
            self.post_message(DestinationsLoaded([], failed=True))
            return
        self.post_message(DestinationsLoaded(fetched_destinations(lists, tags)))

    def on_destinations_loaded(self, message: DestinationsLoaded) -> None:
        if not message.failed:
            self._fetched = message.destinations
        if isinstance(self.app.screen, GotoScreen):
            self.app.screen.add_destinations(message.destinations, failed=message.failed)

    def goto_commands(self) -> Iterator[SystemCommand]:
        """The same destinations as the menu, for the command palette."""
        for destination in (*fixed_destinations(), *(self._fetched or ())):
            yield SystemCommand(_("Go to: {title}").format(title=destination.title),
                                _("Open it in a tab"),
                                partial(self.open_destination, destination))

    async def open_destination(self, destination: Destination) -> None:
        name = destination.name
        if name == MY_PROFILE:
            self._find_account(None)
        elif name.startswith(ACCT_PREFIX):
            self._find_account(name.removeprefix(ACCT_PREFIX))
        else:
            await self.open_timeline(name, destination.label)

    # -- hashtags and profiles -------------------------------------------

    def on_hashtag_requested(self, message: HashtagRequested) -> None:
        message.prevent_default()  # the tab, not the web page
        self.call_later(self.open_timeline, f"tag:{message.name}")

    def on_account_requested(self, message: AccountRequested) -> None:
        message.prevent_default()
        self._find_account(message.acct)

    @work(thread=True, exclusive=True, group="find-account")
    def _find_account(self, acct: str | None) -> None:
        """Look up `acct` (None: the user's own account), then open its tab."""
        try:
            account = (self.client.verify_credentials() if acct is None
                       else self.client.lookup_account(acct))
        except ClientError as error:
            self.post_message(RequestFailed(error))
            return
        self.post_message(ProfileFound(account))

    async def on_profile_found(self, message: ProfileFound) -> None:
        account = message.account
        view = await self.open_timeline(f"account:{account.id}", account.acct)
        if isinstance(view, ProfileView):
            view.show_account(account, self.local_domain)
            self.retitle(view)

    # -- following a hashtag ----------------------------------------------

    def action_follow_tag(self) -> None:
        name = self.current_view.timeline_name
        if not name.startswith("tag:"):
            self.notify(_("Open a hashtag's tab first (o on a post, or g), then follow it there."))
            return
        self._toggle_tag_follow(name.removeprefix("tag:"))

    @work(thread=True, exclusive=True, group="tag-follow")
    def _toggle_tag_follow(self, tag: str) -> None:
        try:
            following = self.client.set_tag_following(tag, not self.client.tag_following(tag))
        except ClientError as error:
            self.post_message(RequestFailed(error))
            return
        self.post_message(TagFollowChanged(tag, following))

    def on_tag_follow_changed(self, message: TagFollowChanged) -> None:
        self._fetched = None  # the go-to menu lists followed hashtags: ask again
        text = (_("Following #{tag}: its posts now come into your home timeline.")
                if message.following else _("No longer following #{tag}."))
        self.notify(text.format(tag=message.tag))

    # -- notifications by type -------------------------------------------

    def action_filter_notifications(self) -> None:
        self.app.push_screen(type_filter_screen(), self._filter_chosen)

    async def _filter_chosen(self, types: tuple[str, ...] | None) -> None:
        if types is None:
            return
        view = await self.open_timeline("notifications")
        if isinstance(view, NotificationsView) and types != view.types:
            view.set_types(types)
            self.retitle(view)
            self._paint_cached(view)  # this filter's list as last fetched, if any
            self.load_tab(view, FIRST)


def type_filter_screen() -> ChoiceScreen[tuple[str, ...]]:
    """The kinds of notification `n` offers to show alone."""
    choices: list[tuple[Text | str, tuple[str, ...]]] = [
        (_(label), types) for types, label in TYPE_FILTERS]
    return ChoiceScreen(_("Show notifications"), choices, choose=N_("show"))
