"""The Chinese catalogue uses Mastodon's own Simplified Chinese words.

Readers know Mastodon's web interface; a post called 帖子 in one place and 嘟文
in another, or a boost called 转发, reads as two different things.
"""

from __future__ import annotations

import re

import pytest
from babel.messages.catalog import Catalog

from tootui.locale import update

# English word (as a regular expression) -> the word Mastodon's zh-CN interface uses.
GLOSSARY: dict[str, str] = {
    r"\bposts?\b|\bstatus(es)?\b": "嘟文",
    r"\bboost": "转嘟",
    r"\bfavourit": "喜欢",
    r"\bbookmark": "书签",
    r"\brepl(y|ies|ied)\b": "回复",
    r"\bthreads?\b": "嘟文串",
    r"\bnotifications?\b": "通知",
    r"\bfollow": "关注",
    r"\bhome\b": "主页",
    r"\bmention": "提及",
    r"\bcontent warning": "内容警告",
    r"\btimelines?\b": "时间线",
    r"\bpolls?\b": "投票",
    r"\bhashtags?\b": "话题",
}

# Words Mastodon's interface uses for other things, never for these.
WRONG: dict[str, str] = {
    "帖子": "嘟文",
    "推文": "嘟文",
    "转发": "转嘟",
    "收藏": "喜欢 or 书签",
    "点赞": "喜欢",
    "粉丝": "关注者",
    "您": "你",
}


@pytest.fixture(scope="module")
def translated() -> list[tuple[str, str]]:
    catalog: Catalog = update.read_catalogue("zh_CN")
    pairs: list[tuple[str, str]] = []
    for message in catalog:
        english = message.id if isinstance(message.id, str) else message.id[0]
        strings = [message.string] if isinstance(message.string, str) else message.string or []
        pairs.extend((english, s) for s in strings if english and s)
    return pairs


def test_the_catalogue_has_translations(translated: list[tuple[str, str]]) -> None:
    assert len(translated) > 50


def test_terms_follow_mastodon(translated: list[tuple[str, str]]) -> None:
    wrong = [
        f"{english!r} -> {chinese!r}: expected {term}"
        for english, chinese in translated
        for pattern, term in GLOSSARY.items()
        if re.search(pattern, english, re.IGNORECASE) and term not in chinese
    ]
    assert not wrong, "\n".join(wrong)


def test_no_words_from_other_platforms(translated: list[tuple[str, str]]) -> None:
    wrong = [
        f"{english!r} -> {chinese!r}: {bad} should be {good}"
        for english, chinese in translated
        for bad, good in WRONG.items()
        if bad in chinese
    ]
    assert not wrong, "\n".join(wrong)


def test_chinese_sentences_use_full_width_punctuation(translated: list[tuple[str, str]]) -> None:
    # A half-width colon or comma right after a Chinese character is a slip.
    slips = [
        f"{english!r} -> {chinese!r}"
        for english, chinese in translated
        if re.search(r"[\u4e00-\u9fff][,:;?!](\s|$)", chinese)
    ]
    assert not slips, "\n".join(slips)
