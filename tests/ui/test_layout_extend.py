"""`StatusLayout.extend` (an older page) places statuses as inserting them one by one does."""

from __future__ import annotations

from typing import Any

from tootui.client.convert import status_from_json
from tootui.ui.status_layout import StatusLayout


def _statuses(sample: dict[str, Any]) -> list:
    return [status_from_json({"id": str(100 + n), "content": f"<p>{post['text']}</p>",
                              "account": {"id": "1", "username": post["author"]}})
            for n, post in enumerate(sample["statuses"])]


def test_extend_matches_inserts(sample: dict[str, Any]) -> None:
    statuses = _statuses(sample)
    bulk, single = StatusLayout(collapse_after=12), StatusLayout(collapse_after=12)
    for layout in (bulk, single):
        layout.resize(40)
        layout.set(statuses[:3])
    bulk.extend(statuses[3:])
    for status in statuses[3:]:
        single.insert(len(single), status, 0)
    assert bulk.statuses == single.statuses and list(bulk.depths) == list(single.depths)
    assert [bulk.offset(i) for i in range(len(bulk))] == [
        single.offset(i) for i in range(len(single))]
    assert bulk.total == single.total
    assert not any(bulk.is_measured(i) for i in range(3, len(bulk)))
