"""Notifications say what happened in Mastodon's own words, in both languages."""

from __future__ import annotations

import pytest

from tootui.i18n import set_language
from tootui.render.notification_text import notification_summary

SENTENCES = [
    # (type, others, English, Simplified Chinese)
    ("reblog", 0, "柚子酱 boosted your post", "柚子酱 转嘟了你的嘟文"),
    ("favourite", 0, "柚子酱 favourited your post", "柚子酱 喜欢了你的嘟文"),
    ("mention", 0, "柚子酱 mentioned you", "柚子酱 提及了你"),
    ("follow", 0, "柚子酱 followed you", "柚子酱 开始关注你"),
    ("follow_request", 0, "柚子酱 requested to follow you", "柚子酱 向你发送了关注请求"),
    ("status", 0, "柚子酱 just posted", "柚子酱 刚刚发布了嘟文"),
    ("update", 0, "柚子酱 edited a post", "柚子酱 编辑了嘟文"),
    ("poll", 0, "A poll you voted in has ended", "你参与的投票已经结束"),
    ("reblog", 1, "柚子酱 and 1 other boosted your post", "柚子酱 和另外 1 人转嘟了你的嘟文"),
    ("reblog", 4, "柚子酱 and 4 others boosted your post", "柚子酱 和另外 4 人转嘟了你的嘟文"),
    ("favourite", 2, "柚子酱 and 2 others favourited your post",
     "柚子酱 和另外 2 人喜欢了你的嘟文"),
    ("follow", 3, "柚子酱 and 3 others followed you", "柚子酱 和另外 3 人开始关注你"),
    # A type from a newer server still reads as a sentence.
    ("quoted_update", 0, "柚子酱 sent you a notification", "柚子酱 给你发送了一条通知"),
]


@pytest.mark.parametrize(("kind", "others", "english", "chinese"), SENTENCES)
def test_notification_summary(kind: str, others: int, english: str, chinese: str) -> None:
    assert notification_summary(kind, "柚子酱", others=others) == english
    set_language("zh_CN")
    assert notification_summary(kind, "柚子酱", others=others) == chinese


def test_a_name_with_braces_is_not_a_format_field() -> None:
    assert notification_summary("reblog", "{count}") == "{count} boosted your post"
