"""How each client under test is set up and started: tootui, tooi and toot's TUI.

Every client gets its own temporary HOME (and XDG dirs) holding its config
and cache, pointed at the benchmark's demo instance with a ready token, and
is started as its user would start it: its console script on a terminal.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from demo_host import DemoHost

BENCH_DIR = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent


@dataclass
class Target:
    """One client, ready to be spawned on a pty."""

    name: str
    argv: list[str]
    env: dict[str, str]
    down_key: bytes = b"j"
    quit_key: bytes = b"q"
    notes: list[str] = field(default_factory=list)


def home_env(home: Path) -> dict[str, str]:
    """An environment whose every per-user directory is under `home`."""
    home.mkdir(parents=True, exist_ok=True)
    keep = ("PATH", "LANG", "LC_ALL", "TZ", "SYSTEMROOT")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.setdefault("LANG", "C.UTF-8")
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_CACHE_HOME=str(home / ".cache"), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_STATE_HOME=str(home / ".local/state"), LANGUAGE="en")
    return env


def tootui(host: DemoHost, home: Path, *, script: str = "tootui") -> Target:
    """tootui on a saved profile, its token from the benchmark's keyring backend."""
    env = home_env(home)
    env.update(PYTHONPATH=str(BENCH_DIR), PYTHON_KEYRING_BACKEND="bench_keyring.EnvKeyring",
               TOOTUI_BENCH_TOKEN=host.token)
    domain = host.url.split("://", 1)[1]
    config = home / ".config" / "tootui" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(
        f'[profiles."demo@{domain}"]\ninstance = "{host.url}"\n'
        f'account = "demo@{domain}"\nclient_id = "benchmark"\n', encoding="utf-8")
    return Target("tootui", [str(BIN / script)], env)


def loaded_tootui(host: DemoHost, home: Path, count: int) -> Target:
    """tootui holding `count` statuses in its timeline (see loaded_app.py)."""
    target = tootui(host, home)
    target.argv = [sys.executable, str(BENCH_DIR / "loaded_app.py"), str(count)]
    return target


def tooi(host: DemoHost, home: Path, bin_dir: Path) -> Target:
    """tooi, its account in `credentials.json` under the XDG data dir, as its login writes it."""
    env = home_env(home)
    domain = host.url.split("://", 1)[1]
    acct = f"demo@{domain}"
    credentials = {
        "active_acct": acct,
        "accounts": {acct: {"acct": acct, "username": "demo", "instance": domain,
                            "access_token": host.token}},
        "apps": {domain: {"title": "tootui demo", "domain": domain, "base_url": host.url,
                          "client_id": "benchmark", "client_secret": "benchmark"}},
    }
    path = home / ".local/share" / "tooi" / "credentials.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(credentials), encoding="utf-8")
    return Target("tooi", [str(bin_dir / "tooi")], env)


def toot(host: DemoHost, home: Path, bin_dir: Path) -> Target:
    """toot's TUI (`toot tui`), its user in `config.json` under the XDG config dir."""
    env = home_env(home)
    domain = host.url.split("://", 1)[1]
    user = f"demo@{domain}"
    config = {
        "apps": {domain: {"instance": domain, "base_url": host.url,
                          "client_id": "benchmark", "client_secret": "benchmark"}},
        "users": {user: {"instance": domain, "username": "demo",
                         "access_token": host.token}},
        "active_user": user,
        # As a user of the TUI has it: the deprecation prompt answered "dismiss" once.
        "dismiss_tui_deprecation_notice": True,
    }
    path = home / ".config" / "toot" / "config.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(config), encoding="utf-8")
    return Target("toot tui", [str(bin_dir / "toot"), "tui"], env)
