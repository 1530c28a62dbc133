"""The compose counter counts as Mastodon does."""

from __future__ import annotations

import pytest

from tootui.post_length import grapheme_count, post_length


def test_plain_text_counts_characters() -> None:
    assert post_length("hello") == 5


def test_every_url_counts_as_the_reserved_length() -> None:
    long_url = "https://example.com/" + "a" * 200
    assert post_length(f"see {long_url}") == 4 + 23
    assert post_length("https://x.io", url_length=30) == 30


def test_trailing_punctuation_is_not_part_of_the_url() -> None:
    assert post_length("(https://example.com/page).") == 1 + 23 + 2


def test_a_remote_mention_counts_its_local_part_only() -> None:
    assert post_length("@alice@very.long.example.social hi") == len("@alice hi")
    assert post_length("@alice hi") == len("@alice hi")


def test_an_email_address_is_not_a_mention() -> None:
    assert post_length("me@example.com") == len("me@example.com")


@pytest.mark.parametrize(("text", "expected"), [
    ("鲑鱼卵", 3),
    ("e\u0301", 1),  # e + combining acute
    ("👍🏽", 1),  # thumbs up + skin tone
    ("👩\u200d💻", 1),  # woman technologist (ZWJ sequence)
    ("🇨🇳🇯🇵", 2),  # two flags
    ("❤️", 1),  # heart + variation selector
])
def test_characters_count_as_the_reader_sees_them(text: str, expected: int) -> None:
    assert grapheme_count(text) == expected


def test_the_content_warning_counts_too() -> None:
    assert post_length("body", "cw") == 6
