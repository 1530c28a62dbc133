"""`TimelinePager`: a timeline's position, so widgets never hold ids or URLs.

It follows the cursors the server put in its Link header (`Page.older` and
`Page.newer`) rather than building them from ids, because some servers page
by internal ids that match nothing in the body. It takes anything with a
`timeline()` method of `MastodonClient`'s shape, so a caching client can stand
in for the network one.
"""

from __future__ import annotations

import threading
from typing import Protocol

from tootui.models import Page, Status


class TimelineSource(Protocol):
    def timeline(self, name: str = "home", *, max_id: str | None = None,
                 min_id: str | None = None, limit: int = 40) -> Page: ...


class TimelinePager:
    """First page, then older and newer pages of one timeline, newest first."""

    # "Load newer" after a long time away may find more than a page waiting;
    # it fetches up to this many pages at once, then leaves the rest for the
    # next call rather than blocking a worker indefinitely.
    MAX_NEWER_PAGES = 5

    def __init__(self, client: TimelineSource, name: str = "home", *, limit: int = 40) -> None:
        self.client = client
        self.name = name
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

    def first(self) -> list[Status]:
        """The newest page; starts the pager over."""
        with self._lock:
            page = self.client.timeline(self.name, limit=self.limit)
            self._started = True
            self._older = page.older
            self._newer = page.newer
            self._exhausted = not page.items or page.older is None
            return list(page.items)

    def older(self) -> list[Status]:
        """The page after the oldest one seen; empty when there is none."""
        if not self._started:
            return self.first()
        with self._lock:
            if self._exhausted or self._older is None:
                return []
            page = self.client.timeline(self.name, max_id=self._older, limit=self.limit)
            if not page.items or page.older is None:
                self._exhausted = True
            if page.older is not None:
                self._older = page.older
            return list(page.items)

    def newer(self) -> list[Status]:
        """Everything posted since the newest status seen (up to a few pages)."""
        if not self._started or self._newer is None:
            # An empty timeline gave no cursor: all there is, is newer.
            return self.first()
        with self._lock:
            collected: list[Status] = []
            for _page in range(self.MAX_NEWER_PAGES):
                page = self.client.timeline(self.name, min_id=self._newer, limit=self.limit)
                if not page.items:
                    break
                if page.newer is not None:
                    self._newer = page.newer
                # min_id pages are the ones right after the cursor, so each
                # later page is newer than everything collected so far.
                collected[:0] = page.items
                if len(page.items) < self.limit or page.newer is None:
                    break
            return collected
