"""Changing what a `StatusList` holds while the reader reads it.

Inserting, appending, replacing and removing statuses, each keeping what the
reader looks at still (the selected status on its screen row), and each
honouring the user's server-side filters: a status a `hide` filter catches is
never added, and a new version keeps the filter results the old one had.
Mixed into `StatusList`, which owns the layout, the painter and the selection.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

from tootui.models import Status

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView

    from tootui.ui.status_layout import StatusLayout
    from tootui.ui.status_painter import StatusPainter

    _Base = ScrollView
else:
    _Base = object


def _keep_filtered(old: Status, new: Status) -> Status:
    """`new`, still carrying `old`'s filter results if it came without any: the
    answer to a favourite or a vote need not list them (the demo's doesn't), and
    a collapsed post must not open because it was favourited."""
    if new.filtered or not old.filtered:
        return new
    return replace(new, filtered=old.filtered)


class StatusListEdits(_Base):
    """What the list holds, changed in place; `StatusList` provides the rest."""

    _layout: StatusLayout
    _painter: StatusPainter
    _selected: int

    if TYPE_CHECKING:  # provided by StatusList
        @property
        def selected_row(self) -> int: ...

        def set_statuses(self, statuses: Sequence[Status],
                         depths: Sequence[int] | None = None, *, selected: int = 0) -> None: ...

        def _sync_virtual_size(self) -> None: ...

        def _measure(self, index: int) -> None: ...

        def _measure_view(self) -> None: ...

        def _scroll_to_selected(self) -> None: ...

    def _without_filtered(
        self, statuses: Sequence[Status], depths: Sequence[int] | None, selected: int
    ) -> tuple[Sequence[Status], Sequence[int] | None, int]:
        layout = self._layout
        kept = [i for i, status in enumerate(statuses) if not layout.filtered_out(status)]
        if len(kept) == len(statuses):
            return statuses, depths, selected
        new_selected = next((n for n, i in enumerate(kept) if i >= selected), len(kept) - 1)
        return ([statuses[i] for i in kept],
                [depths[i] for i in kept] if depths is not None else None,
                max(new_selected, 0))

    def insert(self, index: int, status: Status, depth: int = 0, *, select: bool = False) -> None:
        """Add `status` before position `index`, keeping what the reader sees still
        (unless a `hide` filter keeps it out of the list).

        A status the list already holds is updated in place instead: a post can
        come both from the request that made it and from the stream.
        """
        layout = self._layout
        if any(item.id == status.id for item in layout.statuses):
            self.update_status(status)
            return
        if layout.filtered_out(status):
            return
        index = max(0, min(index, len(layout)))
        top_index = layout.find(int(self.scroll_y))
        layout.insert(index, status, depth)
        if len(layout) > 1 and index <= self._selected:
            self._selected += 1
        self._sync_virtual_size()
        if not select and index <= top_index and self.scroll_y > 0:
            # Scrolled by its estimate; measuring it then corrects for the rest.
            self.scroll_to(y=self.scroll_y + layout.height(index), animate=False,
                           immediate=True)
        self._measure(index)
        self._sync_virtual_size()
        if select:
            self._selected = index
            self._scroll_to_selected()
        self._measure_view()
        self.refresh()

    def insert_above(self, index: int, statuses: Sequence[Status]) -> int:
        """Add `statuses` (in order) before position `index`, never moving the reader:
        the selected status stays selected on the same screen row. Statuses the
        list holds already are left out; returns how many were added."""
        layout = self._layout
        held = {item.id for item in layout.statuses}
        fresh = [status for status in statuses
                 if status.id not in held and not layout.filtered_out(status)]
        if not fresh:
            return 0
        if not layout.statuses:
            self.set_statuses(fresh)
            return len(fresh)
        index = max(0, min(index, len(layout)))
        with self._reader_kept():
            # Left as estimates: they are off screen, above the reader, and are
            # measured as any other when they come into view.
            layout.insert_many(index, fresh, [0] * len(fresh))
            if index <= self._selected:
                self._selected += len(fresh)
        return len(fresh)

    @contextmanager
    def _reader_kept(self) -> Iterator[None]:
        """Whatever changes inside, the selected status keeps its screen row."""
        row = self.selected_row
        yield
        self._sync_virtual_size()
        if self._layout.statuses:
            self._measure(self._selected)
            self.scroll_to(y=max(0, self._layout.offset(self._selected) - row), animate=False,
                           immediate=True)
        self._measure_view()
        self.refresh()

    def append(self, statuses: Sequence[Status]) -> None:
        """Add older `statuses` at the end; the reader stays where they are."""
        layout = self._layout
        layout.extend([status for status in statuses if not layout.filtered_out(status)])
        self._sync_virtual_size()
        self._measure_view()
        self.refresh()

    def update_status(self, status: Status) -> int:
        """Replace every copy of `status` (or boosts of it) in place; returns how many.

        A version that a `hide` filter now catches (an edit) leaves the list. The
        reader's selected status keeps its screen row even when a post above it
        grows or shrinks (an edit).
        """
        layout = self._layout
        if layout.filtered_out(status):
            return self.remove_status(status.id)
        found = [i for i, item in enumerate(layout.statuses)
                 if item.id == status.id or (item.reblog is not None
                                             and item.reblog.id == status.id)]
        if not found:
            return 0
        with self._reader_kept():
            for i in found:
                item = layout.statuses[i]
                new = (_keep_filtered(item, status) if item.id == status.id
                       else replace(item, reblog=_keep_filtered(item.original, status)))
                self._painter.forget(i)
                layout.replace(i, new)
                self._measure(i)
        return len(found)

    def remove_status(self, status_id: str) -> int:
        """Take out `status_id` and every boost of it; returns how many went.

        The selection stays on its screen row: on the same status, or on the
        next one when the selected status itself went.
        """
        layout = self._layout
        gone = [i for i, item in enumerate(layout.statuses)
                if item.id == status_id or item.original.id == status_id]
        if not gone:
            return 0
        with self._reader_kept():
            for i in reversed(gone):
                self._painter.forget(i)
                layout.remove(i)
                if i < self._selected:
                    self._selected -= 1
            self._selected = max(0, min(self._selected, len(layout) - 1))
        return len(gone)
