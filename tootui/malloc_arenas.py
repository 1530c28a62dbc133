"""One malloc arena for the whole process, where the C library is glibc.

glibc gives each new thread an arena of its own (up to eight per CPU), and each
arena keeps freed memory for reuse: with a dozen short-lived worker threads that
is about a megabyte held for nothing, since the GIL lets one thread allocate at
a time anyway. Threads started after `share_malloc_arenas` use the main arena.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

# mallopt's parameter number for the arena limit, from glibc's <malloc.h>.
M_ARENA_MAX = -8


def share_malloc_arenas() -> bool:
    """Limit glibc to one malloc arena; False where that is not glibc's to do."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
        # Only glibc has this symbol; musl and others keep their own allocator.
        libc.gnu_get_libc_version  # noqa: B018
    except (AttributeError, OSError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    done = bool(mallopt(M_ARENA_MAX, 1))
    if not done:
        log.debug("mallopt(M_ARENA_MAX) refused")
    return done
