"""The command line speaks the chosen language: tootui's messages and argparse's own.

The language comes, as in the app, from `--lang`, then `language` in `config.toml`,
then the locale variables; argparse's "usage:", section headings and errors follow
it through tootui's `argparse` catalogue.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tootui import paths
from tootui.cli import main
from tootui.i18n import current_language

ZH_HELP = ("用法：", "\n位置参数：\n", "\n选项：\n", "显示此帮助信息并退出", "界面语言")
EN_HELP = ("usage:", "\npositional arguments:\n", "\noptions:\n",
           "show this help message and exit")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def write_config(text: str) -> None:
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_help_in_english_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "--help")
    assert code == 0
    for words in EN_HELP:
        assert words in out
    assert "用法" not in out


def test_help_in_chinese_with_lang(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "--lang", "zh_CN", "--help")
    assert code == 0
    for words in ZH_HELP:
        assert words in out, out
    assert "usage:" not in out and "show this help" not in out


@pytest.mark.parametrize("command", ["login", "logout", "profiles", "demo-server"])
def test_each_subcommand_s_help_is_chinese(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code, out, _err = run(capsys, "--lang=zh_CN", command, "--help")
    assert code == 0
    assert out.startswith("用法：tootui " + command)
    assert "显示此帮助信息并退出" in out
    assert "show this help" not in out


@pytest.mark.parametrize("variable", ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"])
def test_each_environment_variable_reaches_the_cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, "zh_CN.UTF-8")
    _code, out, _err = run(capsys, "--help")
    assert "用法：" in out


def test_config_language_reaches_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    write_config('language = "zh_CN"\n')
    _code, out, _err = run(capsys, "profiles")
    assert "还没有账号配置" in out, out
    assert current_language() == "zh_CN"


def test_lang_overrides_the_config(capsys: pytest.CaptureFixture[str]) -> None:
    write_config('language = "zh_CN"\n')
    _code, out, _err = run(capsys, "--lang", "en", "profiles")
    assert "No profiles yet" in out


def test_an_unknown_language_falls_back_to_english_silently(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    code, out, err = run(capsys, "--lang", "klingon", "--help")
    assert code == 0
    assert "usage:" in out
    assert err == ""


def test_a_broken_config_still_lets_lang_choose(capsys: pytest.CaptureFixture[str]) -> None:
    write_config("language = = \n")
    code, _out, err = run(capsys, "--lang", "zh_CN", "profiles")
    assert code == 1
    # The file's problem, reported in the language asked for, on one line.
    assert "第 1 行：TOML 语法错误" in err
    assert len(err.strip().splitlines()) == 1


def test_argparse_errors_are_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "--lang", "zh_CN", "--bogus")
    assert code == 2
    assert "tootui：错误：无法识别的参数：--bogus" in err
    code, _out, err = run(capsys, "--lang", "zh_CN", "profiles", "default")
    assert code == 2
    assert "缺少以下必需参数：NAME" in err
    code, _out, err = run(capsys, "--lang", "zh_CN", "--demo-size", "many")
    assert "无效的 int 值：'many'" in err


def test_logout_without_a_profile_says_so_in_chinese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _out, err = run(capsys, "--lang", "zh_CN", "logout")
    assert code == 1
    assert "tootui login" in err
    assert "No account" not in err and "run `" not in err


def test_demo_server_failure_is_chinese(
    capsys: pytest.CaptureFixture[str], tmp_path: os.PathLike[str]
) -> None:
    code, _out, err = run(capsys, "--lang", "zh_CN", "demo-server", "--demo-seed",
                          os.path.join(tmp_path, "missing.json"))
    assert code == 1
    assert err.startswith("演示实例：")


def test_the_installed_command_speaks_the_locale() -> None:
    # The real entry point in a fresh interpreter, as a user runs it.
    env = {**os.environ, "LANG": "zh_CN.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-m", "tootui", "profiles", "--help"],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("用法：tootui profiles")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("command", [[], ["login"], ["logout"], ["profiles"], ["demo-server"]])
def test_help_fits_80_cells_and_usage_lines_up(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    language: str, command: list[str],
) -> None:
    from wcwidth import wcswidth

    monkeypatch.setenv("COLUMNS", "80")
    _code, out, _err = run(capsys, "--lang", language, *command, "--help")
    lines = out.splitlines()
    for line in lines:
        assert wcswidth(line) <= 80, line
    # Continuation lines of the usage start under the program name, in cells.
    program = "tootui"
    start = wcswidth(lines[0][: lines[0].index(program)])
    for line in lines[1:]:
        if not line.strip():
            break
        assert len(line) - len(line.lstrip()) >= start + len(program), line


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("plain words wrap at spaces", 11, ["plain words", "wrap at", "spaces"]),
        ("你好世界你好", 6, ["你好世", "界你好"]),  # two cells a character
        ("在 tootui 里写中文", 10, ["在 tootui", "里写中文"]),
        ("一个超长的单词 supercalifragilistic 不拆", 8,
         ["一个超长", "的单词", "supercalifragilistic", "不拆"]),
        ("", 10, []),
    ],
)
def test_wrap_cells(text: str, width: int, expected: list[str]) -> None:
    from tootui.argparse_text import wrap_cells

    assert wrap_cells(text, width) == expected
