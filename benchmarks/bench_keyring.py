"""A keyring backend for benchmark runs: the demo token from the environment, in memory.

tootui keeps tokens only in the OS keyring; a benchmark machine may have no
Secret Service, so the run selects this backend through keyring's own
`PYTHON_KEYRING_BACKEND=bench_keyring.EnvKeyring` (with `benchmarks/` on
`PYTHONPATH`). It never writes a file.
"""

from __future__ import annotations

import os

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

TOKEN_VARIABLE = "TOOTUI_BENCH_TOKEN"


class EnvKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self._secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        if username.startswith("token:") and (token := os.environ.get(TOKEN_VARIABLE)):
            return self._secrets.get((service, username), token)
        return self._secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)
