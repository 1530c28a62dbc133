"""tootui with N statuses in its timeline, for the key latency and memory benchmarks.

Usage (with the environment `clients.tootui` makes):
    python benchmarks/loaded_app.py --fill N   # page N statuses from the server into the cache
    python benchmarks/loaded_app.py N          # the app, its timeline holding those N

tootui paints at most 200 statuses from the cache at start and asks the
server for the newest page; a reader holding 10,000 got there by reading.
This harness stands for that reader: it is the same app (`create_app`, the
profile, the cache, the network client on first request), except that the
cache hands the timeline its N newest statuses, and the refresh of the home
timeline answers from the cache too, so the N stay. Everything else (the
compose settings, threads, actions) goes to the server as usual.
"""

from __future__ import annotations

import sys

from tootui import config as config_mod
from tootui.client.cache import Cache
from tootui.client.cached import CachedClient
from tootui.config import Profile
from tootui.models import Page
from tootui.paths import profile_cache_file
from tootui.profiles import resolve
from tootui.sessions import _connect

NO_CAP = 1 << 40


class LoadedClient(CachedClient):
    """The cached client, its timeline `count` statuses long."""

    def __init__(self, cache: Cache, profile: Profile, count: int) -> None:
        # The token is read by the first request, as `tootui` does.
        super().__init__(cache, lambda: _connect(profile, None))
        self.count = count
        self._page: Page | None = None

    def cached_timeline(self, name: str = "home", *, limit: int = 200) -> Page | None:
        if self._page is None:
            self._page = super().cached_timeline(name, limit=self.count)
        return self._page

    def timeline(self, name: str = "home", *, max_id: str | None = None,
                 min_id: str | None = None, limit: int = 40) -> Page:
        if max_id is None and min_id is None and self._page is not None:
            return self._page  # the refresh: the same N, not read a second time
        return super().timeline(name, max_id=max_id, min_id=min_id, limit=limit)


def fill(profile: Profile, count: int) -> int:
    """Page the home timeline into the cache until it holds `count`; returns how many."""
    from tootui.client.pager import TimelinePager

    with CachedClient(Cache(profile_cache_file(profile.name), max_bytes=NO_CAP),
                      lambda: _connect(profile, None)) as client:
        pager = TimelinePager(client, "home")
        held = len(pager.first())
        while held < count and pager.has_older:
            held += len(pager.older())
    return held


def main(argv: list[str]) -> int:
    profile = resolve(config_mod.load(), None)
    if argv[0] == "--fill":
        print(fill(profile, int(argv[1])))
        return 0
    from tootui.ui.app import create_app

    cache = Cache(profile_cache_file(profile.name), max_bytes=NO_CAP)
    with LoadedClient(cache, profile, int(argv[0])) as client:
        app = create_app(client, account_label=profile.account,
                         local_domain=profile.account.rsplit("@", 1)[-1])
        app.run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
