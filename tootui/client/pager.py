"""Pagers: a timeline's position, so widgets never hold ids or URLs.

They follow the cursors the server put in its Link header (`older` and
`newer` of a page) rather than building them from ids, because some servers
page by internal ids that match nothing in the body (bookmarks, favourites,
conversations, notifications). `TimelinePager` takes anything with a
`timeline()` method of `MastodonClient`'s shape, so a caching client can
stand in for the network one; `NotificationPager` does the same over
`notifications()`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Generic, Protocol, TypeVar

from tootui.models import Notification, NotificationPage, Page, Status, id_sort_key

T = TypeVar("T")

# Timelines whose cursors are status ids: a cached run of them can be joined
# to a fresh page by comparing ids. The others page by ids of their own
# records (when a post was bookmarked, not when it was written).
RECORD_PAGED = frozenset({"bookmarks", "favourites", "conversations"})


def pages_by_status_id(name: str) -> bool:
    return name not in RECORD_PAGED


class _PageLike(Protocol[T]):  # type: ignore[misc]
    @property
    def items(self) -> tuple[T, ...]: ...

    @property
    def older(self) -> str | None: ...

    @property
    def newer(self) -> str | None: ...


Fetch = Callable[[str | None, str | None, int], "_PageLike[T]"]


class Pager(Generic[T]):
    """First page, then older and newer pages of one list, newest first."""

    # "Load newer" after a long time away may find more than a page waiting;
    # it fetches up to this many pages at once, then leaves the rest for the
    # next call rather than blocking a worker indefinitely.
    MAX_NEWER_PAGES = 5

    def __init__(self, fetch: Fetch[T], *, limit: int = 40) -> None:
        self._fetch = fetch
        self.limit = limit
        self._older: str | None = None
        self._newer: str | None = None
        self._started = False
        self._exhausted = False
        self._lock = threading.Lock()

    @property
    def has_older(self) -> bool:
        """False once the server has said there is nothing older."""
        return not self._started or (not self._exhausted and self._older is not None)

    @property
    def more_newer(self) -> bool:
        """The last `newer()` stopped at its page limit: more is waiting."""
        return self._more_newer

    _more_newer = False

    def first(self) -> list[T]:
        """The newest page; starts the pager over."""
        with self._lock:
            return self._first()

    def _first(self) -> list[T]:
        page = self._fetch(None, None, self.limit)
        self._started = True
        self._older = page.older
        self._newer = page.newer
        self._exhausted = not page.items or page.older is None
        return list(page.items)

    def older(self) -> list[T]:
        """The page after the oldest one seen; empty when there is none."""
        if not self._started:
            return self.first()
        with self._lock:
            return self._next_older()

    def _next_older(self) -> list[T]:
        if self._exhausted or self._older is None:
            return []
        page = self._fetch(self._older, None, self.limit)
        if not page.items or page.older is None:
            self._exhausted = True
        if page.older is not None:
            self._older = page.older
        return list(page.items)

    def newer(self) -> list[T]:
        """Everything posted since the newest item seen (up to a few pages)."""
        if not self._started or self._newer is None:
            # An empty list gave no cursor: all there is, is newer.
            return self.first()
        with self._lock:
            collected: list[T] = []
            self._more_newer = False
            for _page in range(self.MAX_NEWER_PAGES):
                page = self._fetch(None, self._newer, self.limit)
                if not page.items:
                    break
                if page.newer is not None:
                    self._newer = page.newer
                # min_id pages are the ones right after the cursor, so each
                # later page is newer than everything collected so far.
                collected[:0] = page.items
                if len(page.items) < self.limit or page.newer is None:
                    break
            else:
                self._more_newer = True
            return collected


class TimelinePager(Pager[Status]):
    """A timeline by name ("home", "tag:NeoDB", ...) over a client's `timeline()`."""

    # How many older pages a refresh fetches to reach what was shown before.
    MAX_GAP_PAGES = 5

    def __init__(self, client: TimelineSource, name: str = "home", *, limit: int = 40) -> None:
        super().__init__(lambda max_id, min_id, n: client.timeline(
            name, max_id=max_id, min_id=min_id, limit=n), limit=limit)
        self.client = client
        self.name = name

    def refresh(self, shown: Page | None) -> list[Status]:
        """The newest page, joined to `shown` (what the cache painted).

        Older pages are fetched until the fresh run reaches `shown`, so the
        gap between them is filled; if it is not reached within
        `MAX_GAP_PAGES` (or the timeline's cursors are not status ids), the
        fresh run alone is returned: what the reader scrolls to next comes
        from the server, never a jump over missing posts.
        """
        with self._lock:
            collected = self._first()
            if shown is None or not shown.items or not pages_by_status_id(self.name):
                return collected
            newest_shown = max((s.id for s in shown.items), key=id_sort_key)
            for _page in range(self.MAX_GAP_PAGES):
                if not collected or _reaches(collected, newest_shown):
                    break
                page = self._next_older()
                if not page:
                    break
                collected += page
            if not collected or not _reaches(collected, newest_shown):
                return collected
            seen = {s.id for s in collected}
            oldest = id_sort_key(collected[-1].id)
            tail = [s for s in shown.items if s.id not in seen and id_sort_key(s.id) < oldest]
            if tail:
                # The cached run goes on where the fresh one stops: older
                # pages continue from the cache's own cursor.
                self._older = shown.older
                self._exhausted = shown.older is None
            return collected + tail


def _reaches(collected: Sequence[Status], newest_shown: str) -> bool:
    """The fresh run goes down to (or past) the newest status shown before."""
    return id_sort_key(collected[-1].id) <= id_sort_key(newest_shown)


class TimelineSource(Protocol):
    def timeline(self, name: str = "home", *, max_id: str | None = None,
                 min_id: str | None = None, limit: int = 40) -> Page: ...


class NotificationSource(Protocol):
    def notifications(self, *, types: tuple[str, ...] = (), max_id: str | None = None,
                      min_id: str | None = None, limit: int = 40) -> NotificationPage: ...


class NotificationPager(Pager[Notification]):
    """Notifications (grouped where the server groups them), of `types` only if given."""

    def __init__(self, client: NotificationSource, types: tuple[str, ...] = (), *,
                 limit: int = 40) -> None:
        super().__init__(lambda max_id, min_id, n: client.notifications(
            types=types, max_id=max_id, min_id=min_id, limit=n), limit=limit)
        self.types = types
