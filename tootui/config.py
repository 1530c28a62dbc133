"""The settings model and the `config.toml` file it is read from and written to.

Secrets never live here: access tokens and client secrets are in the keyring
(`tootui.keyring_store`); a profile only names where its secret is.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from tootui import paths
from tootui.i18n import _


class ConfigError(Exception):
    """The config file can't be used; `str()` is one line naming the file and the key."""


@dataclass(frozen=True)
class Profile:
    """One account on one instance: data only, its token is in the keyring."""

    name: str
    """How the user names the profile (`--profile NAME`); defaults to `user@host`."""
    instance: str
    """The instance's base URL, normalised (`https://example.social`)."""
    account: str
    """The account's full address, `user@host`, as verified at login."""
    client_id: str
    """The OAuth client id tootui registered on this instance."""


@dataclass
class Config:
    """Everything `config.toml` holds."""

    profiles: dict[str, Profile] = field(default_factory=dict)
    """The saved profiles, by name."""
    default_profile: str | None = None
    """The profile used when `--profile` is not given."""
    language: str = "auto"
    """Interface language: `auto` follows the environment, or a code like `en`, `zh_CN`."""
    theme: str = "textual-dark"
    """The Textual theme the app starts with (`nord`, `gruvbox`, `textual-light`…);
    choosing one in the app ("Theme" in the command palette) saves it here."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Key binding id → keys (comma-separated, Textual's names) replacing the defaults."""
    cache_max_mb: int = 64
    """Cap on each profile's cache, in MB of statuses; the oldest are dropped past it."""

    def profiles_on(self, instance: str) -> list[Profile]:
        """The profiles on `instance` (a normalised base URL), which share one app."""
        return [p for p in self.profiles.values() if p.instance == instance]


_TOP_KEYS = {"default_profile", "language", "theme", "keymap", "profiles", "cache_max_mb"}
_PROFILE_KEYS = {"instance", "account", "client_id"}
_THEME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_LANGUAGE = re.compile(r"auto|[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*")
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")


def load(path: Path | None = None) -> Config:
    """Read the config file; a missing file is an empty config."""
    path = path or paths.config_file()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        raise ConfigError(
            _("{file}: can't read it: {reason}").format(file=path, reason=exc.strerror)
        ) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(_("{file}: not UTF-8 text").format(file=path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(path, str(exc)) from None
    return _parse(path, data)


def cache_max_bytes() -> int:
    """The cache cap from the config file; a file that can't be read gives the default."""
    try:
        return load().cache_max_mb * 1024 * 1024
    except ConfigError:
        return Config.cache_max_mb * 1024 * 1024


def save(config: Config, path: Path | None = None) -> Path:
    """Write `config` atomically, readable by the user alone (0600, dir 0700)."""
    path = path or paths.config_file()
    paths.ensure_private(path.parent)
    text = tomli_w.dumps(_to_toml(config))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".tmp")
    try:
        # mkstemp already creates 0600; a crash mid-write leaves the old file intact.
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _syntax_error(path: Path, message: str) -> ConfigError:
    match = _TOML_POSITION.search(message)
    reason = _TOML_POSITION.sub("", message).strip()
    if match:
        return ConfigError(
            _("{file}, line {line}: TOML syntax error: {reason}").format(
                file=path, line=match.group(1), reason=reason
            )
        )
    return ConfigError(_("{file}: TOML syntax error: {reason}").format(file=path, reason=reason))


def _bad(path: Path, key: str, problem: str) -> ConfigError:
    # The key is the user's text: keep control characters out of the terminal.
    key = "".join("?" if ord(ch) < 32 or ord(ch) == 127 else ch for ch in key)
    return ConfigError(_("{file}: {key}: {problem}").format(file=path, key=key, problem=problem))


def _string(path: Path, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _bad(path, key, _("expected a non-empty string"))
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise _bad(path, key, _("control characters are not allowed"))
    return value


def _keys(path: Path, key: str, value: Any) -> str:
    keys = _string(path, key, value)
    # Textual takes "z,,ctrl+f" or ",": an empty key binds nothing and shows as a blank.
    if not all(part.strip() for part in keys.split(",")):
        raise _bad(path, key, _("expected key names separated by commas, like `z,ctrl+f`"))
    return keys


def _parse(path: Path, data: dict[str, Any]) -> Config:
    for key in data:
        if key not in _TOP_KEYS:
            raise _bad(path, key, _("unknown key"))
    config = Config()
    if "language" in data:
        config.language = _string(path, "language", data["language"])
        if not _LANGUAGE.fullmatch(config.language):
            raise _bad(path, "language", _("expected `auto` or a language code like `en`"))
    if "theme" in data:
        config.theme = _string(path, "theme", data["theme"])
        # Which themes exist is Textual's to say (the app checks at start);
        # here only the shape of a theme's name.
        if not _THEME.fullmatch(config.theme):
            raise _bad(path, "theme", _("expected a theme name like `textual-dark` or `nord`"))
    if "cache_max_mb" in data:
        cap = data["cache_max_mb"]
        if isinstance(cap, bool) or not isinstance(cap, int) or cap < 1:
            raise _bad(path, "cache_max_mb", _("expected a whole number of megabytes, 1 or more"))
        config.cache_max_mb = cap
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        raise _bad(path, "keymap", _("expected a table of binding id = keys"))
    config.keymap = {str(bid): _keys(path, f"keymap.{bid}", keys) for bid, keys in keymap.items()}
    profiles = data.get("profiles", {})
    if not isinstance(profiles, dict):
        raise _bad(path, "profiles", _("expected a table of profiles"))
    for name, table in profiles.items():
        where = f"profiles.{name}"
        _string(path, where, name)
        if not isinstance(table, dict):
            raise _bad(path, where, _("expected a table"))
        for key in table:
            if key not in _PROFILE_KEYS:
                raise _bad(path, f"{where}.{key}", _("unknown key"))
        missing = [key for key in sorted(_PROFILE_KEYS) if key not in table]
        if missing:
            raise _bad(path, f"{where}.{missing[0]}", _("missing"))
        instance = _string(path, f"{where}.instance", table["instance"])
        if not instance.startswith(("https://", "http://")):
            raise _bad(path, f"{where}.instance", _("expected a URL like https://example.social"))
        config.profiles[name] = Profile(
            name=name,
            instance=instance,
            account=_string(path, f"{where}.account", table["account"]),
            client_id=_string(path, f"{where}.client_id", table["client_id"]),
        )
    if "default_profile" in data:
        default = _string(path, "default_profile", data["default_profile"])
        if default not in config.profiles:
            raise _bad(path, "default_profile", _("no profile named {name}").format(name=default))
        config.default_profile = default
    return config


def _to_toml(config: Config) -> dict[str, Any]:
    out: dict[str, Any] = {"language": config.language, "theme": config.theme}
    if config.default_profile is not None:
        out["default_profile"] = config.default_profile
    if config.keymap:
        out["keymap"] = dict(config.keymap)
    if config.cache_max_mb != Config.cache_max_mb:
        out["cache_max_mb"] = config.cache_max_mb
    if config.profiles:
        out["profiles"] = {
            p.name: {"instance": p.instance, "account": p.account, "client_id": p.client_id}
            for p in config.profiles.values()
        }
    return out
