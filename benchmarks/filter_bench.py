"""What server-side filters cost a status list: the verdict per status, per paint.

Usage: python benchmarks/filter_bench.py

`StatusLayout` asks `filtering.verdict` when a status is laid out and painted
(is it hidden, collapsed, its media blurred), so its cost is paid per visible
line and once per status when a timeline arrives. Prints microseconds per
verdict for statuses with no filter results, a few, and a boost of a filtered post.
"""

from __future__ import annotations

import time

from tootui.filtering import verdict
from tootui.models import Account, FilterResult, Status

AUTHOR = Account(id="1", username="a", acct="a")
WARN = FilterResult(title="AI", action="warn", context=("home", "thread"))
HIDE = FilterResult(title="squid", action="hide", context=("public",))
SHAPES = {
    "no filter results": Status(id="1", account=AUTHOR),
    "one warn": Status(id="2", account=AUTHOR, filtered=(WARN,)),
    "warn + hide elsewhere": Status(id="3", account=AUTHOR, filtered=(WARN, HIDE)),
    "boost of a warned post": Status(id="4", account=AUTHOR,
                                     reblog=Status(id="5", account=AUTHOR, filtered=(WARN,))),
}


def main() -> None:
    rounds = 100_000
    for name, status in SHAPES.items():
        start = time.perf_counter()
        for _ in range(rounds):
            verdict(status, "home")
        per = (time.perf_counter() - start) / rounds * 1e6
        print(f"{name:26} {per:6.2f} µs per verdict")


if __name__ == "__main__":
    main()
