"""Account names, bios and profile fields follow the same rules as posts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tootui.client.convert import account_from_json
from tootui.render import render_account
from tootui.render.sanitize import has_unsafe

ACCOUNTS = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "accounts"


def test_remote_account_with_emoji_and_verified_field() -> None:
    path = ACCOUNTS / "ms-remote-account-emoji-verified-fields.json"
    if not path.exists():
        pytest.skip(f"fixture not found: {path}")
    account = account_from_json(json.loads(path.read_text(encoding="utf-8")))
    rendered = render_account(account, local_domain="example.social")
    assert rendered.header.plain == "alice\u200b :icosahedron: @alice@remote.example"
    assert rendered.note.plain == (
        "Made-up bio line one.\n\nMade-up bio line two.\n\nMade-up bio line three."
    )
    assert [(f.name.plain, f.value.plain, f.verified) for f in rendered.fields] == [
        ("Web", "✓ alice.example/", True),
        ("Demogroup", "instance10.example/", False),
        ("Pronouns", "He/Him", False),
        ("Priv", "@alice_alt@remote.example", False),
    ]
    assert [t.kind for t in rendered.links] == ["link", "link", "mention"]


def test_hostile_profile_is_cleaned() -> None:
    account = account_from_json(
        {
            "id": "1",
            "username": "m",
            "acct": "m@evil.example",
            "display_name": "\x1b]0;title\x07M\u202eallory",
            "note": "<p>bio \x1b[31m[b]x[/b]</p>",
            "fields": [
                {"name": "Site\x1b[2J", "value": '<a href="javascript:x">site</a>',
                 "verified_at": "2026-01-01T00:00:00Z"},
            ],
        }
    )
    rendered = render_account(account)
    assert rendered.header.plain == "Mallory @m@evil.example"
    assert rendered.note.plain == "bio [b]x[/b]"
    (field,) = rendered.fields
    assert (field.name.plain, field.value.plain) == ("Site", "✓ site")
    assert rendered.links == ()
    for text in (rendered.header, rendered.note, field.name, field.value):
        assert not has_unsafe(text.plain)


def test_verified_mark_styles_only_itself() -> None:
    account = account_from_json(
        {"id": "1", "username": "a", "acct": "a", "fields": [
            {"name": "web", "value": "<p>plain words</p>", "verified_at": "2026-01-01T00:00:00Z"}
        ]}
    )
    (field,) = render_account(account).fields
    assert field.value.plain == "✓ plain words" and field.value.style == ""
    assert [(s.start, s.end) for s in field.value.spans] == [(0, 2)]
