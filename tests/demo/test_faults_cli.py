"""`--demo-faults SPEC` on the `tootui` command line, for `--demo` and `demo-server`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tootui.cli import build_parser, main
from tootui.demo.launcher import start_demo_subprocess

SPEC = "/api/v1/timelines/home=503:2,/api/v1/statuses=delay@1.5:*"


def test_both_commands_accept_a_spec() -> None:
    parser = build_parser()
    assert parser.parse_args(["--demo", "--demo-faults", SPEC]).demo_faults == SPEC
    assert parser.parse_args(["demo-server", "--demo-faults", SPEC]).demo_faults == SPEC
    assert parser.parse_args(["--demo"]).demo_faults is None


@pytest.mark.parametrize("argv", [["--demo"], ["demo-server"]])
def test_a_bad_rule_is_refused_naming_it(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--demo-faults", "/ok=503,api/v1=503"])
    assert exited.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert "--demo-faults" in error and "'api/v1=503'" in error
    assert "PATH_PREFIX=KIND[:COUNT]" in error


def test_demo_server_command_applies_the_spec() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "tootui", "demo-server", "--reset",
         "--demo-faults", "/api/v2/instance=502:2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip().rsplit(" ", 1)[1]
        codes = [requests.get(f"{url}/api/v2/instance", timeout=10).status_code for _ in range(3)]
        assert codes == [502, 502, 200]
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(20) == 0


def test_launcher_passes_the_spec_to_the_child(tmp_path: Path) -> None:
    with start_demo_subprocess(tmp_path / "d", faults="/api/v2/instance=429@7") as demo:
        limited = requests.get(f"{demo.url}/api/v2/instance", timeout=10)
        assert limited.status_code == 429 and limited.headers["Retry-After"] == "7"
        assert requests.get(f"{demo.url}/api/v2/instance", timeout=10).status_code == 200


def test_demo_mode_passes_the_spec_to_its_instance() -> None:
    # `tootui --demo` starts its instance on the first request; the demo's own
    # OAuth login then meets the rule: proof that it reached the instance.
    from tootui.client.errors import ClientError
    from tootui.demo_session import DemoConnection

    args = build_parser().parse_args(
        ["--demo", "--reset", "--demo-faults", "/oauth/authorize=503:*"])
    connection = DemoConnection(args)
    try:
        with pytest.raises(ClientError) as failed:
            connection.connect()
        assert "Service Unavailable" in str(failed.value) or "503" in str(failed.value)
    finally:
        connection.stop()
