"""Cache tests use real SQLite files in a temporary directory and real statuses."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tootui.client.cache import Cache
from tootui.client.convert import status_from_json
from tootui.models import Status

REAL = Path(__file__).parents[1] / "fixtures" / "real" / "statuses"


@pytest.fixture(scope="session")
def base_status() -> Status:
    return status_from_json(json.loads((REAL / "local-hashtag.json").read_text("utf-8")))


@pytest.fixture(scope="session")
def boost_status() -> Status:
    for path in sorted(REAL.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and item.get("reblog"):
                return status_from_json(item)
    raise AssertionError("no boost among the recorded statuses")


def make(base: Status, number: int, text: str = "") -> Status:
    """A status numbered `number`: higher numbers are newer (Mastodon id order)."""
    return replace(base, id=str(100000 + number), uri=f"https://example.test/s/{number}",
                   content_html=f"<p>{text or 'post'} {number}</p>",
                   created_at=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=number))


@pytest.fixture
def cache(tmp_path: Path) -> Cache:
    opened = Cache(tmp_path / "profile.sqlite3")
    yield opened  # type: ignore[misc]
    opened.close()
