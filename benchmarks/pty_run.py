"""Run a program on a pseudo-terminal and timestamp every byte it writes.

Shared by the benchmarks: what a person sees is what reaches the terminal, so
times are taken where the bytes arrive, not inside the program. A reader
thread stamps each chunk the pty gives with `time.perf_counter()`; escape
sequences are stripped before looking for text, so a marker is found however
the program styles it.

Definitions used by every benchmark:
- start time: just before `subprocess.Popen` (the process does not exist yet);
- "TEXT on screen": the first chunk after which the stripped output contains TEXT;
- key latency: from the `write()` of the key to the last byte of the burst of
  output that follows it, a burst ending at the first silence of `QUIET_S`
  (the silence itself is not counted).
"""

from __future__ import annotations

import fcntl
import os
import re
import signal
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

COLUMNS, LINES = 120, 40
QUIET_S = 0.05
_ESCAPE = re.compile(
    rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|P[^\x1b]*\x1b\\|[@-Z\\-_])")


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def visible(data: bytes) -> str:
    """The text in `data`, without escape sequences or line breaks."""
    text = _ESCAPE.sub(b"", data).decode("utf-8", "replace")
    return text.replace("\r", "").replace("\n", "")


@dataclass
class Chunk:
    at: float
    data: bytes


@dataclass
class PtyProcess:
    """A child on a pty; `chunks` grows as it writes."""

    process: subprocess.Popen[bytes]
    master: int
    started: float
    wall_offset: float  # time.time() - time.perf_counter(), to compare with other processes
    chunks: list[Chunk] = field(default_factory=list)
    _changed: threading.Condition = field(default_factory=threading.Condition)
    _text: str = ""
    _seen: int = 0

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                data = b""
            now = time.perf_counter()
            with self._changed:
                if data:
                    self.chunks.append(Chunk(now, data))
                else:
                    self.chunks.append(Chunk(now, b""))  # end of output
                self._changed.notify_all()
            if not data:
                return

    @property
    def ended(self) -> bool:
        return bool(self.chunks) and self.chunks[-1].data == b""

    def wait_for_text(self, text: str, timeout: float = 60.0) -> float | None:
        """Seconds from the start until `text` was on screen; None if it never was."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                while self._seen < len(self.chunks):
                    chunk = self.chunks[self._seen]
                    self._seen += 1
                    # Visible text is re-derived over a window: a marker can span chunks.
                    self._text = (self._text + visible(chunk.data))[-20000:]
                    if text in self._text:
                        return chunk.at - self.started
                if self.ended or time.monotonic() > deadline:
                    return None
                self._changed.wait(0.1)

    def settle(self, quiet: float = 0.3, timeout: float = 30.0) -> None:
        """Wait until the program has written nothing for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._changed:
                last = self.chunks[-1].at if self.chunks else self.started
            if time.perf_counter() - last >= quiet or self.ended:
                return
            time.sleep(quiet / 3)

    def press(self, key: bytes, *, quiet: float = QUIET_S,
              timeout: float = 5.0) -> tuple[float, float] | None:
        """Write `key`; (seconds to the first byte, to the burst's last byte), None if silent."""
        with self._changed:
            first = len(self.chunks)
            self._seen = first  # what came before the key is not looked at again
        sent = time.perf_counter()
        os.write(self.master, key)
        deadline = sent + timeout
        while True:
            time.sleep(quiet / 5)
            with self._changed:
                burst = self.chunks[first:]
            now = time.perf_counter()
            if burst and now - burst[-1].at >= quiet:
                return burst[0].at - sent, burst[-1].at - sent
            if not burst and now > deadline:
                return None

    def stop(self, quit_key: bytes | None = None, timeout: float = 10.0) -> int:
        """Quit (with `quit_key`, else SIGTERM); returns peak RSS in KiB from wait4."""
        # Never poll(): reaping the child there would lose its rusage.
        if quit_key is not None and not self.ended:
            os.write(self.master, quit_key)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status, usage = os.wait4(self.process.pid, os.WNOHANG)
            if pid:
                self.process.returncode = os.waitstatus_to_exitcode(status)
                os.close(self.master)
                return usage.ru_maxrss
            time.sleep(0.05)
        self.process.send_signal(signal.SIGKILL)
        _pid, _status, usage = os.wait4(self.process.pid, 0)
        self.process.returncode = -9
        os.close(self.master)
        return usage.ru_maxrss


def _take_terminal() -> None:
    # The pty becomes the child's controlling terminal, as in a terminal emulator.
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def spawn(argv: Sequence[str], env: dict[str, str], *, stderr: int | None = None) -> PtyProcess:
    """Start `argv` on a fresh COLUMNS x LINES pty, its output read as it comes.

    `stderr`: a file descriptor to send the child's stderr to instead of the pty.
    """
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    env = {**env, "TERM": "xterm-256color", "COLORTERM": "truecolor",
           "COLUMNS": str(COLUMNS), "LINES": str(LINES)}
    started = time.perf_counter()
    offset = time.time() - started
    process = subprocess.Popen(list(argv), stdin=slave, stdout=slave,
                               stderr=slave if stderr is None else stderr, env=env,
                               start_new_session=True, close_fds=True,
                               preexec_fn=_take_terminal)
    os.close(slave)
    run = PtyProcess(process, master, started, offset)
    threading.Thread(target=run._read, daemon=True).start()
    return run


def percentile(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def header(what: str) -> None:
    print(f"\n## {what}  (cpus: {cpu_count()}, pty {COLUMNS}x{LINES})", flush=True)
