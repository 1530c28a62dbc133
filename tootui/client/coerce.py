"""Forgiving readers for single JSON values from servers we do not control.

Each function takes whatever a server (or Mastodon.py, which pre-parses some
values) put in a field and returns the type our models want, or a default.
None of them raises: a single odd field must never cost the reader a status.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

_EPOCH_DIGITS = re.compile(r"^-?\d+(\.\d+)?$")
# ISO 8601 as servers really write it: optional fraction of any length,
# optional "Z" or offset (with or without a colon), or a bare date.
_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$"
)


def mapping(value: object) -> Mapping[str, Any]:
    """`value` if it is a JSON object, else an empty one."""
    return value if isinstance(value, Mapping) else {}


def items(value: object) -> Iterable[Any]:
    """The elements of a JSON array; anything else counts as empty."""
    if isinstance(value, (list, tuple)):
        return value
    return ()


def as_str(value: object, default: str = "") -> str:
    """A string field; ints (ids converted by a library) become their digits."""
    if value is None:
        return default
    if isinstance(value, str):
        return str(value)  # drops str subclasses such as Mastodon.py's id type
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return str(value)
    return default


def as_id(value: object) -> str | None:
    """An opaque id as `str`, or None when absent or unusable."""
    text = as_str(value)
    return text or None


def as_opt_str(value: object) -> str | None:
    """A nullable string field: None stays None, and so does garbage."""
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return as_str(value)
    return None


def as_int(value: object, default: int = 0) -> int:
    """A counter; servers sometimes send counters as strings."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        # Python's JSON reader accepts Infinity and NaN, which have no int.
        return int(value) if math.isfinite(value) else default
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return default
    return default


def as_opt_int(value: object) -> int | None:
    """A nullable counter (poll votes hidden until the poll ends)."""
    if value is None:
        return None
    marker = -(2**62)
    number = as_int(value, default=marker)
    return None if number == marker else number


def as_bool(value: object, default: bool = False) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in ("true", "1", "yes"):
            return True
        if lowered in ("false", "0", "no", ""):
            return False
    return default


def as_datetime(value: object) -> datetime | None:
    """An aware UTC datetime from ISO text, a UNIX time, or a parsed datetime.

    Naive values are taken as UTC, which is what the API promises for every
    timestamp; anything unparseable becomes None rather than a wrong date.
    """
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _EPOCH_DIGITS.match(text):
        return _from_epoch(float(text))
    match = _ISO.match(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    try:
        parsed = datetime(
            int(year), int(month), int(day),
            int(hour or 0), int(minute or 0), int(second or 0), micro,
            tzinfo=_zone(zone),
        )
    except ValueError:
        return None
    return parsed.astimezone(UTC)


def _zone(zone: str | None) -> timezone:
    if zone is None or zone in ("Z", "z"):
        return UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    hours = int(digits[:2])
    minutes = int(digits[2:4] or 0)
    try:
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    except ValueError:
        return UTC


def _from_epoch(seconds: float) -> datetime | None:
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None
