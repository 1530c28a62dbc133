"""The outbox file: entries survive a restart, back off with a cap, honour Retry-After."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tootui.client.errors import NetworkError, RateLimitedError
from tootui.models import Draft, MediaDraft, PollDraft
from tootui.outbox import Outbox


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_entries_survive_a_restart(tmp_path: Path) -> None:
    clock = Clock()
    box = Outbox(tmp_path / "o.json", clock=clock)
    post = box.add_post(Draft(text="hello", visibility="unlisted"), "key-1")
    fav = box.add_action("favourite", "42")
    again = Outbox(tmp_path / "o.json", clock=clock).entries()
    assert again == [post, fav]
    assert again[0].draft == Draft(text="hello", visibility="unlisted")


def test_edits_and_rich_posts_survive_a_restart_whole(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "o.json", clock=Clock())
    rich = Draft(text="look", poll=PollDraft(("a", "b"), 600, multiple=True),
                 media=(MediaDraft("/tmp/cat.png", "a cat"),),
                 scheduled_at=datetime(2030, 1, 2, 3, 4, tzinfo=UTC), language="zh")
    post = box.add_post(rich, "key-2")
    change = box.add_edit(Draft(text="fixed", spoiler_text="cw", edit_id="77"))
    again = Outbox(tmp_path / "o.json", clock=Clock()).entries()
    assert again == [post, change]
    assert again[0].draft == rich
    assert (again[1].kind, again[1].status_id) == ("edit", "77")
    with pytest.raises(ValueError):
        box.add_edit(Draft(text="an edit of nothing"))


def test_backoff_doubles_up_to_the_cap(tmp_path: Path) -> None:
    clock = Clock()
    box = Outbox(tmp_path / "o.json", base_delay=2, max_delay=30, clock=clock)
    entry = box.add_post(Draft(text="x"), "k")
    assert box.due() == [] and box.next_due() == 2
    waits = []
    for _attempt in range(6):
        clock.now += 1000
        updated = box.retry_later(entry.id, NetworkError("down"))
        assert updated is not None
        waits.append(updated.next_try - clock.now)
    assert waits == [4, 8, 16, 30, 30, 30]


def test_retry_after_is_never_cut_short(tmp_path: Path) -> None:
    clock = Clock()
    box = Outbox(tmp_path / "o.json", base_delay=1, clock=clock)
    entry = box.add_post(Draft(text="x"), "k")
    box.retry_later(entry.id, RateLimitedError(retry_after=120))
    clock.now += 119
    assert box.due() == []
    clock.now += 1
    assert [e.id for e in box.due()] == [entry.id]


def test_a_pause_holds_everything_until_resumed(tmp_path: Path) -> None:
    clock = Clock()
    box = Outbox(tmp_path / "o.json", clock=clock)
    box.add_action("bookmark", "7")
    box.pause()
    clock.now += 10_000
    assert box.due() == [] and box.next_due() is None
    assert Outbox(tmp_path / "o.json", clock=clock).paused
    box.resume()
    assert len(box.due()) == 1


def test_an_unreadable_outbox_is_set_aside(tmp_path: Path) -> None:
    (tmp_path / "o.json").write_text("{not json", "utf-8")
    assert Outbox(tmp_path / "o.json").entries() == []
    assert (tmp_path / "o.json.bad").exists()
