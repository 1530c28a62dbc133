"""Mastodon's HTML patterns (fixtures ENTITY-NOTES §0) and small status builders."""

from __future__ import annotations

import html
from typing import Any

from tootui.client.convert import status_from_json
from tootui.models import Status

LOCAL = "mastodon.example"


def link(url: str) -> str:
    """A URL as Mastodon links it: scheme and www. invisible, cut after 30 chars."""
    prefix = "https://www." if url.startswith("https://www.") else url.split("//", 1)[0] + "//"
    rest = url[len(prefix) :]
    shown, hidden = rest[:30], rest[30:]
    e = html.escape
    return (
        f'<a href="{e(url)}" target="_blank" rel="nofollow noopener" translate="no">'
        f'<span class="invisible">{e(prefix)}</span>'
        f'<span class="{"ellipsis" if hidden else ""}">{e(shown)}</span>'
        f'<span class="invisible">{e(hidden)}</span></a>'
    )


def mention(user: str, host: str = LOCAL) -> str:
    return (
        f'<span class="h-card" translate="no"><a href="https://{host}/@{user}" '
        f'class="u-url mention">@<span>{user}</span></a></span>'
    )


def hashtag(tag: str, host: str = LOCAL) -> str:
    return (
        f'<a href="https://{host}/tags/{tag.lower()}" class="mention hashtag" '
        f'rel="tag">#<span>{tag}</span></a>'
    )


def account_json(username: str = "alice", **extra: Any) -> dict[str, Any]:
    return {
        "id": "1",
        "username": username,
        "acct": username,
        "display_name": username.title(),
        **extra,
    }


def status(content: str | None = "", **extra: Any) -> Status:
    """A Status from (partial) JSON, through the client's real converter."""
    data: dict[str, Any] = {
        "id": extra.pop("id", "100"),
        "uri": extra.pop("uri", "https://mastodon.example/users/alice/statuses/100"),
        "created_at": "2026-08-01T12:00:00.000Z",
        "account": extra.pop("account", account_json()),
        "content": content,
        **extra,
    }
    return status_from_json(data)
