"""Times and counts in both locales, through Babel."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from tootui.i18n import set_language
from tootui.l10n import count, exact_count, exact_date, exact_time, relative_time

NOW = datetime(2026, 12, 3, 21, 38, 0, tzinfo=UTC)
SHANGHAI = timezone(timedelta(hours=8))


def ago(**delta: float) -> datetime:
    return NOW - timedelta(**delta)


RELATIVE = [
    # (age, English, Simplified Chinese)
    (timedelta(seconds=0), "now", "刚刚"),
    (timedelta(seconds=9), "now", "刚刚"),
    (timedelta(seconds=-30), "now", "刚刚"),  # a clock ahead of ours: not "in 30 s"
    (timedelta(seconds=30), "30 sec", "30秒前"),
    (timedelta(minutes=3), "3 min", "3分钟前"),
    (timedelta(minutes=59), "59 min", "59分钟前"),
    (timedelta(hours=1), "1 hr", "1小时前"),
    (timedelta(hours=5), "5 hr", "5小时前"),
    (timedelta(days=1), "1 day", "1天前"),
    (timedelta(days=2), "2 days", "2天前"),
    (timedelta(days=40), "1 mth", "1个月前"),
    (timedelta(days=800), "2 yrs", "2年前"),
]


@pytest.mark.parametrize(("age", "english", "chinese"), RELATIVE)
def test_relative_time_in_both_locales(age: timedelta, english: str, chinese: str) -> None:
    assert relative_time(NOW - age, NOW) == english
    set_language("zh_CN")
    assert relative_time(NOW - age, NOW) == chinese


def test_relative_time_of_nothing_is_empty() -> None:
    assert relative_time(None, NOW) == ""


def test_relative_time_treats_naive_times_as_utc() -> None:
    assert relative_time(ago(minutes=3).replace(tzinfo=None), NOW) == "3 min"


def test_relative_time_compares_instants_not_wall_clocks() -> None:
    # 05:35 in Shanghai is 21:35 UTC the day before: three minutes before NOW.
    when = datetime(2026, 12, 4, 5, 35, tzinfo=SHANGHAI)
    assert relative_time(when, NOW) == "3 min"


def test_relative_time_defaults_to_the_real_clock() -> None:
    assert relative_time(datetime.now(UTC) - timedelta(hours=3)) == "3 hr"


def test_exact_time_in_both_locales() -> None:
    assert exact_time(NOW, UTC) == "Dec 3, 2026, 9:38:00\u202fPM"
    set_language("zh_CN")
    assert exact_time(NOW, UTC) == "2026年12月3日 21:38:00"


def test_exact_time_converts_to_the_zone_asked_for() -> None:
    set_language("zh_CN")
    assert exact_time(NOW, SHANGHAI) == "2026年12月4日 05:38:00"


def test_exact_time_of_nothing_is_empty() -> None:
    assert exact_time(None) == ""
    assert exact_date(None) == ""


def test_exact_time_defaults_to_local_time() -> None:
    import os
    import time

    saved = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    try:
        set_language("zh_CN")
        assert exact_time(NOW) == "2026年12月4日 05:38:00"
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()


def test_exact_date_in_both_locales() -> None:
    assert exact_date(NOW, UTC) == "Dec 3, 2026"
    set_language("zh_CN")
    assert exact_date(NOW, UTC) == "2026年12月3日"


COUNTS = [
    # (n, English, Simplified Chinese)
    (0, "0", "0"),
    (7, "7", "7"),
    (999, "999", "999"),
    (1234, "1,234", "1,234"),
    (9999, "9,999", "9,999"),
    (10_000, "10K", "1万"),
    (12_345, "12.3K", "1.2万"),
    (99_999, "100K", "10万"),
    (123_456, "123K", "12.3万"),
    (999_950, "1M", "100万"),
    (1_234_567, "1.2M", "123万"),
    (12_345_678, "12.3M", "1230万"),
    (123_456_789, "123M", "1.2亿"),
]


@pytest.mark.parametrize(("n", "english", "chinese"), COUNTS)
def test_counts_in_both_locales(n: int, english: str, chinese: str) -> None:
    assert count(n) == english
    set_language("zh_CN")
    assert count(n) == chinese


def test_exact_count_keeps_every_digit() -> None:
    assert exact_count(123_456_789) == "123,456,789"
    set_language("zh_CN")
    assert exact_count(123_456_789) == "123,456,789"
