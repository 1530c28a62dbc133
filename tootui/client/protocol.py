"""`Client`: the method set the UI calls, met by `MastodonClient` and `CachedClient`.

Callers depend on these methods, not on a class, so the cache can stand
between the UI and the network without either knowing.
"""

from __future__ import annotations

from typing import Protocol

from tootui.models import Account, Context, InstanceInfo, Page, Status


class Client(Protocol):
    """Blocking calls to one server for one account; call them from workers."""

    def close(self) -> None: ...

    def verify_credentials(self) -> Account: ...

    def instance(self) -> InstanceInfo: ...

    def timeline(self, name: str = "home", *, max_id: str | None = None,
                 min_id: str | None = None, limit: int = 40) -> Page: ...

    def status(self, status_id: str) -> Status: ...

    def context(self, status_id: str) -> Context: ...

    def post_status(self, text: str, *, in_reply_to_id: str | None = None,
                    visibility: str | None = None, spoiler_text: str = "",
                    language: str | None = None,
                    idempotency_key: str | None = None) -> Status: ...

    def favourite(self, status_id: str) -> Status: ...

    def unfavourite(self, status_id: str) -> Status: ...

    def reblog(self, status_id: str) -> Status: ...

    def unreblog(self, status_id: str) -> Status: ...

    def bookmark(self, status_id: str) -> Status: ...

    def unbookmark(self, status_id: str) -> Status: ...
