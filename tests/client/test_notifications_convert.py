"""Notifications from real servers' JSON (v1 and grouped v2), and malformed ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tootui.client.convert_notifications import (
    conversation_statuses,
    grouped_from_json,
    lists_from_json,
    notifications_from_json,
    tag_names,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "real"


def _load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text("utf-8"))


def test_grouped_favourites_join_their_accounts_and_status() -> None:
    (group,) = grouped_from_json(_load("notifications/local-v2-grouped-favourites.json"))
    assert group.id == "favourite-117020579695730951-495997"
    assert group.type == "favourite" and group.count == 2
    # One full account and one partial one (no display name, only acct).
    assert [a.acct for a in group.accounts] == ["mastodonpy_test_2", "admin"]
    assert group.status is not None and group.status.id == "117020579695730951"
    assert group.created_at is not None


def test_grouped_with_trimmed_partial_accounts_keeps_what_it_has() -> None:
    groups = grouped_from_json(
        _load("notifications/remote-v2-grouped-partial-avatars-trimmed.json"))
    assert [(g.type, g.count) for g in groups] == [
        ("favourite", 3), ("favourite", 8), ("poll", 1), ("follow", 2)]
    follow = groups[-1]
    assert follow.status is None
    assert 1 <= len(follow.accounts) <= 2
    assert all(len(g.accounts) == len({a.id for a in g.accounts}) for g in groups)


def test_v1_notifications() -> None:
    (mention,) = notifications_from_json(_load("notifications/local-v1-list-mention.json"))
    assert mention.type == "mention" and mention.count == 1
    assert len(mention.accounts) == 1 and mention.status is not None


def test_malformed_notifications_are_skipped_or_blank() -> None:
    assert notifications_from_json([None, 3, {"type": "mention"}, {"id": 7}]) == (
        notifications_from_json([{"id": "7"}]))
    (odd,) = notifications_from_json([{"id": "7"}])
    assert odd.type == "unknown" and odd.accounts == () and odd.status is None
    assert grouped_from_json({"notification_groups": [{"type": "follow"}, "x"]}) == ()
    (group,) = grouped_from_json({"notification_groups": [
        {"group_key": "k", "sample_account_ids": ["404"], "status_id": "404",
         "notifications_count": "many"}]})
    assert group.accounts == () and group.status is None and group.count == 1


def test_conversations_lists_and_tags() -> None:
    statuses = conversation_statuses(_load("other/conversations.json"))
    assert statuses and all(s.visibility == "direct" for s in statuses)
    assert conversation_statuses([{"id": "1", "last_status": None}, 5]) == ()
    lists = lists_from_json(_load("other/lists-index.json"))
    assert lists and all(item.id and item.title for item in lists)
    assert lists_from_json([{"title": "no id"}]) == ()
    assert tag_names([{"name": "NeoDB"}, {"name": ""}, None]) == ("NeoDB",)
