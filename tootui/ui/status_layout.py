"""Where each status of a list sits, in lines, without rendering them all.

Heights start as estimates from a status's HTML and become exact when the
status is measured (rendered and wrapped, when it comes into view or is
selected). An item's first line depends only on the heights above it, so
measuring the visible items never moves the top one; the scrollbar is the only
thing estimates can make approximate. A `HeightIndex` keeps every query and
correction O(log n), which is what lets 10,000 statuses answer a key at once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tootui.filtering import verdict
from tootui.models import Status
from tootui.ui.height_index import HeightIndex
from tootui.ui.status_lines import fixed_line_count, starts_hidden

GUTTER = 2  # the selection bar and a space
INDENT = 2  # cells per level of reply depth in a thread
MAX_DEPTH = 6  # deeper replies stay at this indentation so text keeps its room
MIN_TEXT_WIDTH = 8

_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br|</p>|<li")


def estimate(status: Status) -> tuple[int, int]:
    """(cells, breaks) of a status's text, from its HTML, without rendering it."""
    original = status.original
    html = original.content_html
    text = _TAG.sub("", html)
    # Averaging characters and UTF-8 bytes gives 1 cell per ASCII and 2 per
    # CJK character at C speed, which is all an estimate needs.
    cells = (len(text) + len(text.encode("utf-8", "replace"))) // 2
    extras = len(original.media_attachments) + (2 if original.card else 0)
    if original.poll is not None:
        extras += len(original.poll.options)
    if original.in_reply_to_id is not None:
        extras += 1
    return cells, len(_BREAK.findall(html)) + extras


class StatusLayout:
    """Statuses, their reply depths, and the line each one starts on."""

    def __init__(self, collapse_after: int | None = None,
                 filter_context: str | None = None) -> None:
        self.collapse_after = collapse_after
        # Where the list is, for the user's server-side filters ("home",
        # "thread", ...); None applies every filter the server reported.
        self.filter_context = filter_context
        self.statuses: list[Status] = []
        self.depths: list[int] = []
        self.width = GUTTER + MIN_TEXT_WIDTH
        self._estimates: list[tuple[int, int]] = []
        # Ids (of originals) whose content warning or sensitive media the
        # reader revealed with `s`; everything else that can hide starts hidden.
        self.revealed: set[str] = set()
        self._measured = bytearray()
        self._index = HeightIndex()

    def __len__(self) -> int:
        return len(self.statuses)

    def set(self, statuses: Sequence[Status], depths: Sequence[int] | None = None) -> None:
        self.statuses = list(statuses)
        self.depths = list(depths) if depths is not None else [0] * len(self.statuses)
        self._estimates = [estimate(status) for status in self.statuses]
        self._reset()

    def resize(self, width: int) -> bool:
        """Lay out for a new content width; True when the width changed."""
        width = max(width, GUTTER + MIN_TEXT_WIDTH)
        if width == self.width:
            return False
        self.width = width
        self._reset()
        return True

    def _reset(self) -> None:
        self._measured = bytearray(len(self.statuses))
        self._index.reset([self._estimated_height(i) for i in range(len(self.statuses))])

    def insert(self, index: int, status: Status, depth: int) -> None:
        self.insert_many(index, [status], [depth])

    def insert_many(self, index: int, statuses: Sequence[Status], depths: Sequence[int]) -> None:
        """Insert `statuses` before `index` with one O(n) rebuild, however many they are."""
        count = len(statuses)
        self.statuses[index:index] = statuses
        self.depths[index:index] = depths
        self._estimates[index:index] = [estimate(status) for status in statuses]
        self._measured[index:index] = bytes(count)
        heights = list(self._index.heights)
        heights[index:index] = [self._estimated_height(i) for i in range(index, index + count)]
        self._index.reset(heights)

    def filtered_out(self, status: Status) -> bool:
        """A `hide` filter keeps `status` out of this list."""
        return verdict(status, self.filter_context).hide

    def _can_hide(self, status: Status) -> bool:
        found = verdict(status, self.filter_context)
        return starts_hidden(status) or found.warns or (
            found.blur and bool(status.original.media_attachments))

    def extend(self, statuses: Sequence[Status]) -> None:
        """Add `statuses` at the end, at depth 0, re-indexing once (an older page)."""
        start = len(self.statuses)
        self.statuses.extend(statuses)
        self.depths.extend(0 for _ in statuses)
        self._estimates.extend(estimate(s) for s in statuses)
        self._measured.extend(bytes(len(statuses)))
        heights = list(self._index.heights)
        heights.extend(self._estimated_height(i) for i in range(start, len(self.statuses)))
        self._index.reset(heights)

    def is_hidden(self, index: int) -> bool:
        status = self.statuses[index]
        return status.original.id not in self.revealed and self._can_hide(status)

    def filter_titles(self, index: int) -> tuple[str, ...]:
        """The titles of the `warn` filters status `index` is collapsed behind, if it is."""
        if not self.is_hidden(index):
            return ()
        return verdict(self.statuses[index], self.filter_context).warn_titles

    def toggle_hidden(self, index: int) -> bool:
        """Reveal or hide status `index` again; False when it has nothing to hide."""
        status = self.statuses[index]
        if not self._can_hide(status):
            return False
        self.revealed ^= {status.original.id}
        self._measured[index] = 0
        return True

    def remove(self, index: int) -> None:
        del self.statuses[index]
        del self.depths[index]
        del self._estimates[index]
        del self._measured[index]
        heights = list(self._index.heights)
        del heights[index]
        self._index.reset(heights)

    def replace(self, index: int, status: Status) -> None:
        """Put a new version of a status in place; it is measured again."""
        self.statuses[index] = status
        self._estimates[index] = estimate(status)
        self._measured[index] = 0

    def text_width(self, index: int) -> int:
        """Cells left for the text of status `index` after the gutter and indent."""
        depth = min(self.depths[index], MAX_DEPTH)
        return max(self.width - GUTTER - INDENT * depth, MIN_TEXT_WIDTH)

    def _estimated_height(self, index: int) -> int:
        cells, breaks = self._estimates[index]
        body = breaks + cells // self.text_width(index) + 1
        if self.collapse_after is not None:
            body = min(body, self.collapse_after + 1)
        return fixed_line_count(self.statuses[index]) + body

    def is_measured(self, index: int) -> bool:
        return bool(self._measured[index])

    def set_measured(self, index: int, body_lines: int) -> None:
        """Record the exact height of status `index` from its wrapped body."""
        self._measured[index] = 1
        self._index.set(index, fixed_line_count(self.statuses[index]) + body_lines)

    @property
    def measured_count(self) -> int:
        return sum(self._measured)

    def height(self, index: int) -> int:
        return self._index.height(index)

    def offset(self, index: int) -> int:
        return self._index.offset(index)

    def find(self, line: int) -> int:
        return self._index.find(line)

    @property
    def total(self) -> int:
        return self._index.total
