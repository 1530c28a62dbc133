"""Server JSON to the small entities that acting on posts and accounts returns.

Relationships (follow, mute, block), a status's source (for editing), a
translation and a notification. Like `convert`, these never raise on server
data: a missing or odd field becomes its safe default.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tootui.client.coerce import as_bool, as_datetime, as_id, as_str, items, mapping
from tootui.models import (
    Preferences,
    Relationship,
    StatusEdit,
    StatusSource,
    Translation,
)
from tootui.visibility import VISIBILITIES


def relationship_from_json(data: Mapping[str, Any]) -> Relationship:
    return Relationship(
        id=as_id(data.get("id")) or "",
        following=as_bool(data.get("following")),
        requested=as_bool(data.get("requested")),
        followed_by=as_bool(data.get("followed_by")),
        muting=as_bool(data.get("muting")),
        blocking=as_bool(data.get("blocking")),
    )


def relationships_from_json(data: object) -> tuple[Relationship, ...]:
    return tuple(relationship_from_json(mapping(item)) for item in items(data))


def source_from_json(data: Mapping[str, Any]) -> StatusSource:
    return StatusSource(
        id=as_id(data.get("id")) or "",
        text=as_str(data.get("text")),
        spoiler_text=as_str(data.get("spoiler_text")),
    )


def translation_from_json(data: Mapping[str, Any]) -> Translation:
    return Translation(
        content_html=as_str(data.get("content")),
        spoiler_text=as_str(data.get("spoiler_text")),
        detected_source_language=as_str(data.get("detected_source_language")),
        provider=as_str(data.get("provider")),
    )


def preferences_from_json(data: Mapping[str, Any]) -> Preferences:
    visibility = as_str(data.get("posting:default:visibility"))
    return Preferences(
        visibility=visibility if visibility in VISIBILITIES else "public",
        sensitive=as_bool(data.get("posting:default:sensitive")),
        language=as_str(data.get("posting:default:language")) or None,
    )


def edits_from_json(data: object) -> tuple[StatusEdit, ...]:
    """An edit history, oldest version first (as the server lists it)."""
    return tuple(
        StatusEdit(
            created_at=as_datetime(entry.get("created_at")),
            content_html=as_str(entry.get("content")),
            spoiler_text=as_str(entry.get("spoiler_text")),
        )
        for entry in (mapping(item) for item in items(data))
    )

