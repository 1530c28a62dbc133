"""Starting on a profile: the token is read by the first request, after the first paint.

So a missing token or keyring reaches the user as a `ClientError` the main
screen shows (over the cached timeline), saying what to do.
"""

from __future__ import annotations

import pytest

from tests.accounts.secret_service import PrivateSecretService
from tootui import config
from tootui.client.errors import AuthError
from tootui.sessions import Accounts

NAME = "me@x.social"


def _first_request() -> None:
    """What the app's first worker does with a session opened at a terminal."""
    session = Accounts().open(NAME, token_now=False)
    try:
        session.client.verify_credentials()
    finally:
        session.client.close()


def _save_profile() -> None:
    saved = config.Config()
    saved.profiles[NAME] = config.Profile(NAME, "https://x.social", NAME, "client-id")
    config.save(saved)


def test_no_keyring_is_an_error_the_screen_can_show() -> None:
    _save_profile()
    with pytest.raises(AuthError) as raised:
        _first_request()
    assert "keyring" in str(raised.value).lower()


def test_no_token_says_how_to_log_in_again(secret_service: PrivateSecretService) -> None:
    _save_profile()
    with pytest.raises(AuthError) as raised:
        _first_request()
    assert f"tootui login --profile {NAME}" in str(raised.value)
