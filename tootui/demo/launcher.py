"""Runs the demo instance as a child process for `tootui --demo`, and stops it."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from types import TracebackType

from tootui.demo.errors import DemoStartError
from tootui.i18n import _

__all__ = ["DemoProcess", "DemoStartError", "start_demo_subprocess"]

READY_PREFIX = "tootui-demo-ready"
_START_TIMEOUT_S = 60.0


class DemoProcess:
    """A running `python -m tootui.demo`; `.url` is its base URL."""

    def __init__(self, process: subprocess.Popen[str], url: str) -> None:
        self.process = process
        self.url = url

    def stop(self) -> None:
        """Ask the child to finish (closing its stdin), then make sure it has."""
        if self.process.poll() is not None:
            return
        try:
            if self.process.stdin is not None:
                self.process.stdin.close()
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> DemoProcess:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def start_demo_subprocess(
    data_dir: Path | str,
    *,
    reset: bool = False,
    size: int = 0,
    seed_file: Path | str | None = None,
    faults: str | None = None,
) -> DemoProcess:
    """Start the instance on a free port and wait for its ready line."""
    command = [sys.executable, "-m", "tootui.demo", "--data-dir", str(data_dir), "--watch-stdin"]
    if reset:
        command.append("--reset")
    if size:
        command += ["--demo-size", str(size)]
    if seed_file is not None:
        command += ["--demo-seed", str(seed_file)]
    if faults:
        command += ["--demo-faults", faults]
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert process.stdout is not None
    result: list[str] = []
    # readline blocks; a helper thread lets us give up after a timeout.
    reader = threading.Thread(target=lambda: result.append(process.stdout.readline()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    reader.join(_START_TIMEOUT_S)
    line = result[0].strip() if result else ""
    if not line.startswith(READY_PREFIX + " "):
        if process.poll() is None:
            process.kill()
        process.wait()
        error = (process.stderr.read() if process.stderr else "").strip().splitlines()
        detail = error[-1] if error else _("no output")
        raise DemoStartError(
            _("the demo instance did not start (exit code {code}): {detail}").format(
                code=process.returncode, detail=detail
            )
        )
    return DemoProcess(process, line.split(" ", 1)[1])
