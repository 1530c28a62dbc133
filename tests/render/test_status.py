"""render_status: the pieces of a status, cached until the status changes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.render.helpers import LOCAL, account_json, mention, status
from tootui.i18n import set_language
from tootui.models import Status
from tootui.render import render_status


@pytest.fixture
def chinese() -> Iterator[None]:
    set_language("zh_CN")
    yield
    set_language("en")


def test_header_has_display_name_with_emoji_and_acct() -> None:
    account = account_json(
        "bob",
        acct="bob@remote.example",
        display_name="Bob :blobcat: \x1b]0;pwned\x07\u202eeman",
        emojis=[{"shortcode": "blobcat", "url": "https://r.example/e.png"}],
    )
    rendered = render_status(status("<p>hi</p>", account=account), local_domain=LOCAL)
    assert rendered.header.plain == "Bob :blobcat: eman @bob@remote.example"
    emoji = [rendered.header.plain[s.start : s.end] for s in rendered.header.spans][-2:]
    assert emoji[0] == ":blobcat:"


def test_header_drops_our_own_domain_and_falls_back_to_username() -> None:
    account = account_json("carol", acct=f"carol@{LOCAL}", display_name="")
    rendered = render_status(status("<p>x</p>", account=account), local_domain=LOCAL)
    assert rendered.header.plain == "carol @carol"


def test_boost_shows_booster_and_renders_the_original() -> None:
    original = {
        "id": "9",
        "uri": "https://r.example/9",
        "created_at": "2026-07-01T08:00:00Z",
        "account": account_json("dave", id="4", acct="dave@r.example"),
        "content": "<p>original words</p>",
    }
    boost = status("", account=account_json("erin", id="5", display_name="Erin"), reblog=original)
    rendered = render_status(boost)
    assert rendered.boosted_by is not None
    assert rendered.boosted_by.plain == "⇄ Erin boosted"
    assert rendered.body.plain == "original words"
    assert rendered.header.plain == "Dave @dave@r.example"
    assert rendered.created_at is not None and rendered.created_at.month == 7


def test_reply_lines() -> None:
    mentions = [
        {"id": "2", "username": "frank", "acct": "frank", "url": f"https://{LOCAL}/@frank"}
    ]
    to_frank = status(
        "<p>" + mention("frank") + " hi</p>",
        id="60",
        in_reply_to_id="50",
        in_reply_to_account_id="2",
        mentions=mentions,
    )
    own = status("<p>more</p>", id="61", in_reply_to_id="51", in_reply_to_account_id="1")
    gone = status("<p>parent gone</p>", id="62", in_reply_to_id="52", in_reply_to_account_id="77")
    plain = status("<p>not a reply</p>", id="63")

    def reply_line(s: object, **kwargs: object) -> str | None:
        line = render_status(s, **kwargs).reply_to  # type: ignore[arg-type]
        return None if line is None else line.plain

    assert reply_line(to_frank, local_domain=LOCAL) == "↳ in reply to @frank"
    assert reply_line(own) == "↳ continued thread"
    assert reply_line(gone) == "↳ in reply to a post"
    assert reply_line(plain) is None


def test_spoiler_and_media_and_card() -> None:
    s = status(
        None,
        spoiler_text="cw: \x1b[5mblink",
        media_attachments=[
            {"id": "1", "type": "image", "url": "https://m.example/1.png", "description": None},
            {"id": "2", "type": "video", "description": "two\nlines"},
            {"id": "3", "type": "future-kind", "description": "  "},
        ],
        card={"url": "javascript:alert(1)", "title": "", "provider_name": "Prov"},
    )
    rendered = render_status(s)
    assert rendered.spoiler is not None and rendered.spoiler.plain == "cw: blink"
    assert rendered.body.plain == ""
    assert [t.plain for t in rendered.extras] == [
        "▣ Image: [no alt text]",
        "▣ Video: two\nlines",
        "▣ Attachment: [no alt text]",
        "🔗 Prov",
    ]
    assert rendered.links == ()


def test_poll_with_hidden_counts_and_no_voters_count() -> None:
    s = status(
        "<p>vote</p>",
        poll={
            "id": "p1",
            "multiple": False,
            "votes_count": 3,
            "options": [
                {"title": "yes", "votes_count": None},
                {"title": "no [b]", "votes_count": None},
            ],
        },
    )
    assert [t.plain for t in render_status(s).extras] == [
        "○ yes  (hidden)",
        "○ no [b]  (hidden)",
        "3 votes",
    ]


def test_no_relative_time_is_baked_in() -> None:
    rendered = render_status(status("<p>x</p>"))
    texts = [rendered.header, rendered.body, *rendered.extras]
    assert all("ago" not in t.plain and "min" not in t.plain for t in texts)
    assert rendered.created_at is not None and rendered.created_at.year == 2026


def test_rendered_once_per_status() -> None:
    s = status("<p>cached</p>", id="01HZX3Q5ZS3W7Q9ZB7N3F1T8YV")
    assert render_status(s) is render_status(s)
    again = status("<p>cached</p>", id="01HZX3Q5ZS3W7Q9ZB7N3F1T8YV")
    assert render_status(s) is render_status(again)


def test_edited_status_is_rendered_again() -> None:
    before = status("<p>before</p>", id="7")
    after = status("<p>after</p>", id="7", edited_at="2026-08-01T13:00:00Z")
    assert render_status(before).body.plain == "before"
    assert render_status(after).body.plain == "after"


def test_poll_results_change_the_rendering() -> None:
    def with_votes(n: int) -> Status:
        return status(
            "<p>q</p>",
            id="8",
            poll={"id": "p", "votes_count": n, "voters_count": n,
                  "options": [{"title": "a", "votes_count": n}]},
        )

    assert render_status(with_votes(1)).extras[0].plain == "○ a  1 vote · 100%"
    assert render_status(with_votes(2)).extras[0].plain == "○ a  2 votes · 100%"


def test_fixed_words_follow_the_interface_language(chinese: None) -> None:
    s = status(None, media_attachments=[{"id": "1", "type": "image"}])
    assert render_status(s).extras[0].plain == "▣ 图片: [无替代文本]"


def test_card_description_is_one_short_line_under_the_title() -> None:
    long = "word " * 100
    s = status(
        "<p>x</p>",
        card={"url": "https://news.example/a", "title": "Headline", "description": long},
    )
    title, description = render_status(s).extras
    assert title.plain == "🔗 Headline (news.example)"
    assert description.plain.startswith("   word word")
    assert description.plain.endswith("…") and len(description.plain) <= 3 + 160
    assert "\n" not in description.plain


def test_edit_of_a_boosted_post_renders_the_boost_again() -> None:
    def boost(content: str, **original: object) -> Status:
        return status(
            "",
            id="b1",
            reblog={"id": "o1", "uri": "https://x.example/o1", "content": content,
                    "account": account_json("orig"), **original},
        )

    before = render_status(boost("<p>before</p>"))
    assert render_status(boost("<p>before</p>")) is before
    after = render_status(boost("<p>after</p>", edited_at="2026-08-01T13:00:00Z"))
    assert after.body.plain == "after"


def _size_poll(post: str) -> Status:
    return status(post, id=post, poll={
        "id": "p", "votes_count": 3, "voters_count": 3, "voted": True, "own_votes": [2],
        "options": [{"title": "A6", "votes_count": 0}, {"title": "A5", "votes_count": 1},
                    {"title": "weeks", "votes_count": 2}]})


def test_an_option_and_its_count_stay_apart() -> None:
    # "A6" then "0 votes": run together they would read "A60 votes".
    assert [t.plain for t in render_status(_size_poll("<p>en</p>")).extras] == [
        "○ A6  0 votes · 0%", "○ A5  1 vote · 33%", "◉ weeks  2 votes · 67%",
        "3 people voted"]


def test_an_option_and_its_count_stay_apart_in_chinese(chinese: None) -> None:
    assert [t.plain for t in render_status(_size_poll("<p>zh</p>")).extras][:2] == [
        "○ A6  0 票 · 0%", "○ A5  1 票 · 33%"]
