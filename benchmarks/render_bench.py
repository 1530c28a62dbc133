"""Render 10,000 varied statuses and print how many per second.

Usage: python benchmarks/render_bench.py [--count N]

The statuses are the real recorded ones in tests/fixtures/real (when that
folder is there) and the demo's sample posts, each copied under fresh ids so
every one is a cache miss. A second pass over the same statuses shows what the
per-status cache saves; a third edits every tenth status (a new `edited_at`),
which must render it again.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tootui.client.convert import status_from_json
from tootui.demo.formatting import BASE, format_text
from tootui.models import Status
from tootui.render import render_status
from tootui.render.status import CACHE_SIZE, clear_cache

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "fixtures" / "real"
SAMPLE = ROOT / "tootui" / "demo" / "data" / "sample.json"


def _statuses_in(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if "account" in value and "id" in value and "content" in value:
            yield value
        for child in value.values():
            yield from _statuses_in(child)
    elif isinstance(value, list):
        for child in value:
            yield from _statuses_in(child)


def _fixture_statuses() -> list[Status]:
    found: list[Status] = []
    for path in sorted(REAL.rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found.extend(status_from_json(item) for item in _statuses_in(data))
    return found


def _sample_statuses() -> list[Status]:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    users = {a["username"] for a in data["authors"]}
    statuses = []
    for n, post in enumerate(data["statuses"]):
        content = format_text(post["text"], users.__contains__).html
        statuses.append(
            status_from_json(
                {
                    "id": str(n),
                    "uri": f"https://demo.example/statuses/{n}",
                    "account": {"id": post["author"], "username": post["author"],
                                "acct": post["author"]},
                    "content": content.replace(BASE, "https://demo.example"),
                }
            )
        )
    return statuses


def varied(count: int) -> list[Status]:
    """`count` statuses cycling through the sources, each with its own id and uri."""
    sources = _fixture_statuses() + _sample_statuses()
    out = []
    for n in range(count):
        base = sources[n % len(sources)]
        out.append(dataclasses.replace(base, id=f"bench-{n}", uri=f"https://bench.example/{n}"))
    return out


def _edited(status: Status, when: datetime) -> Status:
    """`status` as after an edit; for a boost, the boosted post is what changes."""
    if status.reblog is not None:
        original = dataclasses.replace(status.reblog, edited_at=when)
        return dataclasses.replace(status, reblog=original)
    return dataclasses.replace(status, edited_at=when)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    statuses = varied(args.count)
    clear_cache()
    start = time.perf_counter()
    for status in statuses:
        render_status(status, local_domain="mastodon.social")
    cold = time.perf_counter() - start
    start = time.perf_counter()
    for status in statuses:
        render_status(status, local_domain="mastodon.social")
    warm = time.perf_counter() - start
    # An edit (a new edited_at) is the one change that renders a status again.
    edited_at = datetime(2026, 8, 1, 12, 0, tzinfo=UTC)
    originals = statuses[::10]
    edits = [_edited(s, edited_at) for s in originals]
    start = time.perf_counter()
    renders = [render_status(s, local_domain="mastodon.social") for s in edits]
    edit = time.perf_counter() - start
    rerendered = sum(
        new is not render_status(old, local_domain="mastodon.social")
        for new, old in zip(renders, originals, strict=True)
    )
    print(f"statuses: {len(statuses)} (cache holds {CACHE_SIZE})")
    print(f"first render: {len(statuses) / cold:,.0f} statuses/s ({cold:.2f} s)")
    print(f"cached:       {len(statuses) / warm:,.0f} statuses/s ({warm:.3f} s)")
    print(f"edited:       {rerendered} of {len(edits)} rendered again ({edit:.2f} s)")
    print(f"cpu count: {os.cpu_count()}")


if __name__ == "__main__":
    main()
