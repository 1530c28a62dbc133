"""tootui's models back to Mastodon API JSON, for the on-disk cache.

The cache stores statuses in the shape the server sent them, so that
`convert.status_from_json` reads them back: one reader, tolerant of anything
odd, for the network and the disk alike (a damaged row becomes a blank field,
never a crash). `status_from_json(status_to_json(s)) == s` for every status.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tootui.models import (
    Account,
    Card,
    Context,
    CustomEmoji,
    FilterResult,
    InstanceInfo,
    MediaAttachment,
    Notification,
    Poll,
    Relationship,
    Status,
)

JSON = dict[str, Any]


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _emojis(emojis: tuple[CustomEmoji, ...]) -> list[JSON]:
    return [{"shortcode": e.shortcode, "url": e.url, "static_url": e.static_url}
            for e in emojis]


def account_to_json(account: Account) -> JSON:
    return {
        "id": account.id,
        "username": account.username,
        "acct": account.acct,
        "display_name": account.display_name,
        "url": account.url,
        "note": account.note_html,
        "avatar": account.avatar,
        "bot": account.bot,
        "locked": account.locked,
        "group": account.group,
        "created_at": _time(account.created_at),
        "followers_count": account.followers_count,
        "following_count": account.following_count,
        "statuses_count": account.statuses_count,
        "fields": [{"name": f.name, "value": f.value_html, "verified_at": _time(f.verified_at)}
                   for f in account.fields],
        "emojis": _emojis(account.emojis),
    }


def _media(media: MediaAttachment) -> JSON:
    return {"id": media.id, "type": media.type, "url": media.url,
            "preview_url": media.preview_url, "remote_url": media.remote_url,
            "description": media.description, "blurhash": media.blurhash}


def _card(card: Card) -> JSON:
    return {"url": card.url, "title": card.title, "description": card.description,
            "type": card.type, "provider_name": card.provider_name, "image": card.image}


def _poll(poll: Poll) -> JSON:
    return {
        "id": poll.id,
        "options": [{"title": o.title, "votes_count": o.votes_count} for o in poll.options],
        "expires_at": _time(poll.expires_at),
        "expired": poll.expired,
        "multiple": poll.multiple,
        "votes_count": poll.votes_count,
        "voters_count": poll.voters_count,
        "voted": poll.voted,
        "own_votes": list(poll.own_votes),
        "emojis": _emojis(poll.emojis),
    }


def status_to_json(status: Status, *, with_reblog: bool = True) -> JSON:
    """The status as the API shapes it; `with_reblog=False` keeps only the
    boosted original's id, for storing the original in its own row."""
    reblog: JSON | None = None
    if status.reblog is not None:
        reblog = status_to_json(status.reblog) if with_reblog else {"id": status.reblog.id}
    return {
        "id": status.id,
        "account": account_to_json(status.account),
        "created_at": _time(status.created_at),
        "content": status.content_html,
        "uri": status.uri,
        "url": status.url,
        "visibility": status.visibility,
        "sensitive": status.sensitive,
        "spoiler_text": status.spoiler_text,
        "language": status.language,
        "in_reply_to_id": status.in_reply_to_id,
        "in_reply_to_account_id": status.in_reply_to_account_id,
        "reblog": reblog,
        "media_attachments": [_media(m) for m in status.media_attachments],
        "mentions": [{"id": m.id, "username": m.username, "acct": m.acct, "url": m.url}
                     for m in status.mentions],
        "tags": [{"name": t.name, "url": t.url} for t in status.tags],
        "emojis": _emojis(status.emojis),
        "card": _card(status.card) if status.card is not None else None,
        "poll": _poll(status.poll) if status.poll is not None else None,
        "replies_count": status.replies_count,
        "reblogs_count": status.reblogs_count,
        "favourites_count": status.favourites_count,
        "favourited": status.favourited,
        "reblogged": status.reblogged,
        "bookmarked": status.bookmarked,
        "pinned": status.pinned,
        "edited_at": _time(status.edited_at),
        "application": ({"name": status.application_name}
                        if status.application_name is not None else None),
        "quote": _quote(status),
        "filtered": [_filter_result(r) for r in status.filtered],
    }


def _filter_result(result: FilterResult) -> JSON:
    return {"filter": {"title": result.title, "filter_action": result.action,
                       "context": list(result.context)},
            "keyword_matches": list(result.keyword_matches), "status_matches": []}


def _quote(status: Status) -> JSON | None:
    """Mastodon 4.5's quote shape, which `status_from_json` reads back."""
    if not status.quote_state:
        return None
    quoted = status.quote
    return {"state": status.quote_state,
            "quoted_status": status_to_json(quoted) if quoted is not None else None}


def context_to_json(context: Context) -> JSON:
    return {"ancestors": [status_to_json(s) for s in context.ancestors],
            "descendants": [status_to_json(s) for s in context.descendants]}


def instance_to_json(info: InstanceInfo) -> JSON:
    """The v2 instance shape, which `instance_from_json` reads first."""
    return {
        "domain": info.domain,
        "title": info.title,
        "version": info.version,
        "languages": list(info.languages),
        "configuration": {
            "statuses": {
                "max_characters": info.max_characters,
                "characters_reserved_per_url": info.characters_reserved_per_url,
                "max_media_attachments": info.max_media_attachments,
            },
            "urls": {"streaming": info.streaming_url},
        },
    }


def relationship_to_json(relationship: Relationship) -> JSON:
    return {"id": relationship.id, "following": relationship.following,
            "requested": relationship.requested, "followed_by": relationship.followed_by,
            "muting": relationship.muting, "blocking": relationship.blocking}


def notification_to_json(notification: Notification) -> JSON:
    """A notification or group in one object: the v1 shape's fields, with the
    group's accounts and count beside them (`cached_notification_from_json`)."""
    return {"id": notification.id, "type": notification.type,
            "accounts": [account_to_json(a) for a in notification.accounts],
            "notifications_count": notification.count,
            "status": status_to_json(notification.status)
            if notification.status is not None else None,
            "created_at": _time(notification.created_at),
            "group_key": notification.group_key, "newest_id": notification.newest_id}
