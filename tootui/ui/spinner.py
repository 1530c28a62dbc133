"""An animated mark for work in flight: "⠹ refreshing…" where the work shows.

One `Spinner` per screen follows the workers it is told about by their group
("first:home", "older:notifications", "thread", "outbox"). Its timer runs only
while one of them is pending, so an idle screen spends nothing on it; each
tick advances the frame and asks the screen to redraw what is pending.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from textual.timer import Timer
    from textual.widget import Widget

# Braille dots: one cell wide in every terminal font that has them, CJK included.
FRAMES = ("⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏")
INTERVAL_S = 0.125

_IN_FLIGHT = (WorkerState.PENDING, WorkerState.RUNNING)


class Spinner:
    """Which worker groups are in flight, and the frame to show beside them."""

    def __init__(self, owner: Widget, redraw: Callable[[], object], *,
                 interval: float = INTERVAL_S) -> None:
        self._owner = owner
        self._redraw = redraw
        self._interval = interval
        # Group -> its workers in flight: an exclusive group's new worker may
        # start before the one it cancels reports that it ended.
        self._pending: dict[str, set[Worker[object]]] = {}
        self._timer: Timer | None = None
        self._frame = 0

    @property
    def running(self) -> bool:
        """The animation's timer is running (something is pending)."""
        return self._timer is not None

    def worker_changed(self, worker: Worker[object]) -> bool:
        """Follow `worker`; True when its group started or stopped being pending."""
        group = worker.group
        workers = self._pending.get(group, set())
        was = bool(workers)
        if worker.state in _IN_FLIGHT:
            workers.add(worker)
        else:
            workers.discard(worker)
        if workers:
            self._pending[group] = workers
        else:
            self._pending.pop(group, None)
        if self._pending and self._timer is None:
            self._timer = self._owner.set_interval(self._interval, self._tick)
        elif not self._pending and self._timer is not None:
            self._timer.stop()
            self._timer = None
        return was != bool(workers)

    @property
    def groups(self) -> list[str]:
        """The groups pending now."""
        return list(self._pending)

    def pending(self, group: str) -> bool:
        return group in self._pending

    def mark(self, group: str, text: str) -> str:
        """`text` after the current frame while `group` is pending, else ""."""
        return f"{FRAMES[self._frame]} {text}" if group in self._pending else ""

    def _tick(self) -> None:
        self._frame = (self._frame + 1) % len(FRAMES)
        self._redraw()
