"""Messages shared by more than one widget: intents up, results back down.

Widgets post *intent* messages (something should happen to a status); the
screen that owns the client runs the request in a worker and posts a *result*
message back to itself, handled on the UI thread. Messages used by one widget
only are nested in that widget's class instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from textual.message import Message

from tootui.client.errors import ClientError
from tootui.models import Context, Status


class Toggle(Enum):
    """A per-status flag the user can switch on and off."""

    FAVOURITE = "favourite"
    BOOST = "boost"
    BOOKMARK = "bookmark"


class ThreadRequested(Message):
    """The user wants to read `status` in its thread."""

    def __init__(self, status: Status) -> None:
        super().__init__()
        self.status = status


class ToggleRequested(Message):
    """The user wants to switch `kind` on `status` (to its opposite)."""

    def __init__(self, kind: Toggle, status: Status) -> None:
        super().__init__()
        self.kind = kind
        self.status = status


class TimelineLoaded(Message):
    """The newest statuses of the timeline `name` arrived from the server."""

    def __init__(self, name: str, statuses: Sequence[Status]) -> None:
        super().__init__()
        self.name = name
        self.statuses = statuses


class ThreadLoaded(Message):
    """The thread around `status` arrived from the server."""

    def __init__(self, status: Status, context: Context) -> None:
        super().__init__()
        self.status = status
        self.context = context


class StatusUpdated(Message):
    """The server returned a new version of a status (counts, flags)."""

    def __init__(self, status: Status) -> None:
        super().__init__()
        self.status = status


class StatusPosted(Message):
    """The server accepted a status the user wrote."""

    def __init__(self, status: Status) -> None:
        super().__init__()
        self.status = status


class RequestFailed(Message):
    """A request to the server failed; `error` says why in one line."""

    def __init__(self, error: ClientError, *, posting: bool = False) -> None:
        super().__init__()
        self.error = error
        self.posting = posting


class PostAction(Enum):
    """Something the user can do to a post or its author, besides the toggles."""

    BOOST_AS = "boost_as"
    REPLY_ALL = "reply_all"
    EDIT = "edit"
    DELETE = "delete"
    REDRAFT = "redraft"
    PIN = "pin"
    FOLLOW = "follow"
    MUTE = "mute"
    BLOCK = "block"
    COPY_LINK = "copy_link"
    OPEN_IN_BROWSER = "open_in_browser"
    TRANSLATE = "translate"
    LINKS = "links"
    MEDIA = "media"
    VOTE = "vote"
    DETAILS = "details"


class PostActionRequested(Message):
    """The user wants `action` done to `status` (or to its author)."""

    def __init__(self, action: PostAction, status: Status) -> None:
        super().__init__()
        self.action = action
        self.status = status


class AccountRequested(Message):
    """The user wants the profile of the account mentioned as `acct` (web page `url`).

    The main screen opens the profile in a tab (`ui/navigation.py`, which
    calls `prevent_default()`); `PostDialogs`' fallback opens `url` in the browser.
    """

    def __init__(self, acct: str, url: str) -> None:
        super().__init__()
        self.acct = acct
        self.url = url


class HashtagRequested(Message):
    """The user wants the timeline of hashtag `name` (web page `url`); see `AccountRequested`."""

    def __init__(self, name: str, url: str) -> None:
        super().__init__()
        self.name = name
        self.url = url


class StatusDeleted(Message):
    """The server deleted the status `status_id`."""

    def __init__(self, status_id: str) -> None:
        super().__init__()
        self.status_id = status_id
