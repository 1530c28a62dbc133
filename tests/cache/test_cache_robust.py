"""A broken, old or shared cache file never crashes: rebuilt, pruned, shared safely."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.cache.conftest import make
from tootui import paths
from tootui.client.cache import Cache
from tootui.client.cache_db import SCHEMA_VERSION
from tootui.models import Page, Status


def test_a_file_that_is_not_a_database_is_rebuilt(tmp_path: Path, base_status: Status) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not SQLite\x00" * 100)
    cache = Cache(path)
    assert cache.status(base_status.id) is None
    cache.put_statuses([base_status])
    assert cache.status(base_status.id) == base_status
    cache.close()


def test_a_truncated_file_is_rebuilt(tmp_path: Path, base_status: Status) -> None:
    path = tmp_path / "c.sqlite3"
    cache = Cache(path)
    cache.put_statuses([make(base_status, n) for n in range(200)])
    cache.close()
    (tmp_path / "c.sqlite3-wal").unlink(missing_ok=True)
    path.write_bytes(path.read_bytes()[:5000])
    again = Cache(path)
    again.put_statuses([base_status])
    assert again.status(base_status.id) == base_status
    again.close()


@pytest.mark.parametrize("version", [0, SCHEMA_VERSION - 1, SCHEMA_VERSION + 1])
def test_another_schema_version_is_rebuilt(tmp_path: Path, base_status: Status,
                                           version: int) -> None:
    path = tmp_path / "c.sqlite3"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE statuses (id TEXT, something_else BLOB)")
    old.execute("INSERT INTO statuses VALUES ('1', x'00')")
    old.execute(f"PRAGMA user_version = {version}")
    old.commit()
    old.close()
    cache = Cache(path)
    assert cache.status("1") is None
    cache.put_statuses([base_status])
    assert cache.status(base_status.id) == base_status
    cache.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    check.close()


def test_a_row_damaged_on_disk_reads_as_far_as_it_goes(cache: Cache, base_status: Status) -> None:
    cache.put_statuses([base_status])
    db = sqlite3.connect(cache.path)
    db.execute("UPDATE statuses SET json = '{\"id\": \"' || id || '\", \"account\": 7}'")
    db.commit()
    db.close()
    damaged = cache.status(base_status.id)
    assert damaged is not None and damaged.id == base_status.id and damaged.account.acct == ""


def test_a_unwritable_place_means_no_cache_not_a_crash(tmp_path: Path,
                                                       base_status: Status) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    cache = Cache(blocker / "c.sqlite3")  # its directory can't exist: a file is there
    cache.put_statuses([base_status])
    assert cache.status(base_status.id) is None
    assert cache.timeline("home") is None


def test_the_size_cap_drops_the_oldest_first(tmp_path: Path, base_status: Status) -> None:
    cache = Cache(tmp_path / "c.sqlite3", max_bytes=10**9)
    old = tuple(make(base_status, n) for n in range(50, 0, -1))
    cache.store_page("home", Page(items=old, older=old[-1].id, newer=old[0].id))
    per_status = cache.size() // len(old)
    cache.max_bytes = per_status * 80
    new = tuple(make(base_status, n) for n in range(200, 150, -1))
    cache.store_page("home", Page(items=new, older=new[-1].id, newer=new[0].id))
    assert cache.size() <= cache.max_bytes
    kept = cache.statuses([s.id for s in old + new])
    assert all(s.id in kept for s in new)  # the newest page is whole
    assert len(kept) < len(old) + len(new)
    # What is left of the older run is still consecutive and has a way on.
    for segment in cache.segments("home"):
        assert segment.older is not None
    cache.close()


def test_the_profile_file_lives_in_the_cache_dir() -> None:
    path = paths.profile_cache_file("me@example.social")
    assert path.is_relative_to(paths.cache_dir()) and path.name.startswith("me@example.social")
    assert paths.profile_cache_file("../x").is_relative_to(paths.cache_dir() / "profiles")


WRITER = textwrap.dedent("""
    import sys
    from dataclasses import replace
    from datetime import UTC, datetime
    from pathlib import Path
    from tootui.client.cache import Cache
    from tootui.models import Account, Page, Status
    cache = Cache(Path(sys.argv[1]))
    offset = int(sys.argv[2])
    account = Account(id="1", username="a", acct="a")
    for page in range(40):
        items = tuple(Status(id=str(offset + page * 10 + n), account=account,
                             content_html="<p>x</p>" * 50,
                             created_at=datetime(2026, 1, 1, tzinfo=UTC))
                      for n in range(10, 0, -1))
        cache.store_page(sys.argv[3], Page(items=items, older=items[-1].id))
    cache.close()
""")


def test_two_processes_write_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    Cache(path).close()
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(offset), name],
                                stderr=subprocess.PIPE, text=True)
               for offset, name in ((100000, "home"), (500000, "public"))]
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert "Traceback" not in err and "cache write" not in err
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM statuses").fetchone()[0] == 800
    assert db.execute("SELECT count(*) FROM entries").fetchone()[0] == 800
    db.close()


def test_the_cap_is_read_from_the_config_file(tmp_path: Path) -> None:
    from tootui import config

    assert config.cache_max_bytes() == 64 * 1024 * 1024
    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text("cache_max_mb = 5\n", "utf-8")
    assert config.cache_max_bytes() == 5 * 1024 * 1024
    paths.config_file().write_text("cache_max_mb = 0\n", "utf-8")
    with pytest.raises(config.ConfigError, match="cache_max_mb"):
        config.load()
