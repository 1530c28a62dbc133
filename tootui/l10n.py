"""Times and counts in the reader's locale, through Babel.

Pure functions: the caller passes `now`, so output is testable and cached
renderings never bake in a time that goes stale.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tootui.i18n import current_language


def _locale() -> str:
    return current_language() or "en"


def relative_time(when: datetime | None, now: datetime | None = None) -> str:
    """Short relative time such as "3 min" / "3分钟"; empty when unknown."""
    if when is None:
        return ""
    from babel.dates import format_timedelta

    now = now or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    delta = now - when
    if delta.total_seconds() < 45:
        delta = delta if delta.total_seconds() > 0 else now - now
    return format_timedelta(delta, threshold=1, format="short", locale=_locale())


def exact_time(when: datetime | None) -> str:
    """The full date and time in the locale's medium format, in local time."""
    if when is None:
        return ""
    from babel.dates import format_datetime

    return format_datetime(when.astimezone(), format="medium", locale=_locale())


def count(n: int) -> str:
    """A count with the locale's digit grouping."""
    from babel.numbers import format_decimal

    return format_decimal(n, locale=_locale())
