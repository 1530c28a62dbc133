"""tootui's own types for what a Mastodon server returns.

The client converts the server's JSON (or Mastodon.py's dict-like objects) into
these once, at the boundary, so that the UI and the renderer never depend on a
library's shapes, and a server that omits a field is handled in one place
(`tootui.client.convert`). Every field has a safe default for that reason.

Ids stay opaque strings: servers send snowflakes, flakes or ULIDs, so they are
never parsed as numbers; `id_sort_key` orders them the way Mastodon does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


def id_sort_key(status_id: str) -> tuple[int, str]:
    """Order ids as Mastodon does: by length, then lexically (no int parsing)."""
    return (len(status_id), status_id)


@dataclass(frozen=True, slots=True)
class CustomEmoji:
    shortcode: str
    url: str = ""
    static_url: str = ""


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    value_html: str
    verified_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Account:
    id: str
    username: str
    acct: str
    display_name: str = ""
    url: str = ""
    note_html: str = ""
    avatar: str = ""
    bot: bool = False
    locked: bool = False
    group: bool = False
    created_at: datetime | None = None
    followers_count: int = 0
    following_count: int = 0
    statuses_count: int = 0
    fields: tuple[Field, ...] = ()
    emojis: tuple[CustomEmoji, ...] = ()

    @property
    def name(self) -> str:
        """What to call the account: its display name, else its username."""
        return self.display_name or self.username


@dataclass(frozen=True, slots=True)
class Mention:
    id: str
    username: str
    acct: str
    url: str = ""


@dataclass(frozen=True, slots=True)
class Tag:
    name: str
    url: str = ""


@dataclass(frozen=True, slots=True)
class MediaAttachment:
    id: str
    type: str = "unknown"
    url: str | None = None
    preview_url: str | None = None
    remote_url: str | None = None
    description: str | None = None
    blurhash: str | None = None


@dataclass(frozen=True, slots=True)
class Card:
    url: str
    title: str = ""
    description: str = ""
    type: str = "link"
    provider_name: str = ""
    image: str | None = None


@dataclass(frozen=True, slots=True)
class PollOption:
    title: str
    votes_count: int | None = None


@dataclass(frozen=True, slots=True)
class Poll:
    id: str
    options: tuple[PollOption, ...] = ()
    expires_at: datetime | None = None
    expired: bool = False
    multiple: bool = False
    votes_count: int = 0
    voters_count: int | None = None
    voted: bool = False
    own_votes: tuple[int, ...] = ()
    emojis: tuple[CustomEmoji, ...] = ()


@dataclass(frozen=True, slots=True)
class FilterResult:
    """One of the user's server-side filters (v2) that a status matched.

    `action` is "warn" (collapse behind `title`), "hide" (leave the status out)
    or "blur" (hide its media); `context` lists where the filter applies
    ("home", "notifications", "public", "thread", "account").
    """

    title: str
    action: str = "warn"
    context: tuple[str, ...] = ()
    keyword_matches: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Status:
    """A status as the UI needs it. `reblog` holds the boosted original."""

    id: str
    account: Account
    created_at: datetime | None = None
    content_html: str = ""
    uri: str = ""
    url: str | None = None
    visibility: str = "public"
    sensitive: bool = False
    spoiler_text: str = ""
    language: str | None = None
    in_reply_to_id: str | None = None
    in_reply_to_account_id: str | None = None
    reblog: Status | None = None
    media_attachments: tuple[MediaAttachment, ...] = ()
    mentions: tuple[Mention, ...] = ()
    tags: tuple[Tag, ...] = ()
    emojis: tuple[CustomEmoji, ...] = ()
    card: Card | None = None
    poll: Poll | None = None
    replies_count: int = 0
    reblogs_count: int = 0
    favourites_count: int = 0
    favourited: bool = False
    reblogged: bool = False
    bookmarked: bool = False
    pinned: bool = False
    edited_at: datetime | None = None
    application_name: str | None = None
    # A quote post: the quoted status when the server sent it, and the
    # quote's state (Mastodon 4.5: "accepted", "pending", "deleted", ...;
    # "" when the status quotes nothing).
    quote: Status | None = None
    quote_state: str = ""
    # The user's filters this status matched, as the server reported them.
    filtered: tuple[FilterResult, ...] = ()

    @property
    def original(self) -> Status:
        """The status the reader actually reads: the boosted one for a boost."""
        return self.reblog if self.reblog is not None else self

    @property
    def cache_key(self) -> tuple[str, str]:
        """Changes whenever what is rendered for this status may change."""
        orig = self.original
        edited = orig.edited_at.isoformat() if orig.edited_at else ""
        return (self.id, edited)


@dataclass(frozen=True, slots=True)
class Context:
    """A thread: ancestors oldest first, then the status, then descendants."""

    ancestors: tuple[Status, ...] = ()
    descendants: tuple[Status, ...] = ()


@dataclass(frozen=True, slots=True)
class InstanceInfo:
    domain: str
    title: str = ""
    version: str = ""
    max_characters: int = 500
    characters_reserved_per_url: int = 23
    max_media_attachments: int = 4
    streaming_url: str | None = None
    languages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a paginated list, with opaque cursors to its neighbours.

    `older` is the `max_id` of the Link header's `next`, `newer` the `min_id`
    of its `prev`; `None` when the server gave no such link.
    """

    items: tuple[Status, ...] = ()
    older: str | None = None
    newer: str | None = None


