"""`tootui --demo`: start the embedded instance, log in through OAuth, run the app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tootui import paths
from tootui.i18n import _


def run_demo(args: argparse.Namespace) -> int:
    from tootui.client.api import MastodonClient
    from tootui.client.errors import ClientError
    from tootui.client.oauth import demo_login
    from tootui.demo.launcher import DemoStartError, start_demo_subprocess

    seed = Path(args.demo_seed) if args.demo_seed else None
    try:
        server = start_demo_subprocess(
            paths.demo_data_dir(), reset=args.reset, size=args.demo_size, seed_file=seed,
            faults=args.demo_faults,
        )
    except DemoStartError as exc:
        print(_("tootui: the demo instance did not start: {error}").format(error=exc),
              file=sys.stderr)
        return 1
    try:
        try:
            # The demo token lives in memory only: never the keyring, never a file.
            token = demo_login(server.url)
        except ClientError as exc:
            print(_("tootui: demo login failed: {error}").format(error=exc), file=sys.stderr)
            return 1
        from tootui.ui.app import create_app

        client = MastodonClient(server.url, token)
        app = create_app(client, account_label="demo@" + server.url.split("//", 1)[-1])
        app.run()
        return app.return_code or 0
    finally:
        server.stop()
