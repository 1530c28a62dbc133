"""Notifications (API v1 and grouped v2), conversations, lists and tags, as our models.

Tolerant like `convert`: an entry that is not an object is skipped, a group
whose accounts or status the server left out keeps what it has, an unknown
type stays a string the renderer words generically.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tootui.client.coerce import as_datetime, as_id, as_int, as_str, items, mapping
from tootui.client.convert import account_from_json, status_from_json
from tootui.models import Account, Notification, Status, UserList


def notification_from_json(data: Mapping[str, Any]) -> Notification | None:
    """One v1 notification; None without an id (nothing to page or dedupe by)."""
    data = mapping(data)
    notification_id = as_id(data.get("id"))
    if notification_id is None:
        return None
    account = data.get("account")
    status = data.get("status")
    return Notification(
        id=notification_id,
        type=as_str(data.get("type")) or "unknown",
        accounts=(account_from_json(account),) if isinstance(account, Mapping) else (),
        status=status_from_json(status) if isinstance(status, Mapping) else None,
        created_at=as_datetime(data.get("created_at")),
        group_key=as_str(data.get("group_key")) or None,
        newest_id=notification_id,
    )


def notifications_from_json(values: object) -> tuple[Notification, ...]:
    found = (notification_from_json(v) for v in items(values) if isinstance(v, Mapping))
    return tuple(n for n in found if n is not None)


def cached_notification_from_json(data: Mapping[str, Any]) -> Notification | None:
    """One notification as `encode.notification_to_json` stored it; None without an id."""
    data = mapping(data)
    notification_id = as_id(data.get("id"))
    if notification_id is None:
        return None
    status = data.get("status")
    return Notification(
        id=notification_id,
        type=as_str(data.get("type")) or "unknown",
        accounts=tuple(account_from_json(a) for a in items(data.get("accounts"))
                       if isinstance(a, Mapping)),
        count=max(as_int(data.get("notifications_count"), 1), 1),
        status=status_from_json(status) if isinstance(status, Mapping) else None,
        created_at=as_datetime(data.get("created_at")),
        group_key=as_str(data.get("group_key")) or None,
        newest_id=as_id(data.get("newest_id")),
    )


def grouped_from_json(data: Mapping[str, Any]) -> tuple[Notification, ...]:
    """The groups of a `GroupedNotificationsResults`, accounts and statuses joined in."""
    data = mapping(data)
    accounts: dict[str, Account] = {}
    for value in (*items(data.get("accounts")), *items(data.get("partial_accounts"))):
        if isinstance(value, Mapping):
            account = account_from_json(value)
            accounts.setdefault(account.id, account)
    statuses: dict[str, Status] = {}
    for value in items(data.get("statuses")):
        if isinstance(value, Mapping):
            status = status_from_json(value)
            statuses[status.id] = status
    groups: list[Notification] = []
    for value in items(data.get("notification_groups")):
        group = mapping(value)
        key = as_id(group.get("group_key"))
        if key is None:
            continue
        sample_ids = (as_str(a) for a in items(group.get("sample_account_ids")))
        sample = tuple(accounts[i] for i in sample_ids if i in accounts)
        status_id = as_id(group.get("status_id"))
        groups.append(Notification(
            id=key,
            type=as_str(group.get("type")) or "unknown",
            accounts=sample,
            count=max(as_int(group.get("notifications_count"), 1), 1),
            status=statuses.get(status_id) if status_id else None,
            created_at=as_datetime(group.get("latest_page_notification_at")),
            group_key=key,
            newest_id=as_id(group.get("page_max_id"))
            or as_id(group.get("most_recent_notification_id")),
        ))
    return tuple(groups)


def conversation_statuses(values: object) -> tuple[Status, ...]:
    """The last status of each conversation (direct messages), newest conversation first."""
    found = []
    for value in items(values):
        last = mapping(value).get("last_status")
        if isinstance(last, Mapping):
            found.append(status_from_json(last))
    return tuple(found)


def lists_from_json(values: object) -> tuple[UserList, ...]:
    found = []
    for value in items(values):
        data = mapping(value)
        list_id = as_id(data.get("id"))
        if list_id is not None:
            found.append(UserList(id=list_id, title=as_str(data.get("title"))))
    return tuple(found)


def tag_names(values: object) -> tuple[str, ...]:
    names = (as_str(mapping(value).get("name")) for value in items(values))
    return tuple(name for name in names if name)
