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


def test_the_way_to_the_first_paint_imports_nothing_heavy() -> None:
    # What `tootui` imports before painting the cache: the keyring, Mastodon.py,
    # the HTTP stack and the HTML converter load later, in the first worker.
    code = (
        "import sys\n"
        "import tootui.cli, tootui.accounts_cli, tootui.profiles, tootui.ui.app\n"
        "import tootui.client.cached, tootui.render.stored\n"
        "heavy = ('mastodon', 'requests', 'urllib3', 'keyring', 'bs4', 'markdownify', 'uvicorn')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
