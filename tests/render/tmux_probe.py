"""Run inside a tmux pane: draw each sample and ask the terminal where the cursor went.

The cursor report (DSR, `ESC [ 6 n`) is answered through the pane's input in
order with what was drawn, so the column is the width tmux really gave the
sample. Usage: python tmux_probe.py SAMPLES_JSON RESULT_JSON.
"""

from __future__ import annotations

import json
import os
import re
import sys
import termios
import tty
from pathlib import Path

_REPORT = re.compile(rb"\x1b\[(\d+);(\d+)R")


def _column(fd: int) -> int:
    os.write(fd, b"\x1b[6n")
    answer = b""
    while not _REPORT.search(answer):
        answer += os.read(fd, 64)
    match = _REPORT.search(answer)
    assert match is not None
    return int(match.group(2)) - 1


def main() -> None:
    samples = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    fd = os.open("/dev/tty", os.O_RDWR)
    saved = termios.tcgetattr(fd)
    widths = []
    try:
        tty.setraw(fd)
        for sample in samples:
            os.write(fd, b"\r\x1b[2K")
            os.write(fd, sample.encode("utf-8"))
            widths.append(_column(fd))
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        json.dump(widths, out)


if __name__ == "__main__":
    main()
