"""The `toot` command-line client (written by other people) against the demo.

toot runs from its own virtualenv, built once per machine by the fixture at a
pinned version, so its dependencies never mix with ours. It has no token
login, so the test writes its `config.json` under a temporary HOME.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.demo.api import api_for
from tootui.demo.server import DemoServer

TOOT_VERSION = "0.52.1"
VENV = Path(tempfile.gettempdir()) / f"tootui-tests-toot-{TOOT_VERSION}"


@pytest.fixture(scope="session")
def toot_bin() -> Path:
    binary = VENV / "bin" / "toot"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
        installed = subprocess.run(
            [str(VENV / "bin" / "pip"), "install", "-q", f"toot=={TOOT_VERSION}"],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if installed.returncode != 0:
            # A failure, not a skip: a suite that quietly stops checking us against
            # another client is worse than one that says it can't.
            pytest.fail(f"toot {TOOT_VERSION} could not be installed: {installed.stderr[-300:]}")
    return binary


@pytest.fixture
def toot(toot_bin: Path, demo_server: DemoServer, tmp_path: Path) -> Iterator[Callable[..., str]]:
    domain = demo_server.url.split("://")[1]
    user = f"demo@{domain}"
    config = {
        "apps": {
            domain: {
                "instance": domain,
                "base_url": demo_server.url,
                "client_id": "unused",
                "client_secret": "unused",
            }
        },
        "users": {
            user: {
                "instance": domain,
                "username": "demo",
                "access_token": demo_server.create_token(),
            }
        },
        "active_user": user,
    }
    config_dir = tmp_path / "toot-home" / ".config" / "toot"
    config_dir.mkdir(parents=True)
    (config_dir / "config.json").write_text(json.dumps(config))
    env = {
        **os.environ,
        "HOME": str(tmp_path / "toot-home"),
        "XDG_CONFIG_HOME": str(tmp_path / "toot-home" / ".config"),
        "NO_COLOR": "1",
    }

    def run(*args: str) -> str:
        done = subprocess.run(
            [str(toot_bin), *args], env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done.stdout

    yield run


def test_toot_reads_timelines_and_searches(
    toot: Callable[..., str], demo_server: DemoServer
) -> None:
    run = toot
    assert "@demo" in run("whoami")
    home = json.loads(run("timelines", "home", "--json", "--no-pager", "-l", "40"))
    assert len(home) == 9 and home[0]["account"]["acct"] == "yuzu"
    assert "打工打魔怔了" in run("timelines", "home", "--no-pager", "--no-clear", "-l", "3")
    assert "NeoGroup 开发者" in run("timelines", "tag", "NeoDB", "--no-pager", "--no-clear")
    assert "#neodb" in run("search", "NeoDB")


def test_toot_posts_replies_and_acts(toot: Callable[..., str], demo_server: DemoServer) -> None:
    run = toot
    status_id = run("post", "hello from toot #demo").strip().rsplit("/", 1)[1]
    reply_id = run("post", "a reply", "--reply-to", status_id).strip().rsplit("/", 1)[1]
    run("favourite", status_id)
    run("reblog", status_id)
    thread = run("thread", status_id)
    assert "hello from toot" in thread and "a reply" in thread
    api = api_for(demo_server)
    status = api.get(f"/api/v1/statuses/{status_id}").json()
    assert status["favourited"] and status["reblogged"] and status["replies_count"] == 1
    assert api.get(f"/api/v1/statuses/{reply_id}").json()["in_reply_to_id"] == status_id
    assert status["tags"] == [{"name": "demo", "url": f"{demo_server.url}/tags/demo"}]