@dataclass(frozen=True, slots=True)
class SearchResults:
    """What `/api/v2/search` found: accounts, hashtags and statuses, best first."""

    accounts: tuple[Account, ...] = ()
    hashtags: tuple[Tag, ...] = ()
    statuses: tuple[Status, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.accounts or self.hashtags or self.statuses)


@dataclass(frozen=True, slots=True)
class Notification:
    """A notification, or a group of them as Mastodon 4.3+ folds them (API v2).

    `id` is the group key (v2) or the notification's id (v1); `accounts` are
    who did it, newest first (a sample when `count` is larger); `status` is
    the post it is about, None for follows and the like. `group_key` is the
    server's group (4.3+; on a v1 notification, the group it joins); `newest_id`
    the id of the newest notification in it, what the read marker compares.
    """

    id: str
    type: str
    accounts: tuple[Account, ...] = ()
    count: int = 1
    status: Status | None = None
    created_at: datetime | None = None
    group_key: str | None = None
    newest_id: str | None = None


@dataclass(frozen=True, slots=True)
class NotificationPage:
    """A page of notifications, with cursors as in `Page`."""

    items: tuple[Notification, ...] = ()
    older: str | None = None
    newer: str | None = None


@dataclass(frozen=True, slots=True)
class UserList:
    """One of the user's lists, to open as a timeline."""

    id: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class MediaDraft:
    """A file to attach to a draft, with its alt text."""

    path: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class PollDraft:
    """A poll to attach to a draft: 2 to 4 options, how long it runs."""

    options: tuple[str, ...] = ()
    expires_in: int = 86_400  # seconds
    multiple: bool = False


@dataclass(frozen=True, slots=True)
class ScheduledPost:
    """A post the server will publish later (`scheduled_at`), not yet a status."""

    id: str
    scheduled_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Draft:
    """What the user is writing, independent of any widget."""

    text: str = ""
    in_reply_to_id: str | None = None
    spoiler_text: str = ""
    visibility: str | None = None
    language: str | None = None
    # Set when the draft edits a posted status rather than making a new one.
    edit_id: str | None = None
    poll: PollDraft | None = None
    media: tuple[MediaDraft, ...] = ()
    scheduled_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Relationship:
    """How the user stands towards one account."""

    id: str
    following: bool = False
    requested: bool = False
    followed_by: bool = False
    muting: bool = False
    blocking: bool = False


@dataclass(frozen=True, slots=True)
class StatusEdit:
    """One version of an edited status, as its edit history lists it."""

    created_at: datetime | None = None
    content_html: str = ""
    spoiler_text: str = ""


@dataclass(frozen=True, slots=True)
class Preferences:
    """The user's posting defaults, from `/api/v1/preferences`."""

    visibility: str = "public"
    sensitive: bool = False
    language: str | None = None


@dataclass(frozen=True, slots=True)
class StatusSource:
    """What the author typed, as `/statuses/:id/source` returns it, for editing."""

    id: str
    text: str = ""
    spoiler_text: str = ""


@dataclass(frozen=True, slots=True)
class Translation:
    """A status's text in another language, from the server's translation endpoint."""

    content_html: str = ""
    spoiler_text: str = ""
    detected_source_language: str = ""
    provider: str = ""


