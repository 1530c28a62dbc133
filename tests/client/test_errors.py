"""Error messages: one line, printable, token-free, and saying what to do."""

from __future__ import annotations

import pytest

from tootui.client.errors import (
    AuthError,
    ClientError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    RefusedError,
    ServerError,
    one_line,
)

TOKEN = "s3cr3t-T0KEN-abcdefghijklmnop"
HOSTILE = f"Validation failed:\x1b[31m red\x1b[0m\nsecond line\r\u202eevil\u0007 {TOKEN}\t end"


def test_one_line_strips_controls_bidi_and_secrets() -> None:
    cleaned = one_line(HOSTILE, secrets=[TOKEN])
    assert cleaned == "Validation failed: red second line evil … end"
    assert all(ch.isprintable() for ch in cleaned)


def test_one_line_shortens_long_text() -> None:
    cleaned = one_line("x" * 5000)
    assert len(cleaned) == 200 and cleaned.endswith("…")


@pytest.mark.parametrize(
    "error",
    [
        ClientError(HOSTILE, secrets=[TOKEN]),
        AuthError(HOSTILE, status=401, secrets=[TOKEN]),
        NotFoundError(HOSTILE, status=404, secrets=[TOKEN]),
        RefusedError(HOSTILE, status=422, secrets=[TOKEN]),
        RateLimitedError(12.4, HOSTILE, secrets=[TOKEN]),
        RateLimitedError(None, secrets=[TOKEN]),
        ServerError(HOSTILE, status=503, secrets=[TOKEN]),
        NetworkError(HOSTILE, timed_out=True, secrets=[TOKEN]),
        ClientError(""),
    ],
    ids=lambda e: type(e).__name__,
)
def test_every_message_is_one_clean_line(error: ClientError) -> None:
    text = str(error)
    assert text and "\n" not in text and "\r" not in text
    assert all(ch.isprintable() for ch in text)
    assert TOKEN not in text and TOKEN not in repr(error) and TOKEN not in str(error.args)
    assert text.rstrip().endswith(".")


def test_refused_keeps_the_servers_reason() -> None:
    error = RefusedError("Validation failed: Text can't be blank", status=422)
    assert "Validation failed: Text can't be blank" in str(error)
    assert error.status == 422 and not error.retryable


def test_rate_limit_says_how_long() -> None:
    assert "13 s" in str(RateLimitedError(12.6))
    assert RateLimitedError(-3).retry_after == 0.0
    assert RateLimitedError(1).retryable


def test_retryable_kinds() -> None:
    assert ServerError().retryable and NetworkError().retryable
    assert not AuthError().retryable and not NotFoundError().retryable
    kinds = (AuthError, NotFoundError, RefusedError, RateLimitedError, ServerError, NetworkError)
    assert all(issubclass(kind, ClientError) for kind in kinds)
