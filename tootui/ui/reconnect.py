"""Trying the server again, with capped backoff, while it can't be reached.

The screen calls `failed()` when its refresh failed for a reason that may
pass (offline, 5xx, 429) and `succeeded()` when one worked. Waiting is a
Textual timer, never a sleep in a thread, so the UI keeps answering keys.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer

from tootui.client.errors import ClientError, RateLimitedError
from tootui.i18n import _
from tootui.l10n import exact_time


class HomeUnavailable(Message):
    """The home timeline could not be refreshed; `error` says why."""

    def __init__(self, error: ClientError) -> None:
        super().__init__()
        self.error = error


class Reconnector:
    """Schedules `retry` after each failure: base, 2×base, 4×base … up to `cap` seconds."""

    def __init__(self, screen: Screen[None], retry: Callable[[], object], *,
                 base: float = 2.0, cap: float = 60.0) -> None:
        self.screen = screen
        self.retry = retry
        self.base = base
        self.cap = cap
        self.failures = 0
        self._timer: Timer | None = None

    def failed(self, error: ClientError) -> None:
        if not error.retryable:
            return
        delay = retry_delay(self.failures, error, base=self.base, cap=self.cap)
        self.failures += 1
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.screen.set_timer(delay, self.retry)

    def succeeded(self) -> bool:
        """Reset; True if this ends a run of failures (the server is back)."""
        recovered = self.failures > 0
        self.failures = 0
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        return recovered


def retry_delay(failures: int, error: ClientError, *, base: float, cap: float) -> float:
    """Seconds before the next try after `failures` failed ones in a row: doubling
    up to `cap`, and never before a 429's `Retry-After` (which may exceed the cap:
    asking earlier would only be refused again)."""
    delay = min(cap, base * 2 ** failures)
    if isinstance(error, RateLimitedError) and error.retry_after is not None:
        delay = max(delay, error.retry_after)
    return delay


def offline_title(title: str, since: datetime | None) -> str:
    """A pane title that says plainly since when the server can't be reached."""
    if since is None:
        return title
    return _("{title} · offline since {time}").format(title=title, time=exact_time(since))
