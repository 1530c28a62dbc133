"""The HTTP session under Mastodon.py, and its failures mapped to our errors.

Mastodon.py reads rate-limit headers itself but throws a bare
`MastodonRatelimitError` on a 429, without the `Retry-After` the server sent;
a response hook on our own `requests.Session` keeps the last response's
headers per thread so the error can say how long to wait. `requests` and
Mastodon.py are imported inside functions: this module is reachable from the
UI's import path and must stay cheap until the first request.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Mapping
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from tootui.client.coerce import as_datetime
from tootui.client.errors import (
    AuthError,
    ClientError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    RefusedError,
    ServerError,
)
from tootui.i18n import _

if TYPE_CHECKING:
    import requests

USER_AGENT = "tootui/0.1 (+https://github.com/tootui/tootui)"
# Long enough for a slow instance under load, short enough that a dead link is
# reported while the user still cares; the outbox retries on its own.
DEFAULT_TIMEOUT = 20.0


class ResponseMemory:
    """Remembers, per thread, the headers of the last response on a session."""

    def __init__(self) -> None:
        self._local = threading.local()

    def hook(self, response: requests.Response, *args: object, **kwargs: object) -> None:
        self._local.headers = dict(response.headers)
        self._local.received = time.time()
        self._local.failure = None
        if response.status_code >= 400 and not response.is_redirect:
            try:
                body = response.json()
            except ValueError:
                body = {}
            message = error_message(body) if isinstance(body, Mapping) else ""
            self._local.failure = (response.status_code, message)
        # Mastodon.py parses X-RateLimit-Reset even in "throw" mode and raises
        # when a server writes it in a form it does not know; we never use its
        # pacing, so the value is kept here and hidden from it.
        response.headers.pop("X-RateLimit-Reset", None)

    def failure(self) -> tuple[int, str] | None:
        """Status and server message of the last response, if it was an error."""
        failure: tuple[int, str] | None = getattr(self._local, "failure", None)
        return failure

    def retry_after(self) -> float | None:
        """Seconds to wait, from `Retry-After`, else from `X-RateLimit-Reset`."""
        headers = {k.lower(): v for k, v in getattr(self._local, "headers", {}).items()}
        received = getattr(self._local, "received", time.time())
        value = headers.get("retry-after", "").strip()
        if value:
            if value.isdigit():
                return float(value)
            try:
                return parsedate_to_datetime(value).timestamp() - received
            except (TypeError, ValueError):
                pass
        reset = as_datetime(headers.get("x-ratelimit-reset"))
        if reset is not None:
            return reset.timestamp() - received
        return None


def new_session(memory: ResponseMemory) -> requests.Session:
    import requests

    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    session.hooks["response"].append(memory.hook)
    return session


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and everything that caused it, including urllib3's `reason`s."""
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for linked in (current.__cause__, current.__context__, getattr(current, "reason", None),
                       *current.args):
            if isinstance(linked, BaseException):
                pending.append(linked)


def network_error(exc: BaseException, *, secrets: tuple[str, ...] = ()) -> NetworkError:
    """Name the way the connection failed, without the library's long text."""
    import socket

    import requests

    causes = list(_chain(exc))
    if any(isinstance(c, (requests.Timeout, socket.timeout, TimeoutError)) for c in causes):
        return NetworkError(_("timed out"), timed_out=True, secrets=secrets)
    names = {type(c).__name__ for c in causes}
    if any(isinstance(c, socket.gaierror) for c in causes) or "NameResolutionError" in names:
        detail = _("host name not found")
    elif any(isinstance(c, ConnectionRefusedError) for c in causes):
        detail = _("connection refused")
    elif names & {"ProtocolError", "ChunkedEncodingError", "IncompleteRead",
                  "RemoteDisconnected", "ConnectionResetError"}:
        detail = _("connection dropped")
    elif any(isinstance(c, requests.exceptions.SSLError) for c in causes):
        detail = _("secure connection failed")
    else:
        detail = _("connection failed")
    return NetworkError(detail, secrets=secrets)


def _api_error_parts(exc: BaseException) -> tuple[int | None, str]:
    """Mastodon.py raises API errors as (text, status, reason, server message)."""
    args = exc.args
    status = args[1] if len(args) > 1 and isinstance(args[1], int) else None
    message = args[3] if len(args) > 3 and isinstance(args[3], str) else ""
    if not message and len(args) > 2 and isinstance(args[2], str):
        message = args[2]
    return status, message


def client_error(exc: BaseException, memory: ResponseMemory | None = None, *,
                 secrets: tuple[str, ...] = ()) -> ClientError:
    """Our error for any exception out of Mastodon.py or the HTTP stack."""
    from mastodon import errors as m

    wait = memory.retry_after() if memory is not None else None
    if isinstance(exc, m.MastodonRatelimitError):
        return RateLimitedError(wait, secrets=secrets)
    if isinstance(exc, m.MastodonNetworkError):
        return network_error(exc, secrets=secrets)
    if isinstance(exc, m.MastodonAPIError):
        status, message = _api_error_parts(exc)
        if status is None:  # a body that was not the JSON the API promises
            return ServerError(_("unreadable answer"), secrets=secrets)
        if status == 429:
            return RateLimitedError(wait, message, secrets=secrets)
        kind = _kind_for_status(status)
        return kind(message, status=status, secrets=secrets)
    if isinstance(exc, m.MastodonIllegalArgumentError):
        return ClientError(str(exc), secrets=secrets)
    import requests

    if isinstance(exc, (requests.RequestException, OSError)):
        return network_error(exc, secrets=secrets)
    # Code that read an error body as if it were the entity (create_app does):
    # the response itself says what went wrong.
    failure = memory.failure() if memory is not None else None
    if failure is not None:
        status, message = failure
        if status == 429:
            return RateLimitedError(wait, message, secrets=secrets)
        return _kind_for_status(status)(message, status=status, secrets=secrets)
    return ServerError(_("unexpected answer"), secrets=secrets)


def _kind_for_status(status: int) -> type[ClientError]:
    if status == 401:
        return AuthError
    if status in (404, 410):
        return NotFoundError
    if status >= 500:
        return ServerError
    if 400 <= status < 500:
        return RefusedError
    return ServerError


def error_message(body: Mapping[str, Any]) -> str:
    """The human text of an API or OAuth error body."""
    for key in ("error_description", "error"):
        value = body.get(key)
        if isinstance(value, str) and value:
            return value
    return ""
