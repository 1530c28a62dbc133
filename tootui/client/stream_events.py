"""What a live stream hands over (our models, and its state), and how patient it is.

Kept apart from `streaming` (the reader itself) so that the UI can name the
events without the stream's machinery.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from tootui.models import Notification, Status


class StreamState(Enum):
    CONNECTING = "connecting"
    LIVE = "live"
    RECONNECTING = "reconnecting"
    POLLING = "polling"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class StatusArrived:
    status: Status


@dataclass(frozen=True, slots=True)
class StatusEdited:
    status: Status


@dataclass(frozen=True, slots=True)
class StatusRemoved:
    status_id: str


@dataclass(frozen=True, slots=True)
class NotificationArrived:
    notification: Notification


@dataclass(frozen=True, slots=True)
class StateChanged:
    state: StreamState


StreamEvent = StatusArrived | StatusEdited | StatusRemoved | NotificationArrived | StateChanged
Sink = Callable[[StreamEvent], None]


@dataclass(frozen=True, slots=True)
class StreamTiming:
    """How patient a stream is, in seconds; tests make each of these short."""

    stall_after: float = 45.0  # Mastodon's heartbeat comes every 15 s: three missed
    first_retry: float = 1.0
    max_retry: float = 60.0
    poll_every: float = 60.0
    probe_every: float = 600.0  # while polling, how often streaming is tried again
    connect_timeout: float = 10.0


class Backoff:
    """Capped exponential delays, each shortened by up to a fifth so clients spread out."""

    def __init__(self, first: float, cap: float, jitter: Callable[[], float] = random.random):
        self.first, self.cap = first, cap
        self._jitter = jitter
        self._failures = 0

    def next(self) -> float:
        delay = min(self.cap, self.first * 2 ** min(self._failures, 30))
        self._failures += 1
        return delay * (1 - 0.2 * self._jitter())

    def reset(self) -> None:
        self._failures = 0
