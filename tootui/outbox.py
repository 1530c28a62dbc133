"""The outbox: posts and actions the server hasn't received yet, kept on disk.

A post (with its poll, media and schedule), reply, edit, favourite, boost or
bookmark that fails for a reason that may pass (offline, 5xx, timeout, 429)
is added here instead of being lost, and
retried with capped exponential backoff (a 429's `Retry-After` is honoured:
nothing is sent before it). Each post keeps the idempotency key it was first
sent with, so a retry after a lost answer makes no second post (an edit sent
twice only sets the same text twice). A 401 pauses
the whole outbox until the user logs in again; a refusal (422) takes the
entry out, to be given back to the user with the server's reason.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tootui.atomic_file import set_aside, write_json
from tootui.client.errors import ClientError, RateLimitedError
from tootui.drafts import draft_from_json, draft_to_json
from tootui.models import Draft, ScheduledPost, Status

if TYPE_CHECKING:
    from tootui.client.protocol import Client

log = logging.getLogger(__name__)

POST = "post"
EDIT = "edit"
ACTIONS = frozenset({"favourite", "unfavourite", "reblog", "unreblog", "bookmark",
                     "unbookmark"})


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One undelivered request; `next_try` is a UNIX time."""

    id: str
    kind: str
    idempotency_key: str = ""
    draft: Draft | None = None
    status_id: str | None = None
    attempts: int = 0
    next_try: float = 0.0
    last_error: str = ""


