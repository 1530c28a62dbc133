"""Fixtures for the account tests: a real private Secret Service, and config paths."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring.core
import pytest

from tests.accounts.secret_service import PrivateSecretService, environment_for


@pytest.fixture
def secret_service(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[PrivateSecretService]:
    """An unlocked gnome-keyring on a private session bus; the keyring uses it."""
    service = PrivateSecretService(isolated_home / "secret-service", environment_for(isolated_home))
    # Never skipped: a keyring test that can't get its daemon must fail, saying why.
    address = service.start()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
    try:
        yield service
    finally:
        service.stop()
        # keyring caches its backend per process: put back the suite's fail backend
        # rather than leave one bound to a bus that is gone.
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS")
        keyring.core.init_backend()
