"""`python -m tootui.demo --data-dir D [--port N] [--reset]`: the instance as a child process.

Prints `tootui-demo-ready <url>` on stdout once listening, then serves until
told to stop (SIGTERM / SIGINT) or, with `--watch-stdin` (as the launcher
runs it), until its stdin closes.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from tootui.demo.faults import FaultSpecError
from tootui.demo.launcher import READY_PREFIX
from tootui.demo.seed_file import SeedFileError
from tootui.demo.server import DemoServer, DemoStartError
from tootui.i18n import _


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tootui.demo")
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--reset", action="store_true")
    parser.add_argument("--demo-size", type=int, default=0)
    parser.add_argument("--demo-seed")
    parser.add_argument("--demo-faults")
    # The demo user's day of notifications (on for `tootui --demo`).
    parser.add_argument("--no-sample-notifications", dest="sample_notifications",
                        action="store_false")
    parser.add_argument("--watch-stdin", action="store_true")
    args = parser.parse_args(argv)
    try:
        server = DemoServer(
            args.data_dir,
            reset=args.reset,
            size=args.demo_size,
            seed_file=args.demo_seed,
            port=args.port,
            faults=args.demo_faults,
            sample_notifications=args.sample_notifications,
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

    def wait_for_stdin_eof() -> None:
        # Read and drop whatever comes, so nothing piles up in memory.
        while sys.stdin.buffer.read(4096):
            pass
        stopped.set()

    if args.watch_stdin and sys.stdin is not None:
        # The parent closing our stdin (or dying) ends the demo too.
        threading.Thread(target=wait_for_stdin_eof, daemon=True).start()
    stopped.wait()
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
