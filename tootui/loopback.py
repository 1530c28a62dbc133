"""The loopback redirect listener of the OAuth login (RFC 8252 §7.3).

Listens on 127.0.0.1 on a free port for the one request the browser makes
after the user approves tootui, checks its `state`, and stops listening.
"""

from __future__ import annotations

import html
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from tootui.client.errors import AuthError
from tootui.client.oauth import code_from_redirect, new_state
from tootui.i18n import _

CALLBACK_PATH = "/callback"


class LoopbackError(Exception):
    """The redirect did not bring a usable code; `str()` is one line."""


@dataclass(frozen=True)
class _Outcome:
    code: str | None
    error: str | None


class LoopbackListener:
    """A one-shot HTTP listener for the OAuth redirect; use as a context manager."""

    def __init__(self, state: str | None = None) -> None:
        self.state = state or new_state()
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._claimed = False
        self._closing = threading.Lock()
        self.cancelled = False
        self._outcome = _Outcome(None, None)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            # A short poll: `close` (and so `cancel`, from the UI) waits at most this long.
            target=self._server.serve_forever, args=(0.05,), name="tootui-oauth-loopback",
            daemon=True,
        )

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{CALLBACK_PATH}"

    def __enter__(self) -> LoopbackListener:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop listening (idempotent, from any thread)."""
        with self._closing:
            if self._thread.is_alive():
                self._server.shutdown()
                self._thread.join()
            self._server.server_close()

    def cancel(self) -> bool:
        """Stop waiting: `wait_for_code` raises at once. False if the browser came first."""
        cancelled = self._claim(_Outcome(None, _("The login was cancelled.")))
        self.cancelled = self.cancelled or cancelled
        self._done.set()
        self.close()
        return cancelled

    def wait_for_code(self, timeout: float | None = None) -> str:
        """Block until the redirect arrives; return the code, or raise `LoopbackError`."""
        if not self._done.wait(timeout):
            raise LoopbackError(_("No answer from the browser in time: try again."))
        self.close()
        if self._outcome.code is None:
            raise LoopbackError(self._outcome.error or _("The login was not completed."))
        return self._outcome.code

    def _claim(self, outcome: _Outcome) -> bool:
        """Record the first callback only; later ones are turned away."""
        with self._lock:
            if self._claimed:
                return False
            self._claimed = True
            self._outcome = outcome
            return True

    def _judge(self, path: str) -> _Outcome:
        try:
            # The client's check: the state must match, the server may have refused.
            return _Outcome(code_from_redirect(self.redirect_uri + path, state=self.state), None)
        except AuthError as exc:
            return _Outcome(None, str(exc))

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                url = urlsplit(self.path)
                if url.path != CALLBACK_PATH:
                    self._reply(404, _("Not found."))
                    return
                outcome = listener._judge("?" + url.query)
                if not listener._claim(outcome):
                    self._reply(409, _("This login was already answered."))
                    return
                try:
                    if outcome.code is not None:
                        self._reply(200, _("tootui is logged in: you can close this tab and "
                                           "go back to the terminal."))
                    else:
                        self._reply(400, outcome.error or "")
                finally:
                    # Set only once the page is sent, so closing can't cut it off.
                    listener._done.set()

            def _reply(self, status: int, text: str) -> None:
                body = (
                    "<!doctype html><meta charset=utf-8><title>tootui</title>"
                    f"<p>{html.escape(text)}</p>"
                ).encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                # The request line holds the code: never print or log it.
                return

        return Handler
