"""The seven sample posts render to exactly the text their authors wrote.

Links read as Mastodon shows them (scheme and `www.` hidden, long ones cut
with `…`); everything that merely looks like Markdown stays as written. The
HTML comes two ways: built here by hand from Mastodon's patterns, and made by
the demo instance's formatter from its package data (what `--demo` serves).
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.text import Text

from tests.render.helpers import LOCAL, hashtag, link, mention, status
from tootui.render import render_status

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed" / "sample-timeline.txt"
SAMPLE_JSON = Path(__file__).resolve().parents[2] / "tootui" / "demo" / "data" / "sample.json"

# How each URL in the sample reads on screen (Mastodon's invisible/ellipsis spans).
SHOWN_URLS = {
    "https://www.1101.com/store/techo/en/download/#detail-1-365keizoku": (
        "1101.com/store/techo/en/downlo…"
    ),
    "https://b23.tv/tVKr9AZ": "b23.tv/tVKr9AZ",
    "https://openai.com/blog/chatgpt/": "openai.com/blog/chatgpt/",
    "https://neogrp.club/": "neogrp.club/",
    "https://github.com/example-dev/neogroup": "github.com/example-dev/neogrou…",
}
MENTIONS = ("lanlan", "juzi")
TAGS = ("NeoDB", "Mastodon", "NeoGroup")


def _seed_posts() -> list[str]:
    if not SEED.exists():
        pytest.skip(f"sample timeline not found at {SEED}")
    return [p.strip("\n") for p in SEED.read_text(encoding="utf-8").split("\n----\n")]


def _expected(text: str) -> str:
    for url, shown in SHOWN_URLS.items():
        text = text.replace(url, shown)
    # Post 4's "⬇️" is drawn one cell wide by tmux but counted two by Rich:
    # the selector goes so that both agree (tootui.render.cells).
    return text.replace("\u2b07\ufe0f", "\u2b07")


def _mastodon_html(text: str) -> str:
    """The post as Mastodon would send it: one <p>, <br> per line break."""
    lines = []
    for line in text.split("\n"):
        line = html.escape(line, quote=False)
        for url in SHOWN_URLS:
            line = line.replace(html.escape(url, quote=False), link(url))
        for user in MENTIONS:
            line = line.replace(f"@{user} ", mention(user) + " ")
        for tag in TAGS:
            line = line.replace(f"#{tag}", hashtag(tag))
        lines.append(line)
    return "<p>" + "<br />".join(lines) + "</p>"


def _body(content: str) -> Text:
    return render_status(status(content), local_domain=LOCAL).body


@pytest.mark.parametrize("number", range(1, 8))
def test_sample_post_renders_as_written(number: int) -> None:
    text = _seed_posts()[number - 1]
    assert _body(_mastodon_html(text)).plain == _expected(text)


@pytest.mark.parametrize("number", range(1, 8))
def test_sample_post_from_demo_data_renders_as_written(number: int) -> None:
    from tootui.demo.formatting import BASE, format_text

    data = json.loads(SAMPLE_JSON.read_text(encoding="utf-8"))
    users = {a["username"] for a in data["authors"]}
    post = next(s for s in data["statuses"] if s["key"] == f"post{number}")
    formatted = format_text(post["text"], users.__contains__)
    content = formatted.html.replace(BASE, f"https://{LOCAL}")
    assert _body(content).plain == _expected(_seed_posts()[number - 1])


def _line_spans(text: Text, line: str) -> list[object]:
    start = text.plain.index(line)
    end = start + len(line)
    return [s.style for s in text.spans if s.start < end and s.end > start]


def test_post5_markdown_lookalikes_stay_plain() -> None:
    text = _seed_posts()[4]
    body = _body(_mastodon_html(text))
    lines = body.plain.split("\n")
    rule = lines.index("================")
    # The line above the rule is a sentence, not a setext heading: no style.
    assert lines[rule - 1].endswith("有钱真好啊……")
    assert _line_spans(body, lines[rule - 1]) == []
    assert lines[rule + 1] == "Ref:"
    dash_lines = [ln for ln in lines if ln.startswith("-")]
    assert [ln[:4] for ln in dash_lines] == ["-第一步", "-第二步", "-有了自"]
    for ln in dash_lines:
        assert _line_spans(body, ln) == []  # not a list: no bullet, no marker style
    assert "•" not in body.plain


def test_post4_emoji_line_and_card() -> None:
    text = _seed_posts()[3]
    rendered = render_status(
        status(
            _mastodon_html(text),
            card={"url": "https://b23.tv/tVKr9AZ", "title": '日语里的"跌丝袜"到底是个啥'},
        ),
        local_domain=LOCAL,
    )
    assert rendered.body.plain.split("\n")[1] == "\u2b07"
    assert cell_len(rendered.body.plain.split("\n")[1]) == 1
    assert [t.plain for t in rendered.extras] == ['🔗 日语里的"跌丝袜"到底是个啥 (b23.tv)']
    assert [(link.url, link.kind) for link in rendered.links] == [
        ("https://b23.tv/tVKr9AZ", "link")
    ]


def test_post7_hashtags_and_links_are_targets() -> None:
    body = render_status(status(_mastodon_html(_seed_posts()[6])), local_domain=LOCAL)
    assert [(t.kind, t.label) for t in body.links] == [
        ("hashtag", "#NeoDB"),
        ("hashtag", "#Mastodon"),
        ("hashtag", "#NeoGroup"),
        ("link", "neogrp.club/"),
        ("link", "github.com/example-dev/neogrou…"),
    ]
    assert body.links[-1].url == "https://github.com/example-dev/neogroup"


def test_post1_mention_is_local_and_linked() -> None:
    rendered = render_status(status(_mastodon_html(_seed_posts()[0])), local_domain=LOCAL)
    assert rendered.body.plain.startswith("@lanlan 打工")
    (target,) = rendered.links
    assert (target.kind, target.label, target.url) == (
        "mention",
        "@lanlan",
        f"https://{LOCAL}/@lanlan",
    )
    first = rendered.body.spans[0]
    assert (first.start, first.end) == (0, len("@lanlan"))
    assert first.style.link == f"https://{LOCAL}/@lanlan"
