"""Statuses, boosts, threads, the instance and small values, through a real file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.cache.conftest import make
from tootui.client.cache import Cache
from tootui.models import Context, InstanceInfo, Relationship, Status


def test_statuses_survive_reopening(tmp_path: Path, base_status: Status) -> None:
    statuses = [make(base_status, n) for n in range(5)]
    first = Cache(tmp_path / "c.sqlite3")
    first.put_statuses(statuses)
    first.close()
    again = Cache(tmp_path / "c.sqlite3")
    assert again.statuses([s.id for s in statuses] + ["missing"]) == {s.id: s for s in statuses}
    assert again.account(base_status.account.id) == base_status.account
    again.close()


def test_a_favourite_on_the_original_shows_through_its_boost(
        cache: Cache, boost_status: Status) -> None:
    cache.put_statuses([boost_status])
    assert cache.status(boost_status.id) == boost_status
    original = boost_status.reblog
    assert original is not None
    faved = replace(original, favourited=True, favourites_count=original.favourites_count + 1)
    cache.put_statuses([faved])
    seen = cache.status(boost_status.id)
    assert seen is not None and seen.reblog == faved
    assert cache.status(original.id) == faved


def test_rendering_is_kept_until_the_status_changes(cache: Cache, boost_status: Status) -> None:
    original = boost_status.reblog
    assert original is not None
    cache.put_statuses([boost_status])
    cache.put_rendered({boost_status.id: {"r": 1}, original.id: {"r": 2}}, "en|x")
    assert cache.rendered([boost_status.id, original.id], "en|x") == {
        boost_status.id: {"r": 1}, original.id: {"r": 2}}
    assert cache.rendered([boost_status.id], "zh_CN|x") == {}
    cache.put_statuses([boost_status])  # the same again: still valid
    assert len(cache.rendered([boost_status.id, original.id], "en|x")) == 2
    cache.put_statuses([replace(original, content_html="<p>edited</p>")])
    # The edit makes both the original's and the boost's rendering stale.
    assert cache.rendered([boost_status.id, original.id], "en|x") == {}


def test_thread_context(cache: Cache, base_status: Status) -> None:
    context = Context(ancestors=(make(base_status, 1), make(base_status, 2)),
                      descendants=(make(base_status, 4),))
    assert cache.context("x") is None
    cache.put_context(make(base_status, 3).id, context)
    assert cache.context(make(base_status, 3).id) == context


def test_instance_and_meta(cache: Cache) -> None:
    assert cache.instance() is None and cache.meta("last_timeline") is None
    info = InstanceInfo(domain="example.test", max_characters=1000, languages=("en",))
    cache.put_instance(info)
    cache.set_meta("last_timeline", "home")
    assert cache.instance() == info
    assert cache.meta("last_timeline") == "home"


def test_relationships_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    cache = Cache(path)
    assert cache.relationship("01HZX3Q5ZS") is None
    cache.put_relationship(Relationship(id="01HZX3Q5ZS", following=True, muting=True))
    cache.put_relationship(Relationship(id="01HZX3Q5ZS", following=True))  # newer answer
    cache.close()
    assert Cache(path).relationship("01HZX3Q5ZS") == Relationship(id="01HZX3Q5ZS",
                                                                  following=True)


def test_clear_forgets_everything(cache: Cache, base_status: Status) -> None:
    cache.put_statuses([base_status])
    cache.clear()
    assert cache.status(base_status.id) is None
    cache.put_statuses([base_status])
    assert cache.status(base_status.id) == base_status
