"""The ages and counts written without Babel are the ones Babel writes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from babel.dates import format_timedelta
from babel.numbers import format_decimal

from tootui.cldr_short import grouped, short_age

# Every unit, its edges, and the half-way points where the rounding shows.
AGES = [0.4, 1, 1.5, 2.5, 59, 59.5, 60, 89, 90, 150, 3_599, 3_600, 5_400, 86_399,
        86_400, 129_600, 604_799, 604_800, 1_000_000, 2_591_999, 2_592_000, 7_776_000,
        31_535_999, 31_536_000, 47_304_000, 400_000_000]


@pytest.mark.parametrize("seconds", AGES)
def test_english_ages_match_babel(seconds: float) -> None:
    expected = format_timedelta(timedelta(seconds=seconds), threshold=1, format="short",
                                locale="en")
    assert short_age("en", seconds) == expected


@pytest.mark.parametrize("seconds", AGES)
def test_chinese_ages_match_babel_with_their_direction(seconds: float) -> None:
    expected = format_timedelta(-timedelta(seconds=seconds), threshold=1, format="short",
                                add_direction=True, locale="zh_CN")
    assert short_age("zh_CN", seconds) == expected


@pytest.mark.parametrize("n", [0, 1, 7, 999, 1_000, 9_999, -5, -1_234])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_small_counts_match_babel(language: str, n: int) -> None:
    assert grouped(language, n) == format_decimal(n, locale=language)


def test_other_languages_are_left_to_babel() -> None:
    assert short_age("fr", 120) is None
    assert grouped("de", 1_234) is None
