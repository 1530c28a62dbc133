"""Wrapping by terminal cells, the way Textual will draw the lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from tootui.render import wrap
from tootui.render.wrap import hanging


def lines(s: str, width: int) -> list[str]:
    return [line.plain for line in wrap(Text(s), width)]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("hello world", 20, ["hello world"]),
        ("hello world", 7, ["hello", "world"]),
        ("hello world again", 11, ["hello world", "again"]),
        ("a verylongwordthatdoesnotfit", 10, ["a verylong", "wordthatdo", "esnotfit"]),
        ("中文中文中文", 5, ["中文", "中文", "中文"]),
        ("中文中文中文", 4, ["中文", "中文", "中文"]),
        # Closing punctuation never starts a line; opening never ends one.
        ("中文，中文", 4, ["中", "文，", "中文"]),
        ("中文「中文」", 6, ["中文", "「中", "文」"]),
        # Latin words inside CJK stay whole; CJK breaks next to them.
        ("特别喜欢hobo weeks这个", 10, ["特别喜欢", "hobo weeks", "这个"]),
        ("有A6 A5和weeks尺寸!", 9, ["有A6 A5和", "weeks尺", "寸!"]),
        # Emoji and sequences measured as Rich (and so Textual) measures them.
        ("\u2b07\ufe0f", 2, ["\u2b07\ufe0f"]),
        ("ab\u2b07\ufe0f", 3, ["ab", "\u2b07\ufe0f"]),
        ("🇨🇳🇯🇵", 3, ["🇨🇳", "🇯🇵"]),
        ("👨\u200d👩\u200d👧👍🏽", 3, ["👨\u200d👩\u200d👧", "👍🏽"]),
        ("e\u0301e\u0301e\u0301", 2, ["e\u0301e\u0301", "e\u0301"]),
        # A wide character can't be drawn in one cell: marked, never overflowing.
        ("中", 1, ["…"]),
        # Hard breaks and blank lines are kept; break points drop their spaces.
        ("one\n\ntwo", 10, ["one", "", "two"]),
        ("a    b", 3, ["a", "b"]),
        ("  indented", 20, ["  indented"]),
        ("tab\there", 20, ["tab here"]),
        ("no\xa0break here", 8, ["no\xa0break", "here"]),
        ("zero\u200bwidth\u200bspace", 9, ["zero\u200bwidth\u200b", "space"]),
        # Rich joins a zero-width space to the space before it: not droppable.
        ("aa \u200b", 2, ["aa", " \u200b"]),
    ],
)
def test_wrap(text: str, width: int, expected: list[str]) -> None:
    assert lines(text, width) == expected


def test_empty_text_has_no_lines() -> None:
    assert wrap(Text(""), 10) == []


def test_width_must_be_positive() -> None:
    with pytest.raises(ValueError):
        wrap(Text("x"), 0)


def test_styles_follow_their_characters() -> None:
    text = Text("plain ")
    text.append("bold words here", Style(bold=True))
    wrapped = wrap(text, 10)
    assert [line.plain for line in wrapped] == ["plain bold", "words here"]
    assert [(s.start, s.end) for s in wrapped[0].spans] == [(6, 10)]
    assert [(s.start, s.end) for s in wrapped[1].spans] == [(0, 10)]


def test_sample_url_wraps_within_width() -> None:
    text = Text("官网:1101.com/store/techo/en/downlo…")
    wrapped = wrap(text, 16)
    assert "".join(line.plain for line in wrapped) == text.plain
    assert all(cell_len(line.plain) <= 16 for line in wrapped)


_ALPHABET = st.sampled_from(
    list("abc xyz,.!-/")
    + list("中文日本語한국어，。「」")
    + ["\u2b07\ufe0f", "👨\u200d👩\u200d👧", "🇨🇳", "🇯🇵", "👍🏽", "e\u0301", "\u200b", "\xa0",
       "\t", "\n", "שלום", "مرحبا", "ไทย"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.integers(min_value=2, max_value=30))
def test_wrap_never_overflows_nor_loses_text(s: str, width: int) -> None:
    wrapped = wrap(Text(s), width)
    for line in wrapped:
        assert cell_len(line.plain) <= width
    visible = "".join(ch for ch in s if not ch.isspace() or ch == "\xa0")
    kept = "".join(ch for line in wrapped for ch in line.plain if not ch.isspace() or ch == "\xa0")
    assert kept == visible


@settings(max_examples=100, deadline=None)
@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_wrap_to_one_cell_never_overflows(s: str) -> None:
    assert all(cell_len(line.plain) <= 1 for line in wrap(Text(s), 1))


def _wrapped_html(html: str, width: int) -> list[str]:
    from tootui.render import render_html

    return [line.plain for line in wrap(render_html(html).text, width)]


def test_quote_bar_is_repeated_on_wrapped_lines() -> None:
    html = "<blockquote><p>one two three four five six</p></blockquote>"
    assert _wrapped_html(html, 12) == ["│ one two", "│ three four", "│ five six"]
    nested = "<blockquote><blockquote><p>one two three four</p></blockquote></blockquote>"
    assert _wrapped_html(nested, 14) == ["│ │ one two", "│ │ three four"]


def test_list_item_text_lines_up_under_itself() -> None:
    html = "<ul><li>alpha beta gamma delta</li></ul><ol start='9'><li>one two three four</li></ol>"
    assert _wrapped_html(html, 13) == [
        "• alpha beta",
        "  gamma delta",
        "",
        "9. one two",
        "   three four",
    ]


def test_hanging_prefix_is_dropped_when_too_little_room_is_left() -> None:
    html = "<blockquote><p>abcdefgh ijklmnop</p></blockquote>"
    lines = _wrapped_html(html, 6)
    assert lines[0].startswith("│") and all(len(line) <= 6 for line in lines)
    assert "".join(lines).replace(" ", "").replace("│", "") == "abcdefghijklmnop"


def test_hanging_prefix_keeps_its_style_on_every_line() -> None:
    bar = hanging(Style(dim=True), "repeat")
    text = Text()
    text.append("│ ", bar)
    text.append("one two three four")
    lines = wrap(text, 10)
    assert [line.plain for line in lines] == ["│ one two", "│ three", "│ four"]
    assert all(line.spans[0].style == bar and line.spans[0].end == 2 for line in lines)
