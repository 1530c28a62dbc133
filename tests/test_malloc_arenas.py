"""One malloc arena: threads started after `share_malloc_arenas` share the main one.

Counted in a fresh interpreter (the suite's own threads have arenas already),
by glibc's `malloc_stats`, which prints one "Arena N:" block per arena.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import ctypes, sys, threading
if sys.argv[1] == "share":
    from tootui.malloc_arenas import share_malloc_arenas
    assert share_malloc_arenas()
held = []
barrier = threading.Barrier(4)

def work():
    barrier.wait()  # the four threads are alive at once, each wanting an arena
    held.append([bytes(200) for _ in range(2000)])
    barrier.wait()

threads = [threading.Thread(target=work) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
ctypes.CDLL(None).malloc_stats()
"""


def _arenas(mode: str) -> int:
    done = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True,
                          text=True, timeout=60, check=True)
    return sum(line.startswith("Arena ") for line in done.stderr.splitlines())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc only")
def test_threads_share_one_arena_once_asked() -> None:
    assert _arenas("plain") > 1  # the probe does make glibc open more
    assert _arenas("share") == 1
