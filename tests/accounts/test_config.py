"""config.toml: the settings model, its one-line errors and its private files."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tootui import config, paths
from tootui.config import Config, ConfigError, Profile


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_missing_file_is_the_defaults() -> None:
    loaded = config.load()
    assert loaded == Config()
    assert loaded.language == "auto"
    assert not paths.config_file().exists()


def test_round_trip_private_files() -> None:
    alice = Profile("alice@example.social", "https://example.social",
                    "alice@example.social", "cid-1")
    written = Config(profiles={alice.name: alice}, default_profile=alice.name,
                     language="zh_CN", theme="nord", keymap={"timeline.boost": "b,ctrl+b"})
    path = config.save(written)
    assert path == paths.config_file()
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    assert config.load() == written
    # Rewriting keeps it private and leaves no temporary file behind.
    config.save(Config())
    assert _mode(path) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]


def _write(text: str) -> Path:
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def _error(text: str) -> str:
    _write(text)
    with pytest.raises(ConfigError) as err:
        config.load()
    message = str(err.value)
    assert "\n" not in message
    assert str(paths.config_file()) in message
    return message


def test_syntax_error_names_file_and_line() -> None:
    message = _error('language = "en"\ntheme = \n')
    assert "line 2" in message


def test_unknown_top_level_key() -> None:
    assert "colour" in _error('colour = "red"\n')


def test_unknown_profile_key() -> None:
    message = _error(
        '[profiles."a@x.social"]\ninstance = "https://x.social"\naccount = "a@x.social"\n'
        'client_id = "c"\naccess_token = "oops"\n'
    )
    assert "profiles.a@x.social.access_token" in message
    assert "oops" not in message


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("language = 3\n", "language"),
        ('language = "english please"\n', "language"),
        ('theme = ""\n', "theme"),
        ('theme = "my theme; rm"\n', "theme"),
        ("keymap = 1\n", "keymap"),
        ('[keymap]\n"app.quit" = 5\n', "keymap.app.quit"),
        ('[keymap]\n"status.favourite" = ",,,"\n', "keymap.status.favourite"),
        ('[keymap]\n"status.favourite" = "z,"\n', "keymap.status.favourite"),
        ('default_profile = "nobody"\n', "default_profile"),
        ('[profiles."a"]\ninstance = "x.social"\naccount = "a"\nclient_id = "c"\n',
         "profiles.a.instance"),
        ('[profiles."a"]\ninstance = "https://x.social"\naccount = "a"\n',
         "profiles.a.client_id"),
    ],
)
def test_bad_values_name_the_key(text: str, key: str) -> None:
    assert key in _error(text)


def test_not_utf8() -> None:
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"theme = \"\xff\"\n")
    with pytest.raises(ConfigError) as err:
        config.load()
    assert str(path) in str(err.value)
