import socket

import pytest

from tests.conftest import NetworkGuardError


def test_connection_to_non_loopback_is_refused() -> None:
    with pytest.raises(NetworkGuardError), socket.socket() as s:
        s.connect(("192.0.2.1", 80))


def test_name_lookup_of_remote_host_is_refused() -> None:
    with pytest.raises(NetworkGuardError):
        socket.getaddrinfo("example.org", 443)


def test_loopback_is_allowed() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.socket() as client:
            client.connect(server.getsockname())
