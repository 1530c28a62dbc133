"""What can go wrong talking to a server, as our own exceptions.

Every `str()` is one line a user can read in the status bar: what happened
and what to do about it. Text that came from the server (a 422's reason) is
untrusted: it is reduced to one line of printable characters, shortened, and
any secret the client knows (the access token) is cut out, so an error can be
shown or logged as it is. `retryable` tells the outbox whether trying again
later may help.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import ClassVar

from tootui.i18n import N_, _

_MAX_DETAIL = 200
# Whole terminal escape sequences (CSI, OSC, single-character ESC codes, and
# the 8-bit CSI), so no parameter debris is left behind when ESC is removed.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC
    r"|\x1b.?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)


def one_line(text: str, *, secrets: Iterable[str] = ()) -> str:
    """`text` as one short line of printable characters, with secrets removed."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "…")
    kept = []
    for char in _ESCAPES.sub("", text):
        category = unicodedata.category(char)
        if char.isspace() or category in ("Zl", "Zp"):
            kept.append(" ")
        elif not category.startswith("C"):  # control, format (bidi), private, unassigned
            kept.append(char)
    cleaned = " ".join("".join(kept).split())
    if len(cleaned) > _MAX_DETAIL:
        cleaned = cleaned[: _MAX_DETAIL - 1].rstrip() + "…"
    return cleaned


class ClientError(Exception):
    """A request failed; `str()` is a one-line, token-free message for the user."""

    retryable: ClassVar[bool] = False
    _message: ClassVar[str] = N_("The server gave an unexpected answer ({detail}); try again.")

    def __init__(self, detail: str = "", *, status: int | None = None,
                 secrets: Iterable[str] = ()) -> None:
        self.detail = one_line(detail, secrets=secrets)
        self.status = status
        super().__init__(self.detail)

    def __str__(self) -> str:
        detail = self.detail or (f"HTTP {self.status}" if self.status else _("no details"))
        return _(self._message).format(detail=detail, status=self.status or "")


class AuthError(ClientError):
    """401: the token is missing, expired or revoked."""

    _message = N_("The server no longer accepts this login ({detail}); log in again.")


class NotFoundError(ClientError):
    """404/410: deleted, or not visible to this account."""

    _message = N_("Not found on the server: it was deleted or is not visible to you.")


class RefusedError(ClientError):
    """The server understood and refused (422, also 400/403): its reason is in `detail`."""

    _message = N_("The server refused it: {detail}. Change it and try again.")


class RateLimitedError(ClientError):
    """429: too many requests; `retry_after` is the wait in seconds, when known."""

    retryable = True

    def __init__(self, retry_after: float | None = None, detail: str = "", *,
                 status: int | None = 429, secrets: Iterable[str] = ()) -> None:
        super().__init__(detail, status=status, secrets=secrets)
        self.retry_after = None if retry_after is None else max(0.0, retry_after)

    def __str__(self) -> str:
        if self.retry_after is None:
            return _("Too many requests to the server; wait a little and try again.")
        seconds = max(1, round(self.retry_after))
        return _("Too many requests to the server; try again in {seconds} s.").format(
            seconds=seconds
        )


class ServerError(ClientError):
    """5xx, or an answer that is not what the API promises."""

    retryable = True
    _message = N_("The server has a problem ({detail}); try again later.")


class NetworkError(ClientError):
    """No answer at all: unreachable, DNS failure, connection dropped, timed out."""

    retryable = True
    _message = N_("Could not reach the server ({detail}); check the connection.")

    def __init__(self, detail: str = "", *, timed_out: bool = False,
                 secrets: Iterable[str] = ()) -> None:
        super().__init__(detail, secrets=secrets)
        self.timed_out = timed_out
