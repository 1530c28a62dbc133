"""`tootui --demo`: the app over the cache at once; the embedded instance behind it.

The first paint comes from the demo profile's cache: the instance is only
started, and logged in to, when the first request needs it (in a worker), so
a warm start shows the timeline before the server process even exists.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from tootui import paths

if TYPE_CHECKING:
    from tootui.client.api import MastodonClient
    from tootui.demo.launcher import DemoProcess

DEMO_PROFILE = "demo"


class DemoConnection:
    """Starts the demo instance and logs in on first use; `stop()` ends it."""

    def __init__(self, args: argparse.Namespace) -> None:
        self._args = args
        self._server: DemoProcess | None = None
        self._lock = threading.Lock()

    def connect(self) -> MastodonClient:
        from tootui.app_log import redact
        from tootui.client.api import MastodonClient
        from tootui.client.errors import NetworkError
        from tootui.client.oauth import demo_login
        from tootui.demo.launcher import DemoStartError, start_demo_subprocess

        args = self._args
        with self._lock:
            if self._server is None:
                seed = Path(args.demo_seed) if args.demo_seed else None
                try:
                    self._server = start_demo_subprocess(
                        paths.demo_data_dir(), reset=args.reset, size=args.demo_size,
                        seed_file=seed, faults=args.demo_faults)
                except DemoStartError as exc:
                    raise NetworkError(str(exc)) from exc
            url = self._server.url
        # The demo token lives in memory only: never the keyring, never a file.
        token = demo_login(url)
        redact(token)
        return MastodonClient(url, token)

    def stop(self) -> None:
        with self._lock:
            if self._server is not None:
                self._server.stop()
                self._server = None


def run_demo(args: argparse.Namespace) -> int:
    from tootui.app_log import start_file_log
    from tootui.client.cache import Cache
    from tootui.client.cached import CachedClient
    from tootui.config import ConfigError, load
    from tootui.drafts import DraftStore
    from tootui.outbox import Outbox
    from tootui.ui.app import create_app

    if args.demo_seed:
        # The instance starts lazily, inside the app: a bad file is reported
        # here, on one line, before the screen takes over the terminal.
        from tootui.demo.seed_file import SeedFileError, check_seed_file

        try:
            check_seed_file(Path(args.demo_seed))
        except SeedFileError as exc:
            print(f"tootui: {exc}", file=sys.stderr)
            return 2
    try:
        # Read before the screen takes over, as `tootui` does: a broken file is one
        # line naming it and the key, not a demo quietly started with defaults.
        config = load()
    except ConfigError as exc:
        print(" ".join(str(exc).split()), file=sys.stderr)
        return 1
    start_file_log()
    cache = Cache.for_profile(DEMO_PROFILE, max_bytes=config.cache_max_mb * 1024 * 1024)
    if args.reset:
        cache.clear()  # the instance starts afresh: what the cache holds is gone
    connection = DemoConnection(args)
    client = CachedClient(cache, connection.connect)
    try:
        app = create_app(client, account_label="demo@localhost",
                         drafts=DraftStore.for_profile(DEMO_PROFILE),
                         outbox=Outbox.for_profile(DEMO_PROFILE))
        app.run()
        return app.return_code or 0
    finally:
        client.close()
        connection.stop()