class Outbox:
    """One profile's outbox file. Thread-safe; every change is written at once."""

    def __init__(self, path: Path, *, base_delay: float = 2.0, max_delay: float = 300.0,
                 clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.base_delay = base_delay
        self.max_delay = max_delay
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: list[OutboxEntry] = []
        self._paused = False
        self._loaded = False
        self.set_aside: Path | None = None  # where an unreadable outbox file was moved

    @classmethod
    def for_profile(cls, profile_name: str) -> Outbox:
        from tootui import paths

        return cls(paths.profile_outbox_file(profile_name))

    @property
    def paused(self) -> bool:
        """True after a 401, until `resume()`."""
        with self._lock:
            self._load()
            return self._paused

    # -- reading and writing the file -------------------------------------

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        try:
            data = json.loads(self.path.read_text("utf-8"))
            self._paused = bool(data.get("paused", False))
            self._entries = [_entry_from_json(e) for e in data.get("entries", ())]
        except FileNotFoundError:
            return
        except (OSError, ValueError, TypeError, AttributeError, KeyError) as error:
            log.warning("outbox unreadable (%s), kept as %s.bad", error, self.path.name)
            self.set_aside = set_aside(self.path)
            if self.set_aside is None:
                log.warning("outbox could not be set aside")

    def _save(self) -> None:
        write_json(self.path, {"paused": self._paused,
                               "entries": [_entry_to_json(e) for e in self._entries]})

    def entries(self) -> list[OutboxEntry]:
        with self._lock:
            self._load()
            return list(self._entries)

    def add_post(self, draft: Draft, idempotency_key: str,
                 error: ClientError | None = None) -> OutboxEntry:
        """Queue a post that failed with `error` (its Retry-After is honoured)."""
        return self._add(OutboxEntry(uuid.uuid4().hex, POST, idempotency_key, draft=draft),
                         error)

    def add_edit(self, draft: Draft, error: ClientError | None = None) -> OutboxEntry:
        """Queue an edit (`draft.edit_id` names the status it replaces)."""
        if draft.edit_id is None:
            raise ValueError("an edit needs the id of the status it replaces")
        return self._add(OutboxEntry(uuid.uuid4().hex, EDIT, draft=draft,
                                     status_id=draft.edit_id), error)

    def add_action(self, kind: str, status_id: str,
                   error: ClientError | None = None) -> OutboxEntry:
        if kind not in ACTIONS:
            raise ValueError(kind)
        return self._add(OutboxEntry(uuid.uuid4().hex, kind, status_id=status_id), error)

    def _add(self, entry: OutboxEntry, error: ClientError | None) -> OutboxEntry:
        with self._lock:
            self._load()
            # Already sent once and failed: the first retry waits like any other.
            entry = replace(entry, attempts=1, last_error=str(error or ""),
                            next_try=self._clock() + self.delay(1, error))
            self._entries.append(entry)
            self._save()
            return entry

    # -- delivery ----------------------------------------------------------

    def due(self) -> list[OutboxEntry]:
        """Entries whose time has come, oldest first; none while paused."""
        now = self._clock()
        with self._lock:
            self._load()
            if self._paused:
                return []
            return [e for e in self._entries if e.next_try <= now]

    def next_due(self) -> float | None:
        """Seconds until the next entry is due (0 if one is), None if none or paused."""
        with self._lock:
            self._load()
            if self._paused or not self._entries:
                return None
            return max(0.0, min(e.next_try for e in self._entries) - self._clock())

    def remove(self, entry_id: str) -> None:
        """Delivered, or refused for good."""
        with self._lock:
            self._load()
            self._entries = [e for e in self._entries if e.id != entry_id]
            self._save()

    def retry_later(self, entry_id: str, error: ClientError) -> OutboxEntry | None:
        with self._lock:
            self._load()
            for index, entry in enumerate(self._entries):
                if entry.id == entry_id:
                    attempts = entry.attempts + 1
                    updated = replace(entry, attempts=attempts, last_error=str(error),
                                      next_try=self._clock() + self.delay(attempts, error))
                    self._entries[index] = updated
                    self._save()
                    return updated
        return None

    def delay(self, attempts: int, error: ClientError | None = None) -> float:
        """Capped exponential backoff; never shorter than the server's `Retry-After`."""
        wait = min(self.max_delay, self.base_delay * 2 ** max(0, attempts - 1))
        if isinstance(error, RateLimitedError) and error.retry_after is not None:
            wait = max(wait, error.retry_after)
        return wait

    def pause(self) -> None:
        with self._lock:
            self._load()
            self._paused = True
            self._save()

    def resume(self) -> None:
        with self._lock:
            self._load()
            self._paused = False
            now = self._clock()
            self._entries = [replace(e, next_try=now) for e in self._entries]
            self._save()


def deliver(client: Client, entry: OutboxEntry) -> Status | ScheduledPost:
    """Send one entry; raises the client's `ClientError` when it fails."""
    draft = entry.draft or Draft()
    if entry.kind == EDIT:
        return client.edit_status(entry.status_id or "", draft.text,
                                  spoiler_text=draft.spoiler_text)
    if entry.kind == POST:
        key = entry.idempotency_key or None
        if draft.poll is not None or draft.media or draft.scheduled_at is not None:
            return client.send_draft(draft, idempotency_key=key)
        return client.post_status(
            draft.text, in_reply_to_id=draft.in_reply_to_id, visibility=draft.visibility,
            spoiler_text=draft.spoiler_text, language=draft.language, idempotency_key=key)
    method: Callable[[str], Status] = getattr(client, entry.kind)
    return method(entry.status_id or "")


def _entry_to_json(entry: OutboxEntry) -> dict[str, Any]:
    return {
        "id": entry.id, "kind": entry.kind, "idempotency_key": entry.idempotency_key,
        "draft": draft_to_json(entry.draft) if entry.draft is not None else None,
        "status_id": entry.status_id, "attempts": entry.attempts,
        "next_try": entry.next_try, "last_error": entry.last_error,
    }


def _entry_from_json(data: dict[str, Any]) -> OutboxEntry:
    draft = data.get("draft")
    kind = str(data["kind"])
    if kind not in (POST, EDIT) and kind not in ACTIONS:
        raise ValueError(f"unknown outbox entry {kind!r}")
    return OutboxEntry(
        id=str(data["id"]), kind=kind, idempotency_key=str(data.get("idempotency_key") or ""),
        draft=draft_from_json(draft) if isinstance(draft, dict) else None,
        status_id=data.get("status_id"), attempts=int(data.get("attempts", 0)),
        next_try=float(data.get("next_try", 0.0)), last_error=str(data.get("last_error", "")))
