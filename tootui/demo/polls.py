"""Polls attached to statuses: creation from the POST parameters."""

from __future__ import annotations

from typing import Any

from tootui.demo.ids import iso_from_ms, now_ms, snowflake
from tootui.demo.web import ApiError, Params


def poll_from_params(p: Params) -> dict[str, Any] | None:
    """The Poll entity for a new status, or None; `poll[...]` comes as form or JSON."""
    raw = p.get("poll")
    if isinstance(raw, dict):
        options = raw.get("options") or []
        expires_in, multiple = raw.get("expires_in"), raw.get("multiple")
    else:
        options = p.list("poll[options]")
        if not options:
            return None
        expires_in, multiple = p.get("poll[expires_in]"), p.get("poll[multiple]")
    if not options:
        return None
    if not 2 <= len(options) <= 4:
        raise ApiError(422, "Validation failed: Poll options must have between 2 and 4 items")
    try:
        seconds = int(expires_in)
    except (TypeError, ValueError) as exc:
        raise ApiError(422, "Validation failed: Poll expires at can't be blank") from exc
    if not 300 <= seconds <= 2629746:
        raise ApiError(422, "Validation failed: Poll expires at is invalid")
    is_multiple = str(multiple).lower() in ("1", "true")
    return make_poll([str(o) for o in options], seconds, is_multiple)


def make_poll(options: list[str], seconds: int, multiple: bool) -> dict[str, Any]:
    return {
        "id": str(snowflake()),
        "expires_at": iso_from_ms(now_ms() + seconds * 1000),
        "expired": False,
        "multiple": multiple,
        "votes_count": 0,
        "voters_count": 0,
        "options": [{"title": title, "votes_count": 0} for title in options],
        "emojis": [],
    }
