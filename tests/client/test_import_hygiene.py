"""Importing the client costs nothing on the way to the first paint."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("mastodon", "requests", "urllib3", "dateutil", "textual")


def test_client_modules_import_without_mastodon_or_http_stack() -> None:
    code = (
        "import sys\n"
        "import tootui.client.api, tootui.client.pager, tootui.client.oauth\n"
        "import tootui.client.convert, tootui.client.errors\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
