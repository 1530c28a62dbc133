"""`python -m tootui.demo --data-dir D [--port N] [--reset]`: the instance as a child process.

Prints `tootui-demo-ready <url>` on stdout once listening, then serves until
stdin closes or the process is told to stop (SIGTERM / SIGINT).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from tootui.demo.faults import FaultSpecError
from tootui.demo.seed_file import SeedFileError
from tootui.demo.server import DemoServer, DemoStartError
from tootui.i18n import _

READY_PREFIX = "tootui-demo-ready"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tootui.demo")
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--reset", action="store_true")
    parser.add_argument("--demo-size", type=int, default=0)
    parser.add_argument("--demo-seed")
    parser.add_argument("--demo-faults")
    args = parser.parse_args(argv)
    try:
        server = DemoServer(
            args.data_dir,
            reset=args.reset,
            size=args.demo_size,
            seed_file=args.demo_seed,
            port=args.port,
            faults=args.demo_faults,
        ).start()
    except (DemoStartError, SeedFileError, FaultSpecError, OSError) as exc:
        print(_("demo instance: {error}").format(error=exc), file=sys.stderr)
        return 1
    stopped = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stopped.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    print(f"{READY_PREFIX} {server.url}", flush=True)
    # The parent closing our stdin (or dying) also ends the demo.
    watcher = threading.Thread(target=lambda: (sys.stdin.read(), stopped.set()), daemon=True)
    watcher.start()
    stopped.wait()
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
