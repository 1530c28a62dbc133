"""Snowflake-like ids: milliseconds since the epoch in the high bits, as Mastodon's.

Because the time is in the id, statuses sort by id the way Mastodon's do and
`created_at` can be read back from the id itself.
"""

from __future__ import annotations

import itertools
import threading
import time
from datetime import UTC, datetime

_counter = itertools.count()
_lock = threading.Lock()


def now_ms() -> int:
    return int(time.time() * 1000)


def snowflake(ms: int | None = None) -> int:
    """A fresh id for something created at `ms` (default: now)."""
    with _lock:
        sequence = next(_counter) & 0xFFFF
    return ((now_ms() if ms is None else ms) << 16) | sequence


def id_ms(snowflake_id: int) -> int:
    return snowflake_id >> 16


def iso_from_ms(ms: int) -> str:
    """`2026-08-01T13:50:18.598Z`: UTC with milliseconds, as Mastodon writes it."""
    moment = datetime.fromtimestamp(ms / 1000, tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def iso_now() -> str:
    return iso_from_ms(now_ms())


def parse_id(value: object) -> int | None:
    """A client-sent id as an int, or None when it is not one of ours."""
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 20:
        return int(value)
    return None
