"""A rendering stored as JSON reads back the same, and a tampered one is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tootui.client.convert import status_from_json
from tootui.render import render_status
from tootui.render.status import RenderedStatus
from tootui.render.stored import rendered_from_json, rendered_to_json

REAL = Path(__file__).parents[1] / "fixtures" / "real" / "statuses"


def _same(a: RenderedStatus, b: RenderedStatus) -> None:
    for name in ("header", "boosted_by", "reply_to", "spoiler", "body"):
        x, y = getattr(a, name), getattr(b, name)
        assert (x is None) == (y is None)
        if x is not None:
            assert x.plain == y.plain
            assert [(s.start, s.end, str(s.style)) for s in x.spans] == \
                   [(s.start, s.end, str(s.style)) for s in y.spans]
    assert [t.plain for t in a.extras] == [t.plain for t in b.extras]
    assert a.links == b.links and a.created_at == b.created_at


@pytest.mark.parametrize("path", sorted(REAL.glob("*.json")), ids=lambda p: p.stem)
def test_round_trip(path: Path) -> None:
    data = json.loads(path.read_text("utf-8"))
    for item in data if isinstance(data, list) else [data]:
        if isinstance(item, dict):
            rendered = render_status(status_from_json(item))
            again = rendered_from_json(json.loads(json.dumps(rendered_to_json(rendered))))
            assert again is not None
            _same(rendered, again)


@pytest.fixture
def stored() -> dict:
    item = json.loads((REAL / "local-hashtag.json").read_text("utf-8"))
    return rendered_to_json(render_status(status_from_json(item)))


@pytest.mark.parametrize("tamper", [
    lambda d: d["body"].__setitem__("t", "evil \x1b]52;c;aGk=\x07 text"),
    lambda d: d["body"]["p"].append([0, 1, "link javascript:alert(1)"]),
    lambda d: d["body"]["p"].append([0, 1, "not a style at all ("]),
    lambda d: d.pop("header"),
])
def test_tampered_rendering_is_refused(stored: dict, tamper) -> None:  # type: ignore[no-untyped-def]
    tamper(stored)
    assert rendered_from_json(stored) is None


def test_a_tampered_link_target_is_dropped(stored: dict) -> None:
    stored["links"] = [["https://x.test/\x1b[2J", "link", "x"], ["https://ok.test/", "link", "ok"]]
    result = rendered_from_json(stored)
    assert result is not None and [t.url for t in result.links] == ["https://ok.test/"]
