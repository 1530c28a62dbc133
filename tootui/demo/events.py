"""Hands each committed write to the open streaming connections."""

from __future__ import annotations

import asyncio
import threading

from tootui.demo.posting import Changes


class EventBus:
    """Fan-out of `Changes` to subscriber queues living on the server's loop."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: list[tuple[asyncio.AbstractEventLoop, asyncio.Queue[Changes | None]]] = []

    def subscribe(self) -> asyncio.Queue[Changes | None]:
        queue: asyncio.Queue[Changes | None] = asyncio.Queue()
        with self._lock:
            self._queues.append((asyncio.get_running_loop(), queue))
        return queue

    def unsubscribe(self, queue: asyncio.Queue[Changes | None]) -> None:
        with self._lock:
            self._queues = [(loop, q) for loop, q in self._queues if q is not queue]

    @property
    def subscriber_count(self) -> int:
        with self._lock:
            return len(self._queues)

    def publish(self, changes: Changes) -> None:
        if not (
            changes.new_statuses
            or changes.deleted_statuses
            or changes.edited_statuses
            or changes.notifications
        ):
            return
        with self._lock:
            targets = list(self._queues)
        for loop, queue in targets:
            loop.call_soon_threadsafe(queue.put_nowait, changes)

    def close_all(self) -> None:
        """Ends every open stream (a `None` tells the stream to finish)."""
        with self._lock:
            targets, self._queues = list(self._queues), []
        for loop, queue in targets:
            if not loop.is_closed():
                loop.call_soon_threadsafe(queue.put_nowait, None)
