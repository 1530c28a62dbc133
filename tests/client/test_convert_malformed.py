"""Statuses no well-behaved server sends: converted as far as they go, never raising."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tootui.client.coerce import as_datetime
from tootui.client.convert import (
    account_from_json,
    context_from_json,
    instance_from_json,
    status_from_json,
)

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def _sample() -> dict[str, Any]:
    return json.loads((REAL / "statuses" / "local-visibility-public.json").read_text("utf-8"))


def test_empty_object_gives_blank_status() -> None:
    status = status_from_json({})
    assert status.id == "" and status.account.acct == "" and status.content_html == ""
    assert status.created_at is None and status.visibility == "public"


@pytest.mark.parametrize(
    "key",
    ["content", "account", "created_at", "media_attachments", "mentions", "tags", "emojis",
     "visibility", "reblog", "card", "poll", "application", "url", "spoiler_text"],
)
def test_null_or_missing_field(key: str) -> None:
    raw = _sample()
    raw[key] = None
    nulled = status_from_json(raw)
    del raw[key]
    missing = status_from_json(raw)
    assert nulled == missing
    assert nulled.id == "117020585924712638"


def test_wrong_types_everywhere() -> None:
    raw = _sample()
    raw.update(
        content=["<p>not a string</p>"], favourites_count="12", reblogs_count="lots",
        media_attachments={"id": "1"}, mentions=[None, 3, {"acct": "bob@x"}],
        tags=[{"name": ""}, {"name": "ok"}], emojis="nope", sensitive="true",
        in_reply_to_id=123456789, language=5,
    )
    status = status_from_json(raw)
    assert status.content_html == ""
    assert (status.favourites_count, status.reblogs_count) == (12, 0)
    assert status.media_attachments == ()
    assert [m.acct for m in status.mentions] == ["bob@x"]
    assert [t.name for t in status.tags] == ["ok"]
    assert status.sensitive is True and status.in_reply_to_id == "123456789"


def test_unknown_enum_values_fall_back() -> None:
    raw = _sample()
    raw["visibility"] = "local"  # Akkoma's local-only posts
    raw["media_attachments"] = [{"id": "9", "type": "hologram", "url": None}]
    raw["card"] = {"url": "https://example.org/", "type": "embed"}
    status = status_from_json(raw)
    assert status.visibility == "local"
    assert status.media_attachments[0].type == "unknown"
    assert status.card is not None and status.card.type == "link"


def test_reblog_of_deleted_status() -> None:
    wrapper = _sample()
    wrapper["content"] = ""
    wrapper["reblog"] = {"id": "42", "account": None, "content": None, "created_at": None}
    status = status_from_json(wrapper)
    assert status.reblog is not None and status.original.id == "42"
    assert status.original.account.acct == "" and status.original.content_html == ""


def test_deeply_nested_reblogs_stop() -> None:
    raw: dict[str, Any] = {"id": "0"}
    for n in range(1, 50):
        raw = {"id": str(n), "reblog": raw}
    status = status_from_json(raw)
    depth = 0
    while status.reblog is not None:
        status, depth = status.reblog, depth + 1
    assert depth == 2


def test_deleted_status_text_becomes_escaped_html() -> None:
    status = status_from_json({"id": "1", "text": "a <b> & c\nline two\n\nsecond"})
    assert status.content_html == "<p>a &lt;b&gt; &amp; c<br>line two</p><p>second</p>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-08-01T13:53:15.378Z", datetime(2026, 8, 1, 13, 53, 15, 378000, tzinfo=UTC)),
        ("2026-08-01T13:53:15Z", datetime(2026, 8, 1, 13, 53, 15, tzinfo=UTC)),
        ("2026-08-01T13:53:15", datetime(2026, 8, 1, 13, 53, 15, tzinfo=UTC)),
        ("2026-08-01T15:53:15.1234567+02:00", datetime(2026, 8, 1, 13, 53, 15, 123456, tzinfo=UTC)),
        ("2026-08-01T08:53-0500", datetime(2026, 8, 1, 13, 53, tzinfo=UTC)),
        ("2026-08-01", datetime(2026, 8, 1, tzinfo=UTC)),
        ("1785592395", datetime(2026, 8, 1, 13, 53, 15, tzinfo=UTC)),
        (1785592395, datetime(2026, 8, 1, 13, 53, 15, tzinfo=UTC)),
        (datetime(2026, 8, 1, 13, 53, 15), datetime(2026, 8, 1, 13, 53, 15, tzinfo=UTC)),
        (
            datetime(2026, 8, 1, 15, 53, 15, tzinfo=timezone(timedelta(hours=2))),
            datetime(2026, 8, 1, 13, 53, 15, tzinfo=UTC),
        ),
        ("yesterday", None), ("2026-13-45T99:00:00Z", None), ("", None), (None, None),
        (True, None), (10**30, None),
    ],
)
def test_datetime_forms(text: object, expected: datetime | None) -> None:
    assert as_datetime(text) == expected


def test_other_entities_tolerate_garbage() -> None:
    assert account_from_json({"acct": "x@y"}).username == "x"
    assert context_from_json({"ancestors": [None, 1, {"id": "3"}]}).ancestors[0].id == "3"
    info = instance_from_json({"uri": "https://pleroma.example/", "max_toot_chars": "x"})
    assert (info.domain, info.max_characters) == ("pleroma.example", 500)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30,
)
_status_keys = st.sampled_from([*sorted(_sample().keys()), "text", "reblog", "poll", "card"])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_status_keys, _json, max_size=12))
def test_random_json_never_raises(raw: dict[str, Any]) -> None:
    status = status_from_json(raw)
    assert isinstance(status.id, str) and isinstance(status.content_html, str)
    context_from_json({"ancestors": [raw], "descendants": raw})
    instance_from_json(raw)


@pytest.mark.parametrize(
    ("quote", "state", "quoted_id"),
    [
        ("not an object", "", None),
        ([], "", None),
        ({}, "", None),
        ({"state": 5}, "unauthorized", None),
        ({"state": "accepted", "quoted_status": "x"}, "accepted", None),
        ({"state": "accepted", "quoted_status_id": "9"}, "accepted", None),
        ({"state": "Pending", "quoted_status": None}, "pending", None),
        ({"state": "from_the_future"}, "unauthorized", None),
        # Only an accepted quote may show its post, whatever else is sent.
        ({"state": "rejected", "quoted_status": {"id": "9", "account": {}}}, "rejected", None),
        ({"state": "accepted", "quoted_status": {"id": "9", "account": {}}}, "accepted", "9"),
        ({"id": "9", "account": {"id": "1"}, "content": "<p>akkoma</p>"}, "accepted", "9"),
    ],
)
def test_quote_field_in_every_shape(quote: object, state: str, quoted_id: str | None) -> None:
    raw = _sample()
    raw["quote"] = quote
    status = status_from_json(raw)
    assert status.quote_state == state
    assert (status.quote.id if status.quote else None) == quoted_id


@pytest.mark.parametrize("number", [float("inf"), float("-inf"), float("nan")])
def test_a_counter_that_is_no_number_counts_as_none(number: float) -> None:
    # json.loads reads Infinity and NaN; hypothesis once sent favourites_count: inf.
    status = status_from_json({"id": "1", "favourites_count": number,
                               "poll": {"id": "p", "options": [
                                   {"title": "a", "votes_count": number}]}})
    assert status.favourites_count == 0
    assert status.poll is not None and status.poll.options[0].votes_count is None
