"""Quote posts: Mastodon 4.5's `quote`, its shallow form and its states, Akkoma's."""

from __future__ import annotations

from typing import Any

import pytest

from tests.render.helpers import LOCAL, account_json, status
from tootui.render import render_status, wrap

FALLBACK = (
    '<p class="quote-inline">RE: <a href="https://other.example/@bob/9">'
    '<span class="invisible">https://</span><span class="">other.example/@bob/9</span></a></p>'
)


def _quoted(**extra: Any) -> dict[str, Any]:
    return {
        "id": "9",
        "uri": "https://other.example/users/bob/statuses/9",
        "url": "https://other.example/@bob/9",
        "created_at": "2026-08-01T11:00:00.000Z",
        "account": account_json("bob", acct="bob@other.example", display_name="Bob"),
        "content": "<p>first line</p><p>second <strong>line</strong></p>",
        **extra,
    }


def test_accepted_quote_replaces_the_fallback_line() -> None:
    r = render_status(
        status(FALLBACK + "<p>look at this</p>", quote={"state": "accepted",
                                                         "quoted_status": _quoted()}),
        local_domain=LOCAL,
    )
    assert r.body.plain == "look at this"
    assert [t.plain for t in r.extras] == [
        "❝ Bob @bob@other.example",
        "│ first line",
        "│ ",
        "│ second line",
    ]
    assert [(t.label, t.url) for t in r.links] == [("quoted post", "https://other.example/@bob/9")]


def test_quoted_post_keeps_its_styles_its_spoiler_and_its_media() -> None:
    quoted = _quoted(
        spoiler_text="cw: food",
        media_attachments=[{"id": "m", "type": "image", "description": "soup"}],
    )
    r = render_status(status("<p>x</p>", quote={"state": "accepted", "quoted_status": quoted}))
    plains = [t.plain for t in r.extras]
    assert plains[1] == "│ cw: food" and plains[-1] == "│ ▣ Image: soup"
    strong = r.extras[4]
    assert strong.plain == "│ second line"
    assert any(span.style.bold for span in strong.spans)


@pytest.mark.parametrize(
    ("state", "line"),
    [
        ("pending", "❝ The quoted post awaits its author's approval"),
        ("deleted", "❝ The quoted post was removed"),
        ("revoked", "❝ The quoted post was removed"),
        ("blocked_domain", "❝ The quoted post is not available"),
        ("some_future_state", "❝ The quoted post is not available"),
    ],
)
def test_quote_that_is_not_shown_says_why_and_keeps_the_fallback(state: str, line: str) -> None:
    r = render_status(status(FALLBACK + "<p>hm</p>", quote={"state": state,
                                                            "quoted_status": None}))
    assert r.body.plain == "RE: other.example/@bob/9\n\nhm"
    assert [t.plain for t in r.extras] == [line]


def test_shallow_quote_keeps_the_fallback_line_only() -> None:
    r = render_status(status(FALLBACK, quote={"state": "accepted", "quoted_status_id": "9"}))
    assert r.body.plain == "RE: other.example/@bob/9"
    assert r.extras == ()


def test_akkoma_sends_the_quoted_status_itself() -> None:
    r = render_status(status("<p>so true</p>", quote=_quoted(), quote_id="9"))
    assert [t.plain for t in r.extras][:2] == ["❝ Bob @bob@other.example", "│ first line"]


def test_quotes_nested_without_end_stop() -> None:
    inner: dict[str, Any] = _quoted()
    for n in range(50):
        inner = _quoted(id=str(n), quote={"state": "accepted", "quoted_status": inner})
    r = render_status(status("<p>top</p>", quote={"state": "accepted", "quoted_status": inner}))
    assert r.extras[0].plain == "❝ Bob @bob@other.example"


def test_hostile_quoted_post_is_cleaned() -> None:
    quoted = _quoted(
        content="<p>\x1b]52;c;ZXZpbA==\x07ok\x1b[2J</p>",
        account=account_json("m", display_name="\u202eevil\x1b]0;title\x07"),
    )
    r = render_status(status("<p>x</p>", quote={"state": "accepted", "quoted_status": quoted}))
    assert [t.plain for t in r.extras] == ["❝ evil @m", "│ ok"]


def test_editing_the_quoted_post_renders_the_quote_again() -> None:
    before = status("<p>x</p>", id="5", quote={"state": "accepted", "quoted_status": _quoted()})
    after = status(
        "<p>x</p>",
        id="5",
        quote={"state": "accepted", "quoted_status": _quoted(
            content="<p>edited</p>", edited_at="2026-08-01T12:30:00Z")},
    )
    assert render_status(before).extras[1].plain == "│ first line"
    assert render_status(after).extras[1].plain == "│ edited"


def test_quoted_text_wraps_behind_its_bar() -> None:
    quoted = _quoted(content="<p>one two three four five six</p>")
    r = render_status(status("<p>x</p>", quote={"state": "accepted", "quoted_status": quoted}))
    body_line = r.extras[1]
    assert [line.plain for line in wrap(body_line, 12)] == [
        "│ one two", "│ three four", "│ five six"
    ]
    # Only the bar is dim: the quoted words are drawn like any post's.
    assert body_line.style == "" and body_line.spans[0].end == 2
