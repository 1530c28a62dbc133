"""Times and counts in the reader's locale, through Babel (CLDR data).

Pure functions of their arguments and the current language: the caller passes
`now` (and may pass a time zone), so output is testable and cached renderings
never bake in a time that goes stale.

Babel is imported lazily, on first use, so that `tootui --help` does not wait
for its locale data to load; the first paint's ages and counts, in the languages
tootui ships, come from `tootui.cldr_short` and do not load it at all.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from tootui.cldr_short import grouped, short_age
from tootui.i18n import _, current_language

if TYPE_CHECKING:
    from babel.core import Locale

#: Under this age a post is "now" / "刚刚": a seconds count would tick on every
#: redraw and tell the reader nothing.
JUST_NOW = timedelta(seconds=10)

#: Counts from here on are shown compact ("12.3K", "1.2万"); below it, in full.
COMPACT_FROM = 10_000

# Languages whose bare duration does not read as "ago". In English a timeline's
# "3 min" is idiomatic (Mastodon's web UI writes "3m"); in Chinese "3分钟" reads as
# "for three minutes", so it needs CLDR's past form "3分钟前".
_NEEDS_DIRECTION = frozenset({"zh"})


@cache
def _babel_locale(language: str) -> Locale:
    from babel.core import Locale, UnknownLocaleError

    try:
        return Locale.parse(language or "en")
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def _locale() -> Locale:
    return _babel_locale(current_language())


def relative_time(when: datetime | None, now: datetime | None = None) -> str:
    """How long ago `when` was, short: "3 min" / "3分钟前"; empty when unknown.

    A time in the future (clock skew between server and reader) counts as now.
    Units round to the nearest (90 seconds is "2 min"), as Babel does.
    """
    if when is None:
        return ""
    now = now or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    age = now - when
    if age < JUST_NOW:
        return _("now")
    known = short_age(current_language(), age.total_seconds())
    if known is not None:
        return known
    from babel.dates import format_timedelta

    locale = _locale()
    if locale.language in _NEEDS_DIRECTION:
        return format_timedelta(
            -age, threshold=1, format="short", add_direction=True, locale=locale
        )
    return format_timedelta(age, threshold=1, format="short", locale=locale)


def exact_time(when: datetime | None, tz: tzinfo | None = None) -> str:
    """The full date and time in the locale's medium format, in `tz` (default:
    the machine's local zone): "Dec 3, 2026, 9:38:00 PM" / "2026年12月3日 21:38:00".
    """
    if when is None:
        return ""
    from babel.dates import format_datetime

    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    local = when.astimezone(tz) if tz is not None else when.astimezone()
    return format_datetime(local, format="medium", locale=_locale())


def exact_date(when: datetime | None, tz: tzinfo | None = None) -> str:
    """The date alone in the locale's medium format: "Dec 3, 2026" / "2026年12月3日"."""
    if when is None:
        return ""
    from babel.dates import format_date

    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    local = when.astimezone(tz) if tz is not None else when.astimezone()
    return format_date(local.date(), format="medium", locale=_locale())


def count(n: int) -> str:
    """A count for a narrow column: "9,999", then "12.3K" / "1.2万", "1.2M" / "1.2亿".

    Compact, because the counts sit in fixed-width columns beside each post and
    because that is how each locale writes large counts and how Mastodon's own web
    interface shows them: Chinese groups by 万 (10⁴) and 亿 (10⁸), not by
    thousands, and CLDR's compact patterns, through Babel, know that. Below 10,000
    the number is shown in full with the locale's grouping: it fits the same five
    cells, loses nothing, and Chinese writes counts under 一万 in full anyway.

    The value is rounded to three significant digits before Babel picks the unit,
    so 999,950 reads "1M" rather than "1000K".
    """
    return _count(current_language(), n)


# Counts repeat (0, 1, 2… on most posts) and are drawn on every repaint.
@lru_cache(maxsize=4096)
def _count(language: str, n: int) -> str:
    if abs(n) < COMPACT_FROM:
        known = grouped(language, n)
        if known is not None:
            return known
    locale = _babel_locale(language)
    if abs(n) < COMPACT_FROM:
        from babel.numbers import format_decimal

        return format_decimal(n, locale=locale)
    from babel.numbers import format_compact_decimal

    step = 10 ** (len(str(abs(n))) - 3)
    rounded = (abs(n) + step // 2) // step * step
    return format_compact_decimal(
        rounded if n >= 0 else -rounded, format_type="short", fraction_digits=1, locale=locale
    )


def exact_count(n: int) -> str:
    """A number in full with the locale's digit grouping: "12,345"."""
    from babel.numbers import format_decimal

    return format_decimal(n, locale=_locale())
