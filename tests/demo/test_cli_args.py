"""Out-of-range numbers on the demo's command line are usage errors, in one line."""

from __future__ import annotations

import pytest

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
