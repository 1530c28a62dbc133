"""The log file under the user state dir, with secrets cut out of every line.

The status bar shows one line per error; the details go here. Every record
passes a filter that removes the secrets registered with `redact` (the access
token in use) and anything shaped like a bearer token or an OAuth parameter,
so a log can be attached to a bug report as it is.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import threading
from io import TextIOWrapper
from pathlib import Path

_secrets: set[str] = set()
_lock = threading.Lock()
_PATTERNS = re.compile(
    r"(?i)(bearer\s+|(?:access_token|client_secret|code|refresh_token)[=:]\s*\"?)[^\s\"&,;]+")
_MAX_BYTES = 1_000_000


def redact(secret: str) -> None:
    """Never write `secret` to the log from now on."""
    if secret:
        with _lock:
            _secrets.add(secret)


def scrub(text: str) -> str:
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, "[redacted]")
    return _PATTERNS.sub(r"\1[redacted]", text)


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file, the rotated ones included, is 0600."""

    def _open(self) -> TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


class RedactingFormatter(logging.Formatter):
    """Formats as usual, tracebacks included, then removes the secrets."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def start_file_log(path: Path | None = None, level: int = logging.INFO) -> Path:
    """Send tootui's log records to `path` (default: the state dir's log file)."""
    if path is None:
        from tootui import paths

        path = paths.log_file()
    from tootui.paths import ensure_private

    ensure_private(path.parent)
    handler = PrivateLogHandler(path, maxBytes=_MAX_BYTES, backupCount=1, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("tootui")
    for old in [h for h in logger.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        logger.removeHandler(old)
        old.close()
    logger.addHandler(handler)
    logger.setLevel(level)
    # Records stay in the file: the terminal belongs to the UI.
    logger.propagate = False
    return path
