"""The draft file: atomic, in the data dir, readable after anything, in order."""

from __future__ import annotations

from pathlib import Path

from tests.cache.conftest import make
from tootui import paths
from tootui.drafts import DraftStore, SavedDraft
from tootui.models import Draft, Status


def test_round_trip_with_the_status_it_replies_to(tmp_path: Path, base_status: Status) -> None:
    store = DraftStore(tmp_path / "d.json")
    assert store.load() is None
    parent = make(base_status, 3)
    saved = SavedDraft(Draft(text="多行\nline two", in_reply_to_id=parent.id,
                             visibility="unlisted"), "key-1", parent)
    store.save(saved)
    assert DraftStore(tmp_path / "d.json").load() == saved
    store.remove()
    assert store.load() is None and not (tmp_path / "d.json").exists()


def test_drafts_live_in_the_data_dir_not_the_cache() -> None:
    path = DraftStore.for_profile("me@example.social").path
    assert path.is_relative_to(paths.data_dir())
    assert not path.is_relative_to(paths.cache_dir())


def test_an_unreadable_file_is_set_aside_not_deleted(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text('{"text": "half a dra', "utf-8")
    assert DraftStore(path).load() is None
    assert (tmp_path / "d.json.bad").read_text("utf-8") == '{"text": "half a dra'


def test_an_older_save_never_overwrites_a_newer_one(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "d.json")
    store.save(SavedDraft(Draft(text="newer"), "k"), generation=5)
    store.save(SavedDraft(Draft(text="older"), "k"), generation=4)
    loaded = store.load()
    assert loaded is not None and loaded.draft.text == "newer"
    store.remove(generation=6)
    store.save(SavedDraft(Draft(text="stale"), "k"), generation=5)
    assert store.load() is None


def test_saving_leaves_no_temporary_files(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts" / "d.json")
    for n in range(20):
        store.save(SavedDraft(Draft(text=f"version {n}"), "k"), generation=n)
    assert [p.name for p in (tmp_path / "drafts").iterdir()] == ["d.json"]
