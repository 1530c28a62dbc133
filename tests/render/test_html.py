"""HTML to terminal text: structure kept, nothing read as Markdown or markup."""

from __future__ import annotations

import pytest
from rich.style import Style

from tests.render.helpers import LOCAL, hashtag, link, mention
from tootui.models import CustomEmoji, Mention
from tootui.render.html import render_html


def plain(html: str, **kwargs: object) -> str:
    return render_html(html, **kwargs).text.plain  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>one</p><p>two</p>", "one\n\ntwo"),
        ("<p>one<br>two<br />three</p>", "one\ntwo\nthree"),
        ("<p>a<br><br>b</p>", "a\n\nb"),
        ("<p>  spaced   out  </p>", "spaced out"),
        ("<p>line\nin source</p>", "line in source"),
        ("<p>AT&amp;T &lt;3 &quot;q&quot; &#39;s&#39; &eacute; &#x4e2d;</p>",
         'AT&T <3 "q" \'s\' é 中'),
        ("<p>&amp;#27;[31m</p>", "&#27;[31m"),
        # Text that looks like Markdown stays exactly as written.
        ("<p># not a heading<br>1. not a list<br>- nor this<br>* nor this</p>",
         "# not a heading\n1. not a list\n- nor this\n* nor this"),
        ("<p>*stars* _under_scores_ __init__ `ticks` ~~tilde~~</p>",
         "*stars* _under_scores_ __init__ `ticks` ~~tilde~~"),
        ("<p>title<br>====<br>-第一步</p>", "title\n====\n-第一步"),
        ("<p>&gt; not a quote<br>| not | a table |</p>", "> not a quote\n| not | a table |"),
        # Square brackets are text, never Rich/Textual markup.
        ("<p>[USD] [b]bold[/b] [/ [link=https://evil.example]x[/link] [bold red]r[/]</p>",
         "[USD] [b]bold[/b] [/ [link=https://evil.example]x[/link] [bold red]r[/]"),
        ("<p>\\[escaped\\] [[double]]</p>", "\\[escaped\\] [[double]]"),
        # Structure.
        ("<p>a <strong>b</strong> <em>c</em> <del>d</del> <code>e</code></p>", "a b c d e"),
        ("<h1>Title</h1><p>text</p>", "Title\n\ntext"),
        ("<h3>Small <em>title</em></h3>", "Small title"),
        ("<blockquote><p>quoted<br>twice</p></blockquote><p>reply</p>",
         "│ quoted\n│ twice\n\nreply"),
        ("<blockquote><blockquote><p>deep</p></blockquote></blockquote>", "│ │ deep"),
        ("<ul><li>one</li><li>two</li></ul>", "• one\n• two"),
        ("<ol><li>one</li><li>two</li></ol>", "1. one\n2. two"),
        ('<ol start="9"><li>nine</li><li>ten</li></ol>', "9. nine\n10. ten"),
        ('<ol start="99999999999999999999999"><li>x</li></ol>', "1000000. x"),
        ('<ol start="abc"><li>x</li></ol>', "1. x"),
        ("<ul><li>a<ul><li>b</li></ul></li></ul>", "• a\n  ◦ b"),
        ("<ul><li><p>a</p><p>b</p></li><li>c</li></ul>", "• a\n\n  b\n• c"),
        ("<ol><li>a<ol><li>b</li></ol></li><li>c</li></ol>", "1. a\n   1. b\n2. c"),
        ("<p>before</p><ul><li>x</li></ul><p>after</p>", "before\n\n• x\n\nafter"),
        ("<pre><code>def f():\n    return 1\n\n\nx = 2</code></pre>",
         "def f():\n    return 1\n\n\nx = 2"),
        ("<p>a</p><hr><p>b</p>", "a\n\n───\n\nb"),
        ('<p class="quote-inline">RE: <a href="https://x.example/@a/1">x.example/@a/1</a></p>'
         "<p>my take</p>", "RE: x.example/@a/1\n\nmy take"),
        # Unknown or unusual tags degrade to their text.
        ("<p>a <blink>b</blink> <marquee>c</marquee> <custom-el>d</custom-el></p>", "a b c d"),
        ("<table><tr><td>a</td><td>b</td></tr></table>", "a b"),
        ("<div>x</div><div>y</div>", "x\ny"),
        ("<p>a<script>alert(1)</script><style>p{}</style>b</p>", "ab"),
        ('<p>img <img src="https://x/i.png" alt="a cat"> end</p>', "img a cat end"),
        ("<p>unclosed <b>bold <i>both</p><p>next", "unclosed bold both\n\nnext"),
        ("<p><!-- comment -->visible</p>", "visible"),
        ('<?xml version="1.0"?><!ENTITY x "y"><p>after</p>', "after"),
        ("<p>x</p>\n\n\n<p>y</p>", "x\n\ny"),
        ("<p></p><p> </p><p>only</p>", "only"),
        ("", ""),
        # Plain-text content: its newlines are line breaks.
        ("plain text\nsecond line & <3", "plain text\nsecond line & <3"),
        ("plain\r\nwindows", "plain\nwindows"),
    ],
)
def test_render_html(html: str, expected: str) -> None:
    assert plain(html) == expected


def test_none_content_is_empty() -> None:
    assert render_html(None).text.plain == ""


def test_mentions_local_and_remote() -> None:
    html = "<p>" + mention("alice") + " " + mention("bob", "remote.example") + " hi</p>"
    assert plain(html, local_domain=LOCAL) == "@alice @bob@remote.example hi"
    # Without knowing our own domain we can't drop it.
    assert plain(html) == f"@alice@{LOCAL} @bob@remote.example hi"


