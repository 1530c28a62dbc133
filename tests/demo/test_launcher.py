"""`python -m tootui.demo` as a child process, and `tootui demo-server`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tootui.client.oauth import demo_login
from tootui.demo.launcher import DemoStartError, start_demo_subprocess


def test_subprocess_serves_and_stops(tmp_path: Path) -> None:
    demo = start_demo_subprocess(tmp_path / "d", reset=True)
    try:
        assert demo.url.startswith("http://127.0.0.1:")
        instance = requests.get(f"{demo.url}/api/v2/instance", timeout=10).json()
        assert instance["domain"] == demo.url.split("://")[1]
    finally:
        demo.stop()
    assert demo.process.returncode == 0
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{demo.url}/api/v2/instance", timeout=10)
    assert (tmp_path / "d" / "demo.sqlite3").is_file()


def test_child_failure_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DemoStartError, match=r"seed file .*missing\.json"):
        start_demo_subprocess(tmp_path / "d", seed_file=tmp_path / "missing.json")


def test_demo_server_command_prints_url_and_token(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "tootui", "demo-server", "--reset"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip().rsplit(" ", 1)[1]
        token = process.stdout.readline().strip().rsplit(" ", 1)[1]
        me = requests.get(
            f"{url}/api/v1/accounts/verify_credentials",
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
        assert me.json()["username"] == "demo"
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(20) == 0


def test_module_stops_on_sigterm(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "tootui.demo", "--data-dir", str(tmp_path)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        prefix, url = process.stdout.readline().split()
        assert prefix == "tootui-demo-ready"
        # stdin at EOF does not stop it: only the launcher asks for that
        assert requests.get(f"{url}/api/v1/instance", timeout=10).status_code == 200
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(20) == 0


@pytest.mark.parametrize(("flags", "seeded"), [((), True),
                                               (("--no-sample-notifications",), False)])
def test_sample_notifications_unless_asked_not_to(
        tmp_path: Path, flags: tuple[str, ...], seeded: bool) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "tootui.demo", "--data-dir", str(tmp_path), *flags],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().split()[1]
        token = demo_login(url)
        found = requests.get(f"{url}/api/v1/notifications", timeout=10,
                             headers={"Authorization": f"Bearer {token}"})
        assert found.status_code == 200
        assert bool(found.json()) is seeded
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(20) == 0
