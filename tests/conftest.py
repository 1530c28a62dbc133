"""Suite-wide guards: no network beyond loopback, no real HOME/config/keyring."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo
_LOCAL_NAMES = {"localhost", "127.0.0.1", "::1", "ip6-localhost"}


class NetworkGuardError(AssertionError):
    """A test tried to reach something other than this machine's loopback."""


def _check_address(address: object) -> None:
    if isinstance(address, (str, bytes)):  # AF_UNIX path: local by definition
        return
    if isinstance(address, tuple) and address:
        host = address[0]
        if isinstance(host, str):
            if host in _LOCAL_NAMES:
                return
            try:
                if ipaddress.ip_address(host.split("%")[0]).is_loopback:
                    return
            except ValueError:
                pass
    raise NetworkGuardError(f"network access outside 127.0.0.1 blocked: {address!r}")


def _guarded_connect(self: socket.socket, address: object) -> None:
    _check_address(address)
    return _real_connect(self, address)  # type: ignore[arg-type]


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    _check_address(address)
    return _real_connect_ex(self, address)  # type: ignore[arg-type]


def _guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> list:
    if isinstance(host, bytes):
        host = host.decode()
    if host is not None and isinstance(host, str):
        _check_address((host, 0))
    return _real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(autouse=True, scope="session")
def _network_guard() -> Iterator[None]:
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = _guarded_getaddrinfo  # type: ignore[assignment]
    try:
        yield
    finally:
        socket.socket.connect = _real_connect  # type: ignore[method-assign]
        socket.socket.connect_ex = _real_connect_ex  # type: ignore[method-assign]
        socket.getaddrinfo = _real_getaddrinfo


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own HOME and XDG dirs, and no usable keyring by default."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_RUNTIME_DIR", "run"),
    ):
        path = home / sub
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        monkeypatch.setenv(var, str(path))
    # The machine's own keyring is never read; tests that need one start a
    # private Secret Service (see the keyring fixtures).
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("BROWSER", "false")
    return home


from typing import TYPE_CHECKING  # noqa: E402

if TYPE_CHECKING:  # the demo server is imported only by the tests that use it
    from tootui.demo.server import DemoServer


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[DemoServer]:
    """A started embedded demo instance with a fresh sample, in this test's tmp dir."""
    from tootui.demo.server import DemoServer

    server = DemoServer(tmp_path / "demo").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def fast_server(tmp_path: Path) -> Iterator[DemoServer]:
    """A demo instance whose idle streams comment every 0.1 s, so that a short stall
    timeout means a dead link."""
    from tootui.demo.server import DemoServer

    server = DemoServer(tmp_path / "fast", heartbeat_s=0.1).start()
    try:
        yield server
    finally:
        server.stop()
