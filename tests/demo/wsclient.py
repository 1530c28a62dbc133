"""A minimal blocking WebSocket client (wsproto over a socket) for the tests."""

from __future__ import annotations

import json
import socket
from typing import Any
from urllib.parse import urlsplit

from wsproto import ConnectionType, WSConnection
from wsproto.events import (
    AcceptConnection,
    CloseConnection,
    Message,
    RejectConnection,
    Request,
    TextMessage,
)


class WsClient:
    """Connects, sends text, and yields the server's text messages."""

    def __init__(self, url: str, *, subprotocol: str | None = None, timeout: float = 10) -> None:
        parts = urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=timeout)
        self.ws = WSConnection(ConnectionType.CLIENT)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        self._send(
            Request(
                host=parts.netloc, target=target, subprotocols=[subprotocol] if subprotocol else []
            )
        )
        self.accepted: bool | None = None
        self.subprotocol: str | None = None
        self._pending: list[str] = []
        self._text = ""
        while self.accepted is None:
            self._pump()

    def _send(self, event: Any) -> None:
        self.sock.sendall(self.ws.send(event))

    def _pump(self) -> None:
        data = self.sock.recv(65536)
        self.ws.receive_data(data or None)
        for event in self.ws.events():
            if isinstance(event, AcceptConnection):
                self.accepted, self.subprotocol = True, event.subprotocol
            elif isinstance(event, RejectConnection):
                self.accepted = False
            elif isinstance(event, TextMessage):
                self._text += event.data
                if event.message_finished:
                    self._pending.append(self._text)
                    self._text = ""
            elif isinstance(event, CloseConnection):
                self._pending.append("")
        if not data and self.accepted is None:
            self.accepted = False

    def send_json(self, data: object) -> None:
        self._send(Message(data=json.dumps(data)))

    def receive_json(self) -> Any:
        while not self._pending:
            self._pump()
        text = self._pending.pop(0)
        return json.loads(text) if text else None

    def close(self) -> None:
        self.sock.close()
