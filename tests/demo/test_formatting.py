"""Plain text to Mastodon's HTML, case by case."""

from __future__ import annotations

import pytest

from tootui.demo.formatting import BASE, format_text, link_html


def _known(name: str) -> bool:
    return name in {"alice", "bob"}


@pytest.mark.parametrize(
    ("url", "spans"),
    [
        ("http://example.org/", ("http://", "", "example.org/", "")),
        ("https://www.example.com/x", ("https://www.", "", "example.com/x", "")),
        (
            "https://example.com/123456789012345678901234567890tail",
            (
                "https://",
                "ellipsis",
                "example.com/123456789012345678",
                "901234567890tail",
            ),
        ),
    ],
)
def test_link_spans(url: str, spans: tuple[str, str, str, str]) -> None:
    prefix, middle_class, shown, hidden = spans
    assert link_html(url) == (
        f'<a href="{url}" target="_blank" rel="nofollow noopener" translate="no">'
        f'<span class="invisible">{prefix}</span><span class="{middle_class}">{shown}</span>'
        f'<span class="invisible">{hidden}</span></a>'
    )


def test_paragraphs_breaks_and_escaping() -> None:
    html = format_text("a <b> & 'c'\nline two\n\nnew para", _known).html
    assert html == "<p>a &lt;b&gt; &amp; &#39;c&#39;<br>line two</p><p>new para</p>"


def test_mentions_only_for_known_accounts() -> None:
    result = format_text("@alice hi @nobody and @bob@elsewhere.example", _known)
    assert result.mentions == ["alice"]
    assert f'<a href="{BASE}/@alice" class="u-url mention">@<span>alice</span></a>' in result.html
    assert "@nobody" in result.html and "@bob@elsewhere.example" in result.html


def test_hashtags_not_inside_links_or_words() -> None:
    result = format_text("#Tag1 x#no https://e.org/#frag 中文 #标签,end", _known)
    assert result.tags == ["Tag1", "标签"]
    assert "#<span>frag</span>" not in result.html
    assert result.urls == ["https://e.org/#frag"]


def test_trailing_punctuation_is_not_part_of_a_url() -> None:
    result = format_text("see https://example.org/page. Or https://example.org/b!", _known)
    assert result.urls == ["https://example.org/page", "https://example.org/b"]
