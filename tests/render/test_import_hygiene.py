"""The renderer is pure: importing it pulls in neither Textual nor Mastodon.py."""

from __future__ import annotations

import subprocess
import sys


def test_render_imports_neither_textual_nor_mastodon() -> None:
    code = (
        "import sys\n"
        "import tootui.render, tootui.render.status, tootui.render.wrap\n"
        "print(','.join(m for m in ('textual', 'mastodon') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
