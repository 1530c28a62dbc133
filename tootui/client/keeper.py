"""`RenderingKeeper`: stores statuses' renderings in the cache, off the request path.

Rendering HTML costs a few milliseconds a status: done inside the request's
worker, a thread of 200 posts waited half a second for renderings only the
next start needs. The keeper renders on its own thread instead, handing the
interpreter back after each status so the UI thread paints meanwhile, and
finishes what is queued when closed, so the next start still finds them.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from tootui.client.cache import Cache
from tootui.models import Status

if TYPE_CHECKING:
    from tootui.render.rendered import RenderedStatus

log = logging.getLogger(__name__)

_YIELD_S = 0.0005  # a pause after each status: the UI thread gets the interpreter


class RenderingKeeper:
    """Renders queued statuses with `renderer` and stores them under `context`."""

    def __init__(self, cache: Cache, renderer: Callable[[Status], RenderedStatus],
                 context: str) -> None:
        self._cache = cache
        self._renderer = renderer
        self._context = context
        self._queue: queue.SimpleQueue[Sequence[Status] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def keep(self, statuses: Sequence[Status]) -> None:
        if not statuses:
            return
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="tootui-keeper",
                                                daemon=True)
                self._thread.start()
        self._queue.put(list(statuses))

    def close(self) -> None:
        """Finish what is queued, then stop."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(None)
            thread.join()

    def _run(self) -> None:
        from tootui.render.stored import rendered_to_json

        while (batch := self._queue.get()) is not None:
            renderings: dict[str, Any] = {}
            for status in batch:
                try:
                    renderings[status.id] = rendered_to_json(self._renderer(status))
                except Exception:  # a status the renderer chokes on is just not kept
                    log.exception("rendering status %s for the cache", status.id)
                time.sleep(_YIELD_S)
            self._cache.put_rendered(renderings, self._context)
