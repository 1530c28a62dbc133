"""Every status recorded from real servers renders; a chosen set to exact text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tootui.client.convert import status_from_json
from tootui.render import render_status, wrap
from tootui.render.sanitize import has_unsafe
from tootui.render.status import RenderedStatus

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def _statuses_in(value: Any) -> Iterator[dict[str, Any]]:
    """Status objects anywhere in a response: lists, contexts, notifications."""
    if isinstance(value, dict):
        if "account" in value and "id" in value and ("content" in value or "text" in value):
            yield value
        for child in value.values():
            yield from _statuses_in(child)
    elif isinstance(value, list):
        for child in value:
            yield from _statuses_in(child)


def _payloads(value: Any) -> Iterator[Any]:
    """`value`, and the JSON documents inside its strings (streaming payloads)."""
    yield value
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        for child in value:
            if isinstance(child, str) and child.startswith(("{", "[")):
                try:
                    yield json.loads(child)
                except ValueError:
                    continue


def _documents(path: Path) -> Iterator[Any]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".sse":
        # Server-sent events: one JSON document per `data:` line.
        for line in text.splitlines():
            if line.startswith("data:") and line[5:].strip().startswith(("{", "[")):
                yield from _payloads(json.loads(line[5:]))
    else:
        yield from _payloads(json.loads(text))


def _cases() -> list[Any]:
    cases = []
    for folder in ("statuses", "contexts", "notifications", "other", "streaming"):
        paths = sorted((REAL / folder).glob("*.json")) + sorted((REAL / folder).glob("*.sse"))
        for path in paths:
            found = (item for doc in _documents(path) for item in _statuses_in(doc))
            for n, item in enumerate(found):
                cases.append(pytest.param(item, id=f"{folder}/{path.name}[{n}]"))
    return cases


CASES = _cases()


def _texts(rendered: RenderedStatus) -> list[Any]:
    pieces = [rendered.header, rendered.boosted_by, rendered.reply_to, rendered.spoiler]
    return [t for t in (*pieces, rendered.body, *rendered.extras) if t is not None]


def test_fixtures_are_there() -> None:
    if not REAL.exists():
        pytest.skip(f"real fixtures not found at {REAL}")
    assert len(CASES) >= 60


@pytest.mark.parametrize("data", CASES)
def test_real_status_renders_safely(data: dict[str, Any]) -> None:
    rendered = render_status(status_from_json(data), local_domain="mastodon.social")
    for text in _texts(rendered):
        assert not has_unsafe(text.plain)
        for span in text.spans:
            link = getattr(span.style, "link", None)
            assert link is None or link.startswith(("https://", "http://"))
        for line in wrap(text, 24):
            assert line.cell_len <= 24


def _render_file(name: str, index: int = 0, **kwargs: Any) -> RenderedStatus:
    data = json.loads((REAL / "statuses" / name).read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else [data]
    return render_status(status_from_json(items[index]), **kwargs)


def test_link_only_status_reads_as_mastodon_shows_it() -> None:
    r = _render_file("local-card-example-org.json")
    assert r.body.plain == "example.org/"
    assert [t.plain for t in r.extras] == ["🔗 Example Domain (example.org)"]


def test_hashtag_status() -> None:
    r = _render_file("local-hashtag.json")
    assert r.body.plain == "#hoot (hashtag toot)"
    assert [(t.kind, t.label) for t in r.links] == [("hashtag", "#hoot")]


def test_quote_post_shows_the_quoted_post_instead_of_its_fallback_line() -> None:
    r = _render_file("local-quote-accepted.json")
    assert r.body.plain == "yoooooooo"
    assert [t.plain for t in r.extras] == ["❝ John Lennon @mastodonpy_test", "│ Toot!"]
    assert [(t.kind, t.label, t.url) for t in r.links] == [
        ("link", "quoted post", "http://localhost:3000/@mastodonpy_test/117020582917124092")
    ]


def test_akkoma_quote_is_the_quoted_status_itself() -> None:
    r = _render_file("tootsdk-akkoma-quote.json")
    assert [t.plain for t in r.extras][-3:] == [
        "❝ judy @judy@instance7.example",
        "│ got a flu shot and fruit tea",
        "│ ▣ Image: fruit tea next to a pharmacy paper bag of vaccine info",
    ]


def test_boost_renders_the_original_with_a_boost_line() -> None:
    r = _render_file("local-reblog-wrapper.json")
    assert r.boosted_by is not None and r.boosted_by.plain == "⇄ John Lennon boosted"
    assert r.body.plain == "Toot!"
    assert r.header.plain == "John Lennon @mastodonpy_test"


def test_remote_status_with_spoiler_mention_emoji_and_gif() -> None:
    r = _render_file(
        "ms-remote-cw-gifv-emoji-hashtag-mention-edited-filtered.json",
        local_domain="example.social",
    )
    assert r.spoiler is not None and r.spoiler.plain == "test post for mastodon.py stuff"
    assert r.body.plain == (
        "@alice@remote.example you're a doo-doo head\n\n"
        "edit: editing this to have the maximum amount of fields filled :trans_heart: "
        "#ThisIsAHashtag"
    )
    assert r.header.plain == "alice\u200b :icosahedron: @alice@remote.example"
    assert [t.plain for t in r.extras] == ["▣ GIF: a furry cube breakdancing"]


def test_lists_from_remote_servers() -> None:
    r = _render_file("remote-long-content-lists-mentions.json")
    lines = r.body.plain.split("\n")
    assert lines[0].startswith("@alice @frank@instance11.example Yeah,")
    assert lines[1] == ""
    assert [ln[:12] for ln in lines[2:6]] == [
        "• They spent",
        "• One of the",
        "• Four of th",
        "• They noted",
    ]
    assert lines[6] == ""
    assert lines[7].startswith("In short,")


def test_poll_with_votes_and_own_choices() -> None:
    r = _render_file("ms-remote-poll-multiple-expired-voted-emoji.json")
    assert [t.plain for t in r.extras] == [
        "☐ real  8 votes · 12%",
        "☑ fr fr  17 votes · 27%",
        "☑ so true  14 votes · 22%",
        "☑ :hecker:  25 votes · 39%",
        "47 people voted · closed",
    ]


def test_media_without_alt_text_says_so() -> None:
    r = _render_file("ms-remote-audio-private-reply.json")
    assert [t.plain for t in r.extras] == ["▣ Audio: [no alt text]"]
    assert r.reply_to is not None and r.reply_to.plain == "↳ in reply to @alice"


def test_pleroma_html_without_paragraphs() -> None:
    r = _render_file("tootsdk-pleroma-html-hashtags-emoji-attachments.json")
    assert r.body.plain == (
        "I just #love #coffee :heart_cup: There is no better way to start the day."
    )
    assert r.spoiler is not None and r.spoiler.plain == "Coffee, Star Trek"
    assert r.header.plain == "heidi :veripawed: :veritrek: :rainbow_pride_potion: @heidi"


def test_wordle_squares_keep_their_lines() -> None:
    r = _render_file("tootsdk-mastodon-wordle-linebreaks.json")
    lines = r.body.plain.split("\n")
    assert lines[:3] == ["Wordle 591 X/6*", "", "🟨⬛🟩🟨⬛"]
    assert len(lines) == 8


def test_bridged_link_text_with_dots_is_not_flagged() -> None:
    r = _render_file("ms-quote-bridged-nested-shallow.json")
    assert r.body.plain == (
        "actual reply that quotes a post that quotes a post bsky.app/profile/al1c..."
    )
    # The quoted post quotes another one (shallow, by id only): that one is
    # not followed, its fallback line stays.
    assert [t.plain for t in r.extras] == [
        "❝ al1ce.bsky.social @al1ce.bsky.social@bsky.brid.gy",
        "│ actual reply that quotes a bsky post bsky.app/profile/al1c...",
        "│ ",
        "│ RE: https://bsky.app/profile/did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/post/3lwlug73kn22i",
    ]
