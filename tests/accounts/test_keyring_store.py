"""The keyring store against a real Secret Service, and its refusals."""

from __future__ import annotations

from contextlib import closing

import pytest

from tests.accounts.secret_service import PrivateSecretService
from tootui.keyring_store import KeyringStore, KeyringUnavailable


def test_tokens_and_client_secrets_round_trip(secret_service: PrivateSecretService) -> None:
    store = KeyringStore()
    store.check_usable()
    store.set_token("alice@example.social", "tok-a")
    store.set_client_secret("https://example.social", "sec-1")
    again = KeyringStore()
    assert again.token("alice@example.social") == "tok-a"
    assert again.client_secret("https://example.social") == "sec-1"
    assert again.token("bob@example.social") is None
    assert again.delete_token("alice@example.social") is True
    assert again.delete_token("alice@example.social") is False
    assert again.token("alice@example.social") is None


@pytest.mark.parametrize(
    "backend",
    ["keyring.backends.fail.Keyring", "keyring.backends.null.Keyring",
     "keyring.backends.chainer.ChainerBackend"],
)
def test_backends_that_keep_nothing_are_unusable(
    backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", backend)
    with pytest.raises(KeyringUnavailable) as err:
        KeyringStore().check_usable()
    assert "\n" not in str(err.value)
    assert "Secret Service" in str(err.value)


def test_locked_collection_is_unusable(secret_service: PrivateSecretService) -> None:
    import secretstorage

    with closing(secretstorage.dbus_init()) as bus:
        secretstorage.get_default_collection(bus).lock()
    with pytest.raises(KeyringUnavailable) as err:
        KeyringStore().check_usable()
    assert "locked" in str(err.value)


def test_unreachable_secret_service_is_unusable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    with pytest.raises(KeyringUnavailable) as err:
        KeyringStore().check_usable()
    assert "\n" not in str(err.value)
