"""Reading timelines by name, notifications, lists, followed tags and accounts.

`TimelineCalls` is part of `MastodonClient` (split out to keep each file to
one subject); it relies on the client's `_call` and `_api`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from tootui.client.coerce import as_id, items, mapping
from tootui.client.convert import account_from_json, statuses_from_json
from tootui.client.convert_notifications import (
    conversation_statuses,
    grouped_from_json,
    lists_from_json,
    notifications_from_json,
    tag_names,
)
from tootui.client.errors import NotFoundError
from tootui.models import Account, NotificationPage, Page, Status, UserList

if TYPE_CHECKING:
    from mastodon import Mastodon


class TimelineCalls:
    """The reading calls behind the timeline tabs."""

    _api: Mastodon
    # Grouped notifications (4.3+) until the server answers 404.
    _grouped = True

    # MastodonClient's: calls Mastodon.py, raising only ClientErrors.
    _call: Callable[..., Any]

    def timeline(self, name: str = "home", *, max_id: str | None = None,
                 min_id: str | None = None, limit: int = 40) -> Page:
        """One page of timeline `name`, newest first, with the server's cursors.

        Names: "home", "local", "federated", "tag:NAME", "list:ID",
        "account:ID", "bookmarks", "favourites", "conversations" (the last
        post of each direct conversation).
        """
        kind, _sep, arg = name.partition(":")
        pages = {"max_id": max_id, "min_id": min_id, "limit": limit}
        api = self._api
        if name in ("home", "local"):
            result = self._call(api.timeline, name, **pages)
        elif name in ("federated", "public"):
            result = self._call(api.timeline, "public", **pages)
        elif kind == "tag" and arg:
            result = self._call(api.timeline, f"tag/{quote(arg.lstrip('#'), safe='')}", **pages)
        elif kind == "list" and arg:
            result = self._call(api.timeline_list, arg, **pages)
        elif kind == "account" and arg:
            result = self._call(api.account_statuses, arg, **pages)
        elif name == "bookmarks":
            result = self._call(api.bookmarks, **pages)
        elif name == "favourites":
            result = self._call(api.favourites, **pages)
        elif name == "conversations":
            result = self._call(api.conversations, **pages)
            return _page(result, conversation_statuses(result))
        else:
            raise ValueError(f"unknown timeline {name!r}")
        return _page(result, statuses_from_json(result))

    def notifications(self, *, types: tuple[str, ...] = (), max_id: str | None = None,
                      min_id: str | None = None, limit: int = 40) -> NotificationPage:
        """Notifications grouped as Mastodon 4.3+ groups them; the plain v1 list on
        servers without grouping. `types` keeps only those types (all when empty)."""
        pages: dict[str, Any] = {"max_id": max_id, "min_id": min_id, "limit": limit,
                                 "types": list(types) or None}
        if self._grouped:
            try:
                result = self._call(self._api.grouped_notifications, **pages)
            except NotFoundError:
                self._grouped = False  # an older server: it won't learn it later
            else:
                return NotificationPage(
                    items=grouped_from_json(mapping(result)),
                    older=cursor(getattr(result, "_pagination_next", None), "max_id"),
                    newer=cursor(getattr(result, "_pagination_prev", None), "min_id"),
                )
        result = self._call(self._api.notifications, **pages)
        return NotificationPage(
            items=notifications_from_json(result),
            older=cursor(getattr(result, "_pagination_next", None), "max_id"),
            newer=cursor(getattr(result, "_pagination_prev", None), "min_id"),
        )

    def lists(self) -> tuple[UserList, ...]:
        return lists_from_json(self._call(self._api.lists))

    def followed_tags(self) -> tuple[str, ...]:
        """Names of the hashtags the user follows (the first 200)."""
        return tag_names(self._call(self._api.followed_tags, limit=200))

    def tag_following(self, name: str) -> bool:
        """Whether the user follows hashtag `name`."""
        return _following(self._call(self._api.tag, name))

    def set_tag_following(self, name: str, follow: bool) -> bool:
        """Follow or unfollow hashtag `name`; whether it is followed now, as the server says."""
        change = self._api.tag_follow if follow else self._api.tag_unfollow
        return _following(self._call(change, name))

    def account(self, account_id: str) -> Account:
        return account_from_json(self._call(self._api.account, account_id))

    def lookup_account(self, acct: str) -> Account:
        """The account `user` or `user@domain`; asks the server to resolve a remote
        one it has not seen yet."""
        acct = acct.lstrip("@")
        try:
            return account_from_json(self._call(self._api.account_lookup, acct))
        except NotFoundError:
            found = self._call(self._api.account_search, acct, limit=1, resolve=True)
            for item in items(found):
                return account_from_json(mapping(item))
            raise


def _page(result: object, statuses: tuple[Status, ...]) -> Page:
    return Page(
        items=statuses,
        older=cursor(getattr(result, "_pagination_next", None), "max_id"),
        newer=cursor(getattr(result, "_pagination_prev", None), "min_id"),
    )


def cursor(pagination: object, key: str) -> str | None:
    """Mastodon.py turns numeric cursors into ints; ours stay opaque strings."""
    return as_id(mapping(pagination).get(key))


def _following(tag: object) -> bool:
    return mapping(tag).get("following") is True
