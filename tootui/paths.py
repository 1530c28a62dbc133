"""Every path tootui reads or writes, in one place (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

_dirs = PlatformDirs("tootui", appauthor=False)


def _private_dir(path: Path) -> Path:
    """Create `path` readable by the user alone (0700) and return it."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


def config_dir() -> Path:
    return Path(_dirs.user_config_dir)


def config_file() -> Path:
    return config_dir() / "config.toml"


def cache_dir() -> Path:
    return Path(_dirs.user_cache_dir)


def profile_cache_file(profile_name: str) -> Path:
    """The SQLite cache of one profile (statuses, timelines, threads)."""
    return cache_dir() / "profiles" / f"{_file_name(profile_name)}.sqlite3"


def _file_name(profile_name: str) -> str:
    """`profile_name` as one safe file name (profiles are named like `me@host`)."""
    kept = "".join(c if c.isalnum() or c in "@.-_" else "_" for c in profile_name)
    return kept.strip(".") or "_"


def data_dir() -> Path:
    return Path(_dirs.user_data_dir)


def profile_draft_file(profile_name: str) -> Path:
    """The unsent draft of one profile: what the user wrote is data, never cache."""
    return data_dir() / "drafts" / f"{_file_name(profile_name)}.json"


def profile_outbox_file(profile_name: str) -> Path:
    """What one profile has written or done that the server has not received yet."""
    return data_dir() / "outbox" / f"{_file_name(profile_name)}.json"


def state_dir() -> Path:
    return Path(_dirs.user_state_dir)


def log_file() -> Path:
    return state_dir() / "tootui.log"


def demo_data_dir() -> Path:
    """Where the embedded demo instance keeps its SQLite database and media."""
    return data_dir() / "demo"


def ensure_private(path: Path) -> Path:
    """Make directory `path` readable by the user alone (0700), and every directory
    between it and tootui's own config, cache, data or state dir too."""
    rel: Path | None = None
    for root in (config_dir(), cache_dir(), data_dir(), state_dir()):
        if path == root or root in path.parents:
            rel = path.relative_to(root)
            chain = [root / Path(*rel.parts[:depth]) for depth in range(len(rel.parts) + 1)]
            break
    if rel is None:
        chain = [path]
    for directory in chain:
        _private_dir(directory)
    return path


def create_private_file(path: Path) -> Path:
    """Make `path` (if missing) readable by the user alone (0600), in private dirs;
    an existing file is made 0600 too. For files others create, such as SQLite's."""
    ensure_private(path.parent)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(path, 0o600)
    return path
