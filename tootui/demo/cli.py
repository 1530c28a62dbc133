"""`tootui demo-server`: the demo instance in the foreground, for other clients."""

from __future__ import annotations

import argparse
import sys
import threading

from tootui import paths
from tootui.demo.faults import FaultSpecError
from tootui.demo.seed_file import SeedFileError
from tootui.demo.server import DemoServer, DemoStartError
from tootui.i18n import _


def run_demo_server(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C, after printing the base URL and a demo user's token."""
    try:
        server = DemoServer(
            paths.ensure_private(paths.demo_data_dir()),
            reset=bool(getattr(args, "reset", False)),
            size=int(getattr(args, "demo_size", 0) or 0),
            seed_file=getattr(args, "demo_seed", None),
            port=int(getattr(args, "port", 0) or 0),
            faults=getattr(args, "demo_faults", None),
            sample_notifications=True,
        ).start()
    except (DemoStartError, SeedFileError, FaultSpecError, OSError) as exc:
        print(_("demo instance: {error}").format(error=exc), file=sys.stderr)
        return 1
    # The token is printed for the person at the terminal on purpose: this
    # command exists to hand other clients a ready login. It is never logged.
    print(_("Demo instance: {url}").format(url=server.url))
    print(_("Access token for @demo: {token}").format(token=server.create_token()))
    print(_("Press Ctrl-C to stop."), flush=True)
    stopped = threading.Event()
    try:
        stopped.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0
