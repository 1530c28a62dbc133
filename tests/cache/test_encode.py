"""Models written as API JSON read back equal, for every recorded real status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tootui.client.convert import (
    context_from_json,
    instance_from_json,
    status_from_json,
)
from tootui.client.encode import context_to_json, instance_to_json, status_to_json

REAL = Path(__file__).parents[1] / "fixtures" / "real"


def _statuses() -> list[Path]:
    return sorted((REAL / "statuses").glob("*.json"))


def _load(path: Path) -> object:
    return json.loads(path.read_text("utf-8"))


@pytest.mark.parametrize("path", _statuses(), ids=lambda p: p.stem)
def test_status_round_trip(path: Path) -> None:
    data = _load(path)
    items = data if isinstance(data, list) else [data]
    assert items
    for item in items:
        if not isinstance(item, dict):
            continue
        status = status_from_json(item)
        again = status_from_json(json.loads(json.dumps(status_to_json(status))))
        assert again == status


@pytest.mark.parametrize("path", sorted((REAL / "contexts").glob("*.json")),
                         ids=lambda p: p.stem)
def test_context_round_trip(path: Path) -> None:
    context = context_from_json(_load(path))  # type: ignore[arg-type]
    assert context_from_json(json.loads(json.dumps(context_to_json(context)))) == context


@pytest.mark.parametrize("path", sorted((REAL / "instance").glob("*-instance-v*.json")),
                         ids=lambda p: p.stem)
def test_instance_round_trip(path: Path) -> None:
    info = instance_from_json(_load(path))  # type: ignore[arg-type]
    assert instance_from_json(json.loads(json.dumps(instance_to_json(info)))) == info
