"""Handing work from a client's own thread (a live stream) to the app's event loop.

Textual's `call_from_thread` waits for the answer, and waits forever if the app
has already stopped; a stream's thread must never hang on the UI, so this
only schedules, and drops the call once the app's loop is closed.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable
from contextlib import suppress
from typing import Any


class UiThread:
    """Made on the UI thread; `call()` from any thread runs `fn` there, soon."""

    def __init__(self) -> None:
        self._loop = asyncio.get_running_loop()
        # Textual finds its app through context variables: the call runs in the
        # UI's context, not the calling thread's.
        self._context = contextvars.copy_context()

    def call(self, fn: Callable[..., Any], *args: Any) -> None:
        with suppress(RuntimeError):  # the loop is closed: the app has gone
            self._loop.call_soon_threadsafe(fn, *args, context=self._context)
