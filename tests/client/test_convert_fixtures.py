"""Every recorded real response converts, as plain JSON and as Mastodon.py parses it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import mastodon.return_types as mtypes
import pytest
from mastodon.types_base import try_cast_recurse

from tootui.client.convert import (
    account_from_json,
    context_from_json,
    instance_from_json,
    status_from_json,
)
from tootui.models import Status

# The recorded responses (copied from the workplace's shared folder into tests/fixtures).
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _status_objects() -> Iterator[tuple[str, dict[str, Any]]]:
    for path in sorted((REAL / "statuses").glob("*.json")):
        data = _load(path)
        for index, item in enumerate(data if isinstance(data, list) else [data]):
            yield f"{path.stem}[{index}]", item


def _statuses_in_notifications() -> Iterator[tuple[str, dict[str, Any]]]:
    for path in sorted((REAL / "notifications").glob("*.json")):
        data = _load(path)
        entries = data if isinstance(data, list) else [data]
        for entry in entries:
            if isinstance(entry, dict):
                for status in [entry.get("status"), *entry.get("statuses", [])]:
                    if isinstance(status, dict):
                        yield path.stem, status


STATUSES = list(_status_objects())
ACCOUNT_FILES = sorted((REAL / "accounts").glob("*.json"))
CONTEXT_FILES = sorted((REAL / "contexts").glob("*.json"))
INSTANCE_FILES = sorted((REAL / "instance").glob("*instance-v[12].json"))


def test_fixtures_are_there() -> None:
    # Guards the parametrised tests below against silently testing nothing.
    assert len(STATUSES) >= 40
    assert ACCOUNT_FILES and CONTEXT_FILES and len(INSTANCE_FILES) >= 8


def _check_status(status: Status, raw: dict[str, Any]) -> None:
    assert isinstance(status.id, str) and status.id == str(raw["id"])
    assert isinstance(status.account.id, str) and status.account.acct
    assert status.created_at is not None and status.created_at.tzinfo is not None
    for child in (status.in_reply_to_id, status.in_reply_to_account_id):
        assert child is None or isinstance(child, str)
    if isinstance(raw.get("reblog"), dict):
        assert status.reblog is not None and status.original is status.reblog


@pytest.mark.parametrize(("name", "raw"), STATUSES, ids=[n for n, _ in STATUSES])
def test_status_fixture_converts_the_same_from_json_and_mastodon_py(
    name: str, raw: dict[str, Any]
) -> None:
    plain = status_from_json(raw)
    _check_status(plain, raw)
    parsed = try_cast_recurse(mtypes.Status, json.loads(json.dumps(raw)))
    assert status_from_json(parsed) == plain


def test_statuses_inside_notifications_convert() -> None:
    found = list(_statuses_in_notifications())
    assert found
    for _name, raw in found:
        _check_status(status_from_json(raw), raw)


@pytest.mark.parametrize("path", ACCOUNT_FILES, ids=lambda p: p.stem)
def test_account_fixture(path: Path) -> None:
    raw = _load(path)
    account = account_from_json(raw)
    assert account.id == str(raw["id"]) and account.acct == raw["acct"]
    assert account.name
    assert account_from_json(try_cast_recurse(mtypes.Account, raw)) == account


@pytest.mark.parametrize("path", CONTEXT_FILES, ids=lambda p: p.stem)
def test_context_fixture(path: Path) -> None:
    raw = _load(path)
    context = context_from_json(raw)
    assert [s.id for s in context.ancestors] == [str(s["id"]) for s in raw["ancestors"]]
    assert [s.id for s in context.descendants] == [str(s["id"]) for s in raw["descendants"]]
    assert context_from_json(try_cast_recurse(mtypes.Context, raw)) == context


@pytest.mark.parametrize("path", INSTANCE_FILES, ids=lambda p: p.stem)
def test_instance_fixture(path: Path) -> None:
    raw = _load(path)
    info = instance_from_json(raw)
    assert info.domain and "://" not in info.domain and "/" not in info.domain
    assert info.max_characters >= 500
    assert info.version == raw["version"]
    kind = mtypes.InstanceV2 if "v2" in path.stem else mtypes.Instance
    assert instance_from_json(try_cast_recurse(kind, raw)) == info


def test_specific_fixture_facts() -> None:
    by_name = dict(STATUSES)
    boost = status_from_json(by_name["local-reblog-wrapper[0]"])
    assert boost.content_html == "" and boost.reblog is not None
    assert boost.original.id == "117020586019094258"

    deleted = status_from_json(by_name["local-deleted-with-text[0]"])
    assert deleted.content_html.startswith("<p>") and deleted.content_html.endswith("</p>")

    akkoma = status_from_json(by_name["tootsdk-akkoma-quote[0]"])
    assert akkoma.id == "Al30Y6dIQNzsEKhR5s"
    assert akkoma.quote is not None and akkoma.quote.id == "Al2KABLN3tuRoeE0A4"

    quote = status_from_json(by_name["local-quote-accepted[0]"])
    assert quote.quote_state == "accepted"
    assert quote.quote is not None and quote.quote.id == "117020582917124092"
    # A quote of a quote arrives shallow (by id): nothing more to follow.
    nested = status_from_json(by_name["ms-quote-bridged-nested-shallow[0]"]).quote
    assert nested is not None and nested.quote_state == "accepted" and nested.quote is None

    # mastodon.social relays remote timestamps without fractional seconds.
    remote = status_from_json(by_name["ms-filtered-keyword-warn[0]"])
    assert remote.created_at == datetime(2023, 5, 28, 19, 38, 29, tzinfo=UTC)

    poll = status_from_json(by_name["ms-remote-poll-multiple-expired-voted-emoji[0]"]).poll
    assert poll is not None and poll.multiple and poll.expired and len(poll.options) == 4

    card = status_from_json(by_name["ms-card-video-soundcloud-ellipsis[0]"]).card
    assert card is not None and card.type == "video"


def test_instance_limits_from_each_server_family() -> None:
    pleroma_v1 = instance_from_json(_load(REAL / "instance" / "pleroma-instance-v1.json"))
    assert pleroma_v1.domain == "instance5.example" and pleroma_v1.max_characters == 5000
    gts = instance_from_json(_load(REAL / "instance" / "gotosocial-instance-v2.json"))
    assert (gts.max_media_attachments, gts.characters_reserved_per_url) == (6, 25)
    ms = instance_from_json(_load(REAL / "instance" / "ms-instance-v2.json"))
    assert ms.streaming_url == "wss://streaming.mastodon.social"
