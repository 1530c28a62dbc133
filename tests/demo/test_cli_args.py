"""What `tootui --demo` and `demo-server` refuse before starting: out-of-range
numbers on the command line, a config file they can't use. One line each."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tootui import paths
from tootui.cli import build_parser, main


@pytest.mark.parametrize("port", ["99999", "-1", "65536"])
def test_a_port_out_of_range_is_refused_before_the_server_starts(
    port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["demo-server", "--port", port])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert "--port" in last and repr(port) in last and "65535" in last


@pytest.mark.parametrize("argv", [["--demo"], ["demo-server"]])
def test_a_negative_demo_size_is_refused(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--demo-size", "-5"])
    assert exited.value.code == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert "--demo-size" in last and "'-5'" in last


@pytest.mark.parametrize("argv", [["demo-server", "--port"], ["--demo", "--demo-size"]])
def test_a_word_for_a_number_gets_argparses_own_message(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*argv, "many"])
    assert exited.value.code == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.endswith(f"{argv[-1]}: invalid int value: 'many'")


def test_ports_and_sizes_in_range_are_taken() -> None:
    parser = build_parser()
    assert parser.parse_args(["demo-server", "--port", "0"]).port == 0
    assert parser.parse_args(["demo-server", "--port", "65535"]).port == 65535
    assert parser.parse_args(["--demo", "--demo-size", "0"]).demo_size == 0
    assert parser.parse_args(["demo-server", "--demo-size", "10"]).demo_size == 10


@pytest.mark.parametrize(("toml", "problem"), [
    ('language = "en\n', "line 1: TOML syntax error"),
    ("bogus_key = 1\n", "bogus_key: unknown key"),
    ("cache_max_mb = \"big\"\n", "cache_max_mb: expected a whole number"),
])
def test_demo_with_a_broken_config_names_the_file_and_stops(toml: str, problem: str) -> None:
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(toml, encoding="utf-8")
    # A subprocess, because without the check the demo app would start (and wait).
    done = subprocess.run(
        [sys.executable, "-m", "tootui", "--demo"], stdin=subprocess.DEVNULL,
        capture_output=True, text=True, env=dict(os.environ), timeout=60, check=False)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.strip() == done.stderr.strip().splitlines()[0]
    assert str(config) in done.stderr and problem in done.stderr
    assert not paths.demo_data_dir().exists()  # no instance was started
