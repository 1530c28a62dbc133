"""The HTTP stack's unused optional imports stay out of the process (memory at 40 statuses),
and the URL pattern Mastodon.py compiles on import waits until it is used."""

from __future__ import annotations

import json
import subprocess
import sys

from tootui.demo.server import DemoServer

PROBE = """
import json, sys, warnings
import tootui.client
from tootui.client.api import MastodonClient
client = MastodonClient(sys.argv[1], sys.argv[2])
page = client.timeline("home", limit=5)
from tootui.render import render_status
render_status(page.items[0])
loaded = sorted(m for m in ("cryptography", "charset_normalizer", "chardet", "soupsieve")
                if m in sys.modules)
import mastodon.compat
import cryptography  # anyone else (SecretStorage) still gets it
import mastodon.utility
pattern = mastodon.utility.url_regex
compiled_before_use = type(pattern).__name__ == "Pattern"
found = [m.group(3) for m in pattern.finditer("read https://example.com/a?b=1 now")]
print(json.dumps({"loaded": loaded, "statuses": len(page.items),
                  "push_crypto": mastodon.compat.IMPL_HAS_CRYPTO,
                  "crypto_after": "cryptography" in sys.modules,
                  "url_pattern": [compiled_before_use, found]}))
"""


def test_mastodon_requests_and_bs4_work_without_their_optional_imports(tmp_path) -> None:
    with DemoServer(tmp_path / "demo") as server:
        token = server.create_token()
        done = subprocess.run([sys.executable, "-c", PROBE, server.url, token],
                              capture_output=True, text=True, timeout=120, check=True)
    figures = json.loads(done.stdout)
    assert figures == {"loaded": [], "statuses": 5, "push_crypto": False, "crypto_after": True,
                       # Mastodon.py's URL pattern is compiled on first use, and still works
                       "url_pattern": [False, ["https://example.com/a?b=1"]]}
    # requests and bs4 would warn on the terminal about what they miss
    assert done.stderr == ""
