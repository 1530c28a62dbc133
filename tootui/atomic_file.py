"""Writing a small JSON file so that a crash leaves the old or the new one, whole."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tootui.paths import ensure_private


def write_json(path: Path, data: Any) -> None:
    """Write `data` to a temporary file beside `path`, fsync it, rename it over `path`."""
    # The user's own words: 0700 dirs, and mkstemp makes the file 0600.
    ensure_private(path.parent)
    fd, temp = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(data, file, ensure_ascii=False)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def set_aside(path: Path) -> Path | None:
    """Move an unreadable `path` out of the way as `NAME.bad`, kept for the user to look
    at rather than overwritten; where it went (None if it could not be moved)."""
    aside = path.with_name(path.name + ".bad")
    try:
        path.replace(aside)
    except OSError:
        return None
    return aside
