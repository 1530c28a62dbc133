"""How each client under test is set up and started: tootui, tooi and toot's TUI.

Every client gets its own temporary HOME (and XDG dirs) holding its config
and cache, pointed at the benchmark's demo instance with a ready token, and
is started as its user would start it: its console script on a terminal.
"""

from __future__ import annotations

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
