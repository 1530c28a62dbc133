"""A virtualised list of statuses: the timeline and the thread pane.

Built on Textual's Line API: `render_line(y)` paints one line from cached,
wrapped text, so a list of 10,000 statuses costs what its visible lines cost.
`StatusLayout` knows where each status sits, `StatusPainter` paints and caches
their lines; this widget holds the selection, the scrolling and the keys.

The widget does no I/O: keys become intent messages (`ThreadRequested`,
`ToggleRequested`) for the screen to act on; `r` is the screen's own action.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.signal import Signal
from textual.strip import Strip

from tootui.i18n import _
from tootui.models import Status
from tootui.ui.bindings import Scope, bindings_for
from tootui.ui.messages import (
    AccountRequested,
    PostAction,
    PostActionRequested,
    ThreadRequested,
    Toggle,
    ToggleRequested,
)
from tootui.ui.status_layout import StatusLayout
from tootui.ui.status_lines import MetaLine, Palette, Renderer, meta_line
from tootui.ui.status_list_edits import StatusListEdits
from tootui.ui.status_painter import PaintStyles, StatusPainter

MARGIN = 10  # lines measured beyond the viewport, so a key press rarely renders HTML
AHEAD = 3  # statuses past the margin rendered once a key's frame is drawn
# The list asks for older statuses when the selection comes this close to its end.
NEAR_END = 3


class StatusList(StatusListEdits, ScrollView, can_focus=True, inherit_bindings=False):
    """Statuses one under another, with a selection the keys act on."""

    BINDINGS = bindings_for(Scope.STATUSES)

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "status-list--cursor",
        "status-list--cursor-blurred",
        "status-list--bar",
        "status-list--time",
        "status-list--meta",
        "status-list--marker",
        "status-list--more",
        "status-list--placeholder",
    }

    class NearEnd(Message):
        """The reader reached the end of `status_list`: time to fetch older statuses."""

        def __init__(self, status_list: StatusList) -> None:
            super().__init__()
            self.status_list = status_list

        @property
        def control(self) -> StatusList:
            return self.status_list

    def __init__(
        self,
        renderer: Renderer,
        *,
        collapse_after: int | None = None,
        placeholder: str = "",
        filter_context: str | None = None,
        meta: MetaLine = meta_line,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """`filter_context` says where the list is for the user's server-side
        filters ("home", "public", "thread", "notifications", "account")."""
        super().__init__(name=name, id=id, classes=classes)
        self._layout = StatusLayout(collapse_after, filter_context)
        self._styles: PaintStyles | None = None
        self._meta = meta
        # Posts whose favourite, boost or bookmark waits in the outbox: marked so.
        self.queued: frozenset[str] = frozenset()
        self._painter = StatusPainter(self._layout, renderer, lambda: self.app.console,
                                      self._paint_styles, self._meta_line)
        self._placeholder = placeholder
        self._selected = 0
        # Published with the new index when the reader moves the selection
        # (keys, clicks): what live updates and the read position follow.
        self.moved: Signal[int] = Signal(self, "moved")
        # The length at which NearEnd was last posted: once per end reached.
        self._asked_at = -1

    # -- what the list holds ---------------------------------------------

    @property
    def statuses(self) -> Sequence[Status]:
        return self._layout.statuses

    @property
    def depths(self) -> Sequence[int]:
        """Reply depth of each status (all 0 in a timeline)."""
        return self._layout.depths

    @property
    def selected(self) -> int:
        return self._selected

    @property
    def selected_status(self) -> Status | None:
        statuses = self._layout.statuses
        return statuses[self._selected] if statuses else None

    @property
    def selected_row(self) -> int:
        """The screen row (in the list's content) of the selected status's first line."""
        if not self._layout.statuses:
            return 0
        return self._layout.offset(self._selected) - int(self.scroll_y)

    @property
    def measured_count(self) -> int:
        """How many statuses have been rendered and measured (the rest are estimates)."""
        return self._layout.measured_count

    @property
    def placeholder(self) -> str:
        return self._placeholder

    @placeholder.setter
    def placeholder(self, text: str) -> None:
        self._placeholder = text
        if not self._layout.statuses:
            self.refresh()

    def set_statuses(self, statuses: Sequence[Status], depths: Sequence[int] | None = None,
                     *, selected: int = 0) -> None:
        """Show `statuses` (with reply depths for a thread) and select one.

        Statuses a `hide` filter keeps out are left out; `selected` (an index
        into `statuses`) then moves to the next one shown.
        """
        statuses, depths, selected = self._without_filtered(statuses, depths, selected)
        self._layout.resize(self.scrollable_content_region.width)
        self._layout.set(statuses, depths)
        self._selected = max(0, min(selected, len(self._layout) - 1))
        self._sync_virtual_size()
        self.scroll_to(y=0, animate=False)
        self._measure(self._selected)
        self._scroll_to_selected()
        self._measure_view()
        self.refresh()

    def set_queued(self, status_ids: frozenset[str]) -> None:
        """Mark the posts (by original id) whose action still waits to be sent."""
        if status_ids != self.queued:
            self.queued = status_ids
            self.refresh()

    def _meta_line(self, status: Status, palette: Palette) -> Text:
        line = self._meta(status, palette)
        if status.original.id in self.queued:
            line = line.copy()
            line.append("   ")
            line.append(_("queued"), style=palette.meta + Style(dim=True, italic=True))
        return line

    def relanguaged(self) -> None:
        """The interface language changed: render every status again, keeping the selection."""
        self._painter.relanguaged()
        if self._layout.statuses:
            self.set_statuses(list(self.statuses), list(self.depths), selected=self._selected)
        else:
            self.refresh()

    def lines_of(self, index: int) -> list[str]:
        """The plain text of the lines status `index` occupies (for tests and copying)."""
        self._measure(index)
        return [self._painter.content_row(index, row).text
                for row in range(self._layout.height(index))]

    # -- selection -------------------------------------------------------

    def select(self, index: int) -> None:
        """Select status `index` and scroll it into view."""
        if not self._layout.statuses:
            return
        index = max(0, min(index, len(self._layout) - 1))
        if index != self._selected:
            self._refresh_item(self._selected)
            self._selected = index
            self._measure(index)
            self._sync_virtual_size()
            self._refresh_item(index)
            self.moved.publish(index)
        self._scroll_to_selected()
        self.call_after_refresh(self._measure_ahead)
        self._check_end()

    def rearm_end(self) -> None:
        """Post `NearEnd` again the next time the end is reached (a load failed)."""
        self._asked_at = -1

    def _check_end(self) -> None:
        count = len(self._layout)
        if count and self._selected >= count - NEAR_END and self._asked_at != count:
            self._asked_at = count
            self.post_message(self.NearEnd(self))

    def action_cursor_down(self) -> None:
        self.select(self._selected + 1)

    def action_cursor_up(self) -> None:
        self.select(self._selected - 1)

    def action_first(self) -> None:
        self.select(0)

    def action_last(self) -> None:
        self.select(len(self._layout) - 1)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        if not self._layout.statuses:
            return
        height = max(self.scrollable_content_region.height, 1)
        target = self._layout.offset(self._selected) + direction * height
        index = self._layout.find(max(target, 0))
        self.select(index if index != self._selected else index + direction)

    # -- intents ---------------------------------------------------------

    def action_open_thread(self) -> None:
        if (status := self.selected_status) is not None:
            self.post_message(ThreadRequested(status))

    def action_open_profile(self) -> None:
        if (status := self.selected_status) is not None:
            author = status.original.account
            self.post_message(AccountRequested(author.acct, author.url))

    def action_favourite(self) -> None:
        self._toggle(Toggle.FAVOURITE)

    def action_boost(self) -> None:
        self._toggle(Toggle.BOOST)

    def action_bookmark(self) -> None:
        self._toggle(Toggle.BOOKMARK)

    def action_toggle_hidden(self) -> None:
        """Show a content warning's text (or sensitive media), or hide it again."""
        index = self._selected
        if not self._layout.statuses:
            return
        if not self._layout.toggle_hidden(index):
            self.notify(_("This post has no content warning or sensitive media."))
            return
        self._measure(index)
        self._sync_virtual_size()
        self._scroll_to_selected()
        self.refresh()

    def action_post(self, action: str) -> None:
        """One of the `PostAction`s, by value (bindings name them as strings)."""
        if (status := self.selected_status) is not None:
            self.post_message(PostActionRequested(PostAction(action), status))

    def _toggle(self, kind: Toggle) -> None:
        if (status := self.selected_status) is not None:
            self.post_message(ToggleRequested(kind, status))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._layout.statuses:
            return
        index = self._layout.find(offset.y + int(self.scroll_y))
        if index < len(self._layout):
            self.select(index)
            if event.chain == 2:
                self.action_open_thread()

    # -- layout ----------------------------------------------------------

    def _sync_virtual_size(self) -> None:
        size = Size(self._layout.width, max(self._layout.total, 1))
        if size == self.virtual_size:
            return
        if size.width != self.virtual_size.width:
            self.virtual_size = size  # a new width: the full layout pass
            return
        # Only the height (a status measured): not through the reactive, whose
        # layout pass cost a second frame after every key that measured one.
        self.set_reactive(StatusList.virtual_size, size)
        self._scroll_update(size)

    def _measure(self, index: int) -> None:
        """Make the height of status `index` exact (renders it once).

        A status that starts above the view scrolls the view with its change of
        height, so that what is on screen stays where it is (new posts are put
        above the reader unmeasured, and measured when they are reached).
        """
        layout = self._layout
        if 0 <= index < len(layout) and not layout.is_measured(index):
            before = layout.height(index)
            above = layout.offset(index) < int(self.scroll_y)
            layout.set_measured(index, self._painter.body_height(index))
            change = layout.height(index) - before
            if above and change:
                self._sync_virtual_size()
                self.scroll_to(y=self.scroll_y + change, animate=False, immediate=True)

    def _measure_view(self) -> None:
        """Measure every status on screen (plus a margin), top to bottom."""
        layout = self._layout
        top = int(self.scroll_y)
        bottom = top + self.scrollable_content_region.height + MARGIN
        index = layout.find(top)
        changed = False
        while index < len(layout) and layout.offset(index) < bottom:
            if not layout.is_measured(index):
                self._measure(index)
                changed = True
            index += 1
        if changed:
            self._sync_virtual_size()

    def _measure_ahead(self) -> None:
        """Render the next statuses below the margin, after the frame: the keys
        that bring them into view then only copy lines. The virtual size follows
        with the next key's frame, so this draws nothing now."""
        layout = self._layout
        bottom = int(self.scroll_y) + self.scrollable_content_region.height + MARGIN
        index = layout.find(bottom)
        for ahead in range(index, min(index + AHEAD, len(layout))):
            if not layout.is_measured(ahead):
                self._measure(ahead)

    def _scroll_to_selected(self) -> None:
        if not self._layout.statuses:
            return
        start = self._layout.offset(self._selected)
        end = start + self._layout.height(self._selected)
        view = self.scrollable_content_region.height
        top = int(self.scroll_y)
        # A status coming into view is brought a third of the view in, not to
        # the edge: the next few keys then move the selection without
        # scrolling, and a scroll repaints the whole pane (the costly frame).
        lead = view // 3
        if end - start > view:
            target = start  # taller than the view: its top, where reading starts
        elif start < top:
            target = min(start, end - view + lead)
        elif end > top + view:
            target = max(start - lead, end - view)
        else:
            return
        self.scroll_to(y=max(target, 0), animate=False)

    def _refresh_item(self, index: int) -> None:
        if 0 <= index < len(self._layout):
            self.refresh_lines(self._layout.offset(index), self._layout.height(index))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._measure_view()
        # Scrolled (wheel, scrollbar) to the bottom without moving the selection.
        count = len(self._layout)
        if (new_value > old_value and count and new_value >= self.max_scroll_y
                and self._asked_at != count):
            self._asked_at = count
            self.post_message(self.NearEnd(self))

    def on_resize(self, event: events.Resize) -> None:
        if self._layout.resize(self.scrollable_content_region.width):
            self._measure(self._selected)
            self._sync_virtual_size()
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
        self._styles = None
        self._painter.restyled()
        self.refresh()

    # -- painting ------------------------------------------------------

    def _paint_styles(self) -> PaintStyles:
        if self._styles is None:
            self._styles = PaintStyles.resolve(self.rich_style, self.get_component_rich_style)
        return self._styles

    def render_line(self, y: int) -> Strip:
        layout = self._layout
        if not layout.statuses:
            return self._painter.placeholder_line(self._placeholder, y)
        index = layout.find(y + int(self.scroll_y))
        if index >= len(layout):
            return Strip.blank(layout.width, self._paint_styles().base)
        row = y + int(self.scroll_y) - layout.offset(index)
        return self._painter.line(index, row, selected=index == self._selected,
                                  focused=self.has_focus)
