"""The unsent draft, on disk: what is in the compose pane survives a crash.

One draft per profile, in the user data dir (never the cache, which may be
thrown away). Each save writes a new file and renames it over the old one, so
a `kill -9` at any moment leaves either the previous draft or the new one,
never half of either. The draft keeps its idempotency key: if the process
died after sending but before the answer came, sending it again next time is
recognised by the server and makes no second post.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tootui.atomic_file import set_aside, write_json
from tootui.models import Draft, MediaDraft, PollDraft, Status

log = logging.getLogger(__name__)

_FORMAT = 1


@dataclass(frozen=True, slots=True)
class SavedDraft:
    """A draft with what is needed to offer it again: its key and what it replies to."""

    draft: Draft
    idempotency_key: str
    reply_to: Status | None = None


class DraftStore:
    """Saves and loads one profile's draft file; safe to call from worker threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # Saves run in worker threads that may finish out of order: a save or
        # removal older than the last one done is skipped, not written over it.
        self._lock = threading.Lock()
        self._done = -1
        self.set_aside: Path | None = None  # where an unreadable draft file was moved

    @classmethod
    def for_profile(cls, profile_name: str) -> DraftStore:
        from tootui import paths

        return cls(paths.profile_draft_file(profile_name))

    def save(self, saved: SavedDraft, *, generation: int = 0) -> None:
        """Replace the stored draft atomically (unless a later change was stored)."""
        with self._lock:
            if generation < self._done:
                return
            self._done = generation
            self._write(saved)

    def _write(self, saved: SavedDraft) -> None:
        from tootui.client.encode import status_to_json

        data: dict[str, Any] = {
            "format": _FORMAT,
            **draft_to_json(saved.draft),
            "idempotency_key": saved.idempotency_key,
            "reply_to": status_to_json(saved.reply_to) if saved.reply_to is not None else None,
        }
        write_json(self.path, data)

    def load(self) -> SavedDraft | None:
        """The stored draft, or None; a file we can't read is set aside, not lost."""
        try:
            data = json.loads(self.path.read_text("utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("text"), str):
                raise ValueError("not a draft")
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            log.warning("draft file unreadable (%s), kept as %s.bad", error, self.path.name)
            self.set_aside = set_aside(self.path)
            return None
        from tootui.client.convert import status_from_json

        reply = data.get("reply_to")
        key = data.get("idempotency_key")
        return SavedDraft(
            draft=draft_from_json(data),
            idempotency_key=key if isinstance(key, str) else "",
            reply_to=status_from_json(reply) if isinstance(reply, dict) else None,
        )

    def remove(self, *, generation: int = 0) -> None:
        """The draft was sent or discarded."""
        with self._lock:
            if generation < self._done:
                return
            self._done = generation
            self.path.unlink(missing_ok=True)


def draft_to_json(draft: Draft) -> dict[str, Any]:
    """Everything a draft holds, as JSON (the outbox keeps drafts this way too)."""
    return {
        "text": draft.text,
        "in_reply_to_id": draft.in_reply_to_id,
        "spoiler_text": draft.spoiler_text,
        "visibility": draft.visibility,
        "language": draft.language,
        "edit_id": draft.edit_id,
        "poll": ({"options": list(draft.poll.options), "expires_in": draft.poll.expires_in,
                  "multiple": draft.poll.multiple} if draft.poll is not None else None),
        "media": [{"path": m.path, "description": m.description} for m in draft.media],
        "scheduled_at": draft.scheduled_at.isoformat() if draft.scheduled_at else None,
    }


def draft_from_json(data: dict[str, Any]) -> Draft:
    """The draft `draft_to_json` wrote; fields of the wrong type read as unset."""

    def text(key: str) -> str | None:
        value = data.get(key)
        return value if isinstance(value, str) else None

    return Draft(text=text("text") or "", in_reply_to_id=text("in_reply_to_id"),
                 spoiler_text=text("spoiler_text") or "",
                 visibility=text("visibility"), language=text("language"),
                 edit_id=text("edit_id"), poll=_poll(data.get("poll")),
                 media=_media(data.get("media")), scheduled_at=_when(text("scheduled_at")))


def _poll(value: object) -> PollDraft | None:
    if not isinstance(value, dict):
        return None
    options = value.get("options")
    expires_in = value.get("expires_in")
    return PollDraft(
        options=tuple(o for o in options if isinstance(o, str)) if isinstance(options, list)
        else (),
        expires_in=expires_in if isinstance(expires_in, int) else PollDraft().expires_in,
        multiple=value.get("multiple") is True,
    )


def _media(value: object) -> tuple[MediaDraft, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        MediaDraft(path=item["path"], description=str(item.get("description") or ""))
        for item in value if isinstance(item, dict) and isinstance(item.get("path"), str)
    )


def _when(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
