"""What Babel would answer for the timeline's ages and small counts, without Babel.

Every status on the first screen shows its age ("3 min" / "3分钟前") and its
counts; asking Babel for them loads its CLDR data, about 50 ms and 6 MB before
the first paint. For the languages tootui ships, the few patterns those need
are copied here from CLDR (as Babel holds them); any other language, or a count
that needs more than digit grouping, returns None and goes to Babel.
`tests/i18n/test_cldr_short.py` checks these against Babel itself.
"""

from __future__ import annotations

# (unit, seconds in it) from the largest down, as babel.dates.TIMEDELTA_UNITS.
_UNITS = (("year", 31_536_000), ("month", 2_592_000), ("week", 604_800), ("day", 86_400),
          ("hour", 3_600), ("minute", 60), ("second", 1))

# English: the "short" duration patterns, (one, other).
_EN = {"year": ("{0} yr", "{0} yrs"), "month": ("{0} mth", "{0} mths"),
       "week": ("{0} wk", "{0} wks"), "day": ("{0} day", "{0} days"),
       "hour": ("{0} hr", "{0} hr"), "minute": ("{0} min", "{0} min"),
       "second": ("{0} sec", "{0} sec")}

# Chinese has one plural form; its ages use the "short" past patterns.
_ZH_PAST = {"year": "{0}年前", "month": "{0}个月前", "week": "{0}周前", "day": "{0}天前",
            "hour": "{0}小时前", "minute": "{0}分钟前", "second": "{0}秒前"}


def _base(language: str) -> str:
    return language.replace("-", "_").split("_", 1)[0].lower() or "en"


def short_age(language: str, seconds: float) -> str | None:
    """`seconds` (an age, > 0) as babel's format_timedelta(threshold=1, format="short")
    writes it for `language` (with its past direction in Chinese); None if not known here."""
    base = _base(language)
    if base not in ("en", "zh"):
        return None
    for unit, size in _UNITS:
        value = abs(seconds) / size
        if value >= 1 or unit == "second":
            if unit == "second" and value > 0:
                value = max(1, value)  # Babel never says "0 sec" of a nonzero age
            number = round(value)  # half to even, as Babel rounds
            if base == "zh":
                return _ZH_PAST[unit].replace("{0}", str(number))
            one, other = _EN[unit]
            return (one if number == 1 else other).replace("{0}", str(number))
    return None  # not reached: "second" always answers


def grouped(language: str, n: int) -> str | None:
    """`n` with CLDR's digit grouping ("12,345") for `language`; None if not known here."""
    if _base(language) not in ("en", "zh"):
        return None
    return f"{n:,}"
