"""Attachment files (the pictures `m` shows): fetched with a size limit, kept in memory.

Media often lives on another host than the instance (object storage, a CDN,
another server's files), so a download carries no access token: the token is
for the instance alone. Only http(s) URLs are fetched, at most `MAX_BYTES`, and
within `DEADLINE_S` however slowly a server trickles bytes.

Files are kept for the session in a small LRU (`MediaMemory`), not on disk:
the viewer shows a preview-sized picture, one at a time, so a repeat visit
(stepping back to an attachment) is what a cache saves, and memory does that
without a second store to bound, protect (0600) and clean.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from tootui.client import transport
from tootui.client.errors import ClientError, NetworkError
from tootui.i18n import N_, _

if TYPE_CHECKING:
    import requests

# Mastodon takes images up to 16 MB; its previews are far smaller.
MAX_BYTES = 16 * 1024 * 1024
# (connect, read between two chunks), and the whole download.
TIMEOUT = (5.0, 15.0)
DEADLINE_S = 30.0
MEMORY_BYTES = 48 * 1024 * 1024
_CHUNK = 64 * 1024


def download(session: requests.Session, url: str, *, max_bytes: int = MAX_BYTES,
             timeout: tuple[float, float] = TIMEOUT, deadline_s: float = DEADLINE_S) -> bytes:
    """The file at `url`; ClientError when it is refused, too big, slow or unreachable."""
    import requests

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise MediaRefused(_("its address is not a web link"))
    started = time.monotonic()
    try:
        with session.get(url, stream=True, timeout=timeout,
                         headers={"Accept": "image/*, */*;q=0.5"}) as response:
            if response.status_code >= 400:
                kind = transport._kind_for_status(response.status_code)
                raise kind(_("the server answered {code}")
                           .format(code=response.status_code),
                           status=response.status_code)
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise _too_big(max_bytes)
            received = bytearray()
            for chunk in response.iter_content(_CHUNK):
                received.extend(chunk)
                if len(received) > max_bytes:
                    raise _too_big(max_bytes)
                if time.monotonic() - started > deadline_s:
                    raise NetworkError(_("timed out"), timed_out=True)
            return bytes(received)
    except ClientError:
        raise
    except (requests.RequestException, OSError) as exc:
        raise transport.network_error(exc) from exc


class MediaRefused(ClientError):
    """A file tootui chose not to fetch, or to stop fetching."""

    _message = N_("The file was not downloaded: {detail}.")


def _too_big(max_bytes: int) -> ClientError:
    return MediaRefused(_("it is larger than {size} MB").format(size=max_bytes // (1024 * 1024)))


class MediaMemory:
    """Downloaded files by URL, least recently used dropped past `max_bytes`."""

    def __init__(self, max_bytes: int = MEMORY_BYTES) -> None:
        self.max_bytes = max_bytes
        self._files: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, url: str) -> bytes | None:
        with self._lock:
            data = self._files.get(url)
            if data is not None:
                self._files.move_to_end(url)
            return data

    def put(self, url: str, data: bytes) -> None:
        if len(data) > self.max_bytes:
            return
        with self._lock:
            old = self._files.pop(url, None)
            if old is not None:
                self._size -= len(old)
            self._files[url] = data
            self._size += len(data)
            while self._size > self.max_bytes:
                _url, dropped = self._files.popitem(last=False)
                self._size -= len(dropped)