def test_mention_uses_the_mentions_list() -> None:
    html = "<p>" + mention("carol", "remote.example") + "</p>"
    mentions = [Mention(id="7", username="carol", acct="carol@remote.example",
                        url="https://remote.example/@carol")]
    result = render_html(html, mentions=mentions, local_domain=LOCAL)
    assert result.text.plain == "@carol@remote.example"
    assert [(t.kind, t.label, t.url) for t in result.links] == [
        ("mention", "@carol@remote.example", "https://remote.example/@carol")
    ]


def test_hashtag_and_link_targets_and_styles() -> None:
    url = "https://www.example.com/a/very/long/path/indeed/yes"
    result = render_html(f"<p>{hashtag('Tag')} {link(url)}</p>")
    assert result.text.plain == "#Tag example.com/a/very/long/path/i…"
    assert [(t.kind, t.url) for t in result.links] == [
        ("hashtag", f"https://{LOCAL}/tags/tag"),
        ("link", url),
    ]
    links = [s.style.link for s in result.text.spans if isinstance(s.style, Style)]
    assert [u for u in links if u] == [f"https://{LOCAL}/tags/tag", url]


def test_link_text_that_hides_its_target_shows_the_real_domain() -> None:
    html = '<p><a href="https://evil.example/login">https://bank.example/login</a></p>'
    assert plain(html) == "https://bank.example/login (evil.example)"
    html = '<p><a href="https://example.org/post">read this</a></p>'
    assert plain(html) == "read this (example.org)"
    html = '<p><a href="https://example.org/">https://example.org/</a></p>'
    assert plain(html) == "https://example.org/"
    html = '<p><a href="https://bank.example.evil.test/">bank.example</a></p>'
    assert plain(html) == "bank.example (bank.example.evil.test)"
    html = '<p><a href="https://bank.example.evil.test/x">bank.example…</a></p>'
    assert plain(html) == "bank.example… (bank.example.evil.test)"
    html = '<p><a href="https://www.example.org/a/b?c">example.org/a</a></p>'
    assert plain(html) == "example.org/a"


@pytest.mark.parametrize(
    ("href", "shown", "expected"),
    [
        # user info before the host: the host is what follows the "@"
        ("https://example.com@evil.example/", "example.com", "example.com (evil.example)"),
        # a look-alike host in another script: the real (punycode) host is named
        (
            "https://xn--80ak6aa92e.com/",
            "https://аррӏе.com",
            "https://аррӏе.com (xn--80ak6aa92e.com)",
        ),
        # a full-width dot is not a dot
        ("https://evil.example/", "bank\u3002example", "bank\u3002example (evil.example)"),
        # Mastodon's shortened form of another site's URL
        (
            "https://evil.example/",
            '<span class="invisible">https://</span><span class="ellipsis">'
            'bank.example/very/long/path/th</span><span class="invisible">at/goes</span>',
            "bank.example/very/long/path/th… (evil.example)",
        ),
        ("https://EVIL.example/", "evil.example", "evil.example"),
        ("https://www.bank.example/", "bank.example", "bank.example"),
    ],
)
def test_link_text_against_its_target(href: str, shown: str, expected: str) -> None:
    assert plain(f'<p><a href="{href}">{shown}</a></p>') == expected


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "data:text/html,x", "https://x.example/\x1b]8;;y\x07", ""],
)
def test_unsafe_link_targets_are_neither_links_nor_targets(href: str) -> None:
    result = render_html(f'<p><a href="{href}">click</a></p>')
    assert result.text.plain == "click"
    assert result.links == ()
    assert all(getattr(s.style, "link", None) is None for s in result.text.spans)


def test_custom_emoji_keep_their_shortcode_and_are_marked() -> None:
    emojis = [CustomEmoji(shortcode="blobcat")]
    result = render_html("<p>hi :blobcat: :unknown:</p>", emojis=emojis)
    assert result.text.plain == "hi :blobcat: :unknown:"
    marked = [result.text.plain[s.start : s.end] for s in result.text.spans]
    assert marked == [":blobcat:"]


def test_inner_styles_win_over_outer() -> None:
    result = render_html("<p><strong>bold <em>both</em></strong></p>")
    assert result.text.plain == "bold both"
    assert [(s.start, s.end) for s in result.text.spans] == [(0, 9), (5, 9)]


def test_deep_nesting_keeps_the_words() -> None:
    html = "<span>" * 5000 + "deep words" + "</span>" * 5000
    assert plain(f"<p>{html}</p>") == "deep words"


@pytest.mark.parametrize(
    ("html", "mentions", "expected"),
    [
        # The text claims an account on another server than the link's.
        ('<a class="u-url mention" href="https://evil.example/@x">@<span>admin@bank.example'
         "</span></a>", [], "@admin@bank.example (evil.example)"),
        # A local-looking mention that links away: the domain is the link's.
        ('<a class="u-url mention" href="https://evil.example/@admin">@<span>admin</span></a>',
         [], "@admin@evil.example"),
        # Listed by the status under this URL: a web domain of its own is fine.
        ('<a class="u-url mention" href="https://social.example.com/@u">@<span>u</span></a>',
         [Mention("1", "u", "u@example.com", "https://social.example.com/@u")], "@u@example.com"),
        # A subdomain of the handle's domain is the same server family.
        ('<a class="u-url mention" href="https://m.bank.example/@bob">@<span>bob@bank.example'
         "</span></a>", [], "@bob@bank.example"),
    ],
)
def test_mention_text_against_its_target(
    html: str, mentions: list[Mention], expected: str
) -> None:
    assert render_html(html, mentions=mentions).text.plain == expected
