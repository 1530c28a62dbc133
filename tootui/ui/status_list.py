"""A virtualised list of statuses: the timeline and the thread pane.

Built on Textual's Line API: `render_line(y)` paints one line from cached,
wrapped text, so a list of 10,000 statuses costs what the visible lines cost.
Heights start as estimates from the HTML's length and become exact when a
status is first measured (when it comes into view or is selected); a
`HeightIndex` keeps line offsets so finding the status under a line, and
correcting one height, stay O(log n). An item's start depends only on the
heights above it, so measuring the visible items never moves the top one.

The widget does no I/O: keys become intent messages (`ThreadRequested`,
`ReplyRequested`, `ToggleRequested`) for the screen to act on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tootui.models import Status
from tootui.render import RenderedStatus
from tootui.ui.bindings import Scope, bindings_for
from tootui.ui.height_index import HeightIndex
from tootui.ui.messages import ReplyRequested, ThreadRequested, Toggle, ToggleRequested
from tootui.ui.status_lines import (
    Palette,
    Renderer,
    body_lines,
    boost_line,
    fixed_line_count,
    header_line,
    meta_line,
)

GUTTER = 2  # the selection bar and a space
INDENT = 2  # cells per level of reply depth in a thread
MAX_DEPTH = 6  # deeper replies stay at this indentation so text keeps its room
MARGIN = 10  # lines measured beyond the viewport, so a key press rarely measures
CACHE_SIZE = 2048  # statuses whose wrapped lines are kept

_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br|</p>|<li")


def _estimate(status: Status) -> tuple[int, int]:
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
    return cells, len(_BREAK.findall(html)) + extras


class StatusList(ScrollView, can_focus=True, inherit_bindings=False):
    """Statuses one under another, with a selection the keys act on."""

    BINDINGS = bindings_for(Scope.STATUSES)

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "status-list--cursor",
        "status-list--cursor-blurred",
        "status-list--bar",
        "status-list--boost",
        "status-list--time",
        "status-list--meta",
        "status-list--marker",
        "status-list--more",
        "status-list--placeholder",
    }

    def __init__(
        self,
        renderer: Renderer,
        *,
        collapse_after: int | None = None,
        placeholder: str = "",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._render_status = renderer
        self._collapse_after = collapse_after
        self._placeholder = placeholder
        self._statuses: list[Status] = []
        self._depths: list[int] = []
        self._estimates: list[tuple[int, int]] = []
        self._measured = bytearray()
        self._index = HeightIndex()
        self._width = 0
        self._selected = 0
        self._rendered: LRUCache[tuple[str, str], RenderedStatus] = LRUCache(CACHE_SIZE)
        self._lines: LRUCache[tuple[tuple[str, str], int], list[Strip]] = LRUCache(CACHE_SIZE)
        self._palette: Palette | None = None

    # -- what the list holds ---------------------------------------------

    @property
    def statuses(self) -> Sequence[Status]:
        return self._statuses

    @property
    def selected(self) -> int:
        return self._selected

    @property
    def selected_status(self) -> Status | None:
        if not self._statuses:
            return None
        return self._statuses[self._selected]

    @property
    def placeholder(self) -> str:
        return self._placeholder

    @placeholder.setter
    def placeholder(self, text: str) -> None:
        self._placeholder = text
        if not self._statuses:
            self.refresh()

    def set_statuses(
        self, statuses: Sequence[Status], depths: Sequence[int] | None = None,
        *, selected: int = 0,
    ) -> None:
        """Show `statuses` (with reply depths for a thread) and select one."""
        self._statuses = list(statuses)
        self._depths = list(depths) if depths is not None else [0] * len(self._statuses)
        self._estimates = [_estimate(status) for status in self._statuses]
        self._reset_heights()
        self._selected = max(0, min(selected, len(self._statuses) - 1))
        self.scroll_to(y=0, animate=False)
        self._measure_view()
        self._scroll_to_selected()
        self.refresh()

    def insert(self, index: int, status: Status, depth: int = 0, *, select: bool = False) -> None:
        """Add `status` before position `index`, keeping what the reader sees still."""
        index = max(0, min(index, len(self._statuses)))
        self._statuses.insert(index, status)
        self._depths.insert(index, depth)
        self._estimates.insert(index, _estimate(status))
        self._measured.insert(index, 0)
        heights = list(self._index.heights)
        heights.insert(index, self._estimated_height(index))
        self._index.reset(heights)
        if len(self._statuses) > 1 and index <= self._selected:
            self._selected += 1
        self._measure(index)
        self._sync_virtual_size()
        if select:
            self._selected = index
            self._scroll_to_selected()
        elif index <= self._index.find(int(self.scroll_y)) and self.scroll_y > 0:
            self.scroll_to(y=self.scroll_y + self._index.height(index), animate=False)
        self._measure_view()
        self.refresh()

    def update_status(self, status: Status) -> int:
        """Replace every copy of `status` (or boosts of it) in place; returns how many."""
        replaced = 0
        for i, item in enumerate(self._statuses):
            if item.id == status.id:
                new = status
            elif item.reblog is not None and item.reblog.id == status.id:
                new = _with_reblog(item, status)
            else:
                continue
            if new.cache_key != item.cache_key:
                self._measured[i] = 0
            self._statuses[i] = new
            replaced += 1
            self._measure(i)
        if replaced:
            self._sync_virtual_size()
            self.refresh()
        return replaced

    def index_of(self, status_id: str) -> int | None:
        """Position of the status with `status_id` (not of boosts of it)."""
        for i, item in enumerate(self._statuses):
            if item.id == status_id:
                return i
        return None

    def depth(self, index: int) -> int:
        return self._depths[index]

    def lines_of(self, index: int) -> list[str]:
        """The plain text of the lines status `index` occupies (for tests and copying)."""
        self._measure(index)
        width = self._width
        return [self._item_row(index, row, width).text
                for row in range(self._index.height(index))]

    @property
    def measured_count(self) -> int:
        """How many statuses have been rendered and measured (the rest are estimates)."""
        return sum(self._measured)

    # -- selection -------------------------------------------------------

    def select(self, index: int) -> None:
        """Select status `index` and scroll it into view."""
        if not self._statuses:
            return
        index = max(0, min(index, len(self._statuses) - 1))
        if index == self._selected:
            self._scroll_to_selected()
            return
        self._refresh_item(self._selected)
        self._selected = index
        self._measure(index)
        self._sync_virtual_size()
        self._scroll_to_selected()
        self._refresh_item(index)

    def action_cursor_down(self) -> None:
        self.select(self._selected + 1)

    def action_cursor_up(self) -> None:
        self.select(self._selected - 1)

    def action_first(self) -> None:
        self.select(0)

    def action_last(self) -> None:
        self.select(len(self._statuses) - 1)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        if not self._statuses:
            return
        height = max(self.scrollable_content_region.height, 1)
        target = self._index.offset(self._selected) + direction * height
        index = self._index.find(max(target, 0))
        if index == self._selected:
            index += direction
        self.select(index)

    # -- intents ---------------------------------------------------------

    def action_open_thread(self) -> None:
        if (status := self.selected_status) is not None:
            self.post_message(ThreadRequested(status))

    def action_reply(self) -> None:
        if (status := self.selected_status) is not None:
            self.post_message(ReplyRequested(status))

    def action_favourite(self) -> None:
        self._toggle(Toggle.FAVOURITE)

    def action_boost(self) -> None:
        self._toggle(Toggle.BOOST)

    def action_bookmark(self) -> None:
        self._toggle(Toggle.BOOKMARK)

    def _toggle(self, kind: Toggle) -> None:
        if (status := self.selected_status) is not None:
            self.post_message(ToggleRequested(kind, status))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._statuses:
            return
        index = self._index.find(offset.y + int(self.scroll_y))
        if index < len(self._statuses):
            self.select(index)
            if event.chain == 2:
                self.action_open_thread()

    # -- layout ----------------------------------------------------------

    def _wrap_width(self, index: int) -> int:
        depth = min(self._depths[index], MAX_DEPTH)
        return max(self._width - GUTTER - INDENT * depth, 8)

    def _estimated_height(self, index: int) -> int:
        cells, breaks = self._estimates[index]
        body = breaks + cells // self._wrap_width(index) + 1
        if self._collapse_after is not None:
            body = min(body, self._collapse_after + 1)
        return fixed_line_count(self._statuses[index]) + body

    def _reset_heights(self) -> None:
        self._width = max(self.scrollable_content_region.width, GUTTER + 8)
        count = len(self._statuses)
        self._measured = bytearray(count)
        self._index.reset([self._estimated_height(i) for i in range(count)])
        self._sync_virtual_size()

    def _sync_virtual_size(self) -> None:
        self.virtual_size = Size(self._width, max(self._index.total, 1))

    def _measure(self, index: int) -> None:
        """Make the height of status `index` exact (renders it once)."""
        if self._measured[index]:
            return
        height = fixed_line_count(self._statuses[index]) + len(self._body_strips(index))
        self._measured[index] = 1
        self._index.set(index, height)

    def _measure_view(self) -> None:
        """Measure every status on screen (plus a margin), top to bottom."""
        if not self._statuses:
            return
        top = int(self.scroll_y)
        bottom = top + self.scrollable_content_region.height + MARGIN
        index = self._index.find(top)
        changed = False
        while index < len(self._statuses) and self._index.offset(index) < bottom:
            if not self._measured[index]:
                self._measure(index)
                changed = True
            index += 1
        if changed:
            self._sync_virtual_size()

    def _scroll_to_selected(self) -> None:
        if not self._statuses:
            return
        start = self._index.offset(self._selected)
        end = start + self._index.height(self._selected)
        view = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if start < top:
            self.scroll_to(y=start, animate=False)
        elif end > top + view:
            # A status taller than the view shows its top, where reading starts.
            self.scroll_to(y=min(start, end - view), animate=False)

    def _refresh_item(self, index: int) -> None:
        if 0 <= index < len(self._statuses):
            self.refresh_lines(self._index.offset(index), self._index.height(index))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._measure_view()

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._reset_heights()
            self._scroll_to_selected()
        self._measure_view()

    def on_focus(self, event: events.Focus) -> None:
        self._refresh_item(self._selected)

    def on_blur(self, event: events.Blur) -> None:
        self._refresh_item(self._selected)

    def on_mount(self) -> None:
        # Relative times go stale; repainting the visible lines keeps them true.
        self.set_interval(30, self.refresh)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._palette = None
        self._lines.clear()
        self.refresh()

    # -- painting --------------------------------------------------------

    @property
    def palette(self) -> Palette:
        if self._palette is None:
            style = self.get_component_rich_style
            self._palette = Palette(
                boost=style("status-list--boost"),
                time=style("status-list--time"),
                meta=style("status-list--meta"),
                marker=style("status-list--marker"),
                more=style("status-list--more"),
            )
        return self._palette

    def _rendered_for(self, index: int) -> RenderedStatus:
        status = self._statuses[index]
        rendered = self._rendered.get(status.cache_key)
        if rendered is None:
            rendered = self._render_status(status)
            self._rendered.set(status.cache_key, rendered)
        return rendered

    def _body_strips(self, index: int) -> list[Strip]:
        status = self._statuses[index]
        width = self._wrap_width(index)
        key = (status.cache_key, width)
        strips = self._lines.get(key)
        if strips is None:
            console = self.app.console
            lines = body_lines(self._rendered_for(index), width, self._collapse_after,
                               self.palette)
            strips = [Strip(list(line.render(console)), line.cell_len) for line in lines]
            self._lines.set(key, strips)
        return strips

    def _item_row(self, index: int, row: int, width: int) -> Strip:
        """Line `row` of status `index`, `width` cells wide, unstyled by the widget."""
        status = self._statuses[index]
        text_width = self._wrap_width(index)
        palette = self.palette
        if status.reblog is not None:
            if row == 0:
                return self._strip(boost_line(status, palette))
            row -= 1
        if row == 0:
            return self._strip(header_line(self._rendered_for(index), status, text_width,
                                           palette))
        body = self._body_strips(index)
        row -= 1
        if row < len(body):
            return body[row]
        if row == len(body):
            return self._strip(meta_line(status, palette))
        return Strip.blank(0)

    def _strip(self, text: Text) -> Strip:
        return Strip(list(text.render(self.app.console)), text.cell_len)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        line = y + int(self.scroll_y)
        if not self._statuses:
            if y == 0 and self._placeholder:
                style = base + self.get_component_rich_style("status-list--placeholder")
                strip = Strip.join([Strip.blank(GUTTER), self._strip(Text(self._placeholder))])
                return strip.apply_style(style).crop_extend(0, width, base)
            return Strip.blank(width, base)
        index = self._index.find(line)
        if index >= len(self._statuses):
            return Strip.blank(width, base)
        row = line - self._index.offset(index)
        content = self._item_row(index, row, width)
        depth = min(self._depths[index], MAX_DEPTH)
        selected = index == self._selected
        if selected:
            cursor = "status-list--cursor" if self.has_focus else "status-list--cursor-blurred"
            base = base + self.get_component_rich_style(cursor)
        if selected:
            bar_style = base + self.get_component_rich_style("status-list--bar")
            bar = Strip([Segment("▌", bar_style), Segment(" ")], GUTTER)
        else:
            bar = Strip.blank(GUTTER)
        indent = Strip.blank(INDENT * depth)
        return Strip.join([bar, indent, content]).apply_style(base).crop_extend(0, width, base)


def _with_reblog(boost: Status, original: Status) -> Status:
    return replace(boost, reblog=original)
