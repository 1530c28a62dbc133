"""Random HTML never crashes the renderer, never reaches the terminal as control
codes, and never loses the words of a plain paragraph."""

from __future__ import annotations

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tootui.models import CustomEmoji
from tootui.render import render_html, safe_url, wrap
from tootui.render.cells import agree_widths
from tootui.render.sanitize import has_unsafe

ESCAPES = [
    "\x1b[31m", "\x1b[0m", "\x1b[2J", "\x1b]8;;https://evil.example\x07", "\x1b]8;;\x1b\\",
    "\x1b]52;c;ZXZpbA==\x07", "\x1bP1$qm\x1b\\", "\x1b_Gf=1\x1b\\", "\x1b^pm\x1b\\", "\x1bc",
    "\x9b1m", "\x9d0;t\x9c", "\x07", "\x08", "\x00", "\x7f", "\r", "\x85", "\u2028", "\u2029",
    "\u202e", "\u2066", "\u2069", "\ud800", "\x1b", "\x1b[", "\x1b]",
]
ENTITIES = ["&#27;", "&#x1b;", "&#155;", "&#x9b;", "&#7;", "&#0;", "&amp;", "&lt;", "&gt;",
            "&nbsp;", "&#x202e;", "&#8232;", "&#xd800;", "&bogus;", "&", "&#", "&#x;"]
TAGS = ["p", "br", "span", "a", "strong", "em", "del", "code", "pre", "blockquote", "ul",
        "ol", "li", "h1", "h4", "div", "table", "tr", "td", "img", "q", "hr", "sup", "s",
        "marquee", "x-custom", "b", "i", "u", "small"]
CLASSES = ["invisible", "ellipsis", "mention", "hashtag", "h-card", "u-url", "quote-inline",
           "emoji", ""]
HREFS = ["https://example.com/a", "http://x.example/@u", "javascript:alert(1)",
         "https://evil.example/\x1b]8;;x\x07", "data:,x", "", "https://例え.jp/", "/rel",
         "https://a.example/&#27;[31m"]

raw_text = st.one_of(
    st.text(max_size=20),
    st.sampled_from(ESCAPES),
    st.sampled_from(ENTITIES),
    st.sampled_from(["[b]", "[/", "[link=https://x]", "*a*", "_b_", "# h", "1. l", "-第一步",
                     "====", ":blobcat:", "中文", "\u2b07\ufe0f", "🇨🇳", "\ufe0f", "\u200d",
                     "\U0001f3fd", "👩\u200d💻", "a\u200db", "\u3164", "&#xfe0f;", "&zwj;"]),
)


def _attrs(draw: st.DrawFn) -> str:
    parts = []
    if draw(st.booleans()):
        parts.append(f'class="{draw(st.sampled_from(CLASSES))}"')
    if draw(st.booleans()):
        parts.append(f'href="{html.escape(draw(st.sampled_from(HREFS)))}"')
    if draw(st.booleans()):
        parts.append(f'alt="{html.escape(draw(raw_text))}"')
    if draw(st.booleans()):
        parts.append(f'start="{draw(st.sampled_from(["3", "-2", "x", "9" * 30]))}"')
    return (" " + " ".join(parts)) if parts else ""


@st.composite
def element(draw: st.DrawFn, children: st.SearchStrategy[str]) -> str:
    tag = draw(st.sampled_from(TAGS))
    inner = "".join(draw(st.lists(children, max_size=4)))
    return f"<{tag}{_attrs(draw)}>{inner}</{tag}>"


def trees(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.recursive(text, lambda children: element(children), max_leaves=25)


def _assert_safe(result_text: object) -> None:
    text = result_text  # a rich Text
    assert not has_unsafe(text.plain)  # type: ignore[attr-defined]
    # Nothing Rich would count at another width than terminals draw.
    assert agree_widths(text.plain) == text.plain  # type: ignore[attr-defined]
    for span in text.spans:  # type: ignore[attr-defined]
        link = getattr(span.style, "link", None)
        assert link is None or safe_url(link) == link


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(trees(raw_text), raw_text), max_size=6).map("".join))
def test_random_html_is_rendered_safely(document: str) -> None:
    result = render_html(document, emojis=[CustomEmoji("blobcat")], local_domain="x.example")
    _assert_safe(result.text)
    for target in result.links:
        assert safe_url(target.url) == target.url
        assert not has_unsafe(target.label)
    for line in wrap(result.text, 7):
        assert line.cell_len <= 7


# Words of a paragraph: printable text, including what looks like markup.
words = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]),
        st.sampled_from(list("[]*_#-=`~>|\\")),
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(trees(raw_text.map(html.escape)), max_size=3).map("".join),
    words,
    st.lists(trees(raw_text.map(html.escape)), max_size=3).map("".join),
)
def test_plain_paragraph_keeps_its_words(before: str, paragraph: str, after: str) -> None:
    document = f"{before}<p>{html.escape(paragraph)}</p>{after}"
    plain = render_html(document).text.plain
    # Only what `cells.agree_widths` drops on purpose may go (selectors,
    # joiners and skin tones that no emoji carries, Hangul fillers).
    expected = re.sub(r"[ \t\n\r\f]+", " ", agree_widths(paragraph)).strip()
    assert expected in re.sub(r"[ \t\n\r\f]+", " ", plain)
