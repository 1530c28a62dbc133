"""Which language tootui speaks: --lang, config, then the locale environment."""

from __future__ import annotations

import pytest

from tootui.language import (
    LANGUAGE_NAMES,
    LANGUAGE_SETTINGS,
    activate,
    choose_language,
    from_environment,
    lang_from_argv,
    supported,
)

NO_ENV: dict[str, str] = {}


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("zh_CN", "zh_CN"),
        ("zh_CN.UTF-8", "zh_CN"),
        ("zh_CN.GB18030", "zh_CN"),
        ("zh_CN.utf8@pinyin", "zh_CN"),
        ("zh-CN", "zh_CN"),
        ("zh-Hans", "zh_CN"),
        ("zh_Hans", "zh_CN"),
        ("zh-hans-cn", "zh_CN"),
        ("zh_Hans_CN", "zh_CN"),
        ("zh_Hans_SG", "zh_CN"),
        ("zh_SG", "zh_CN"),
        ("zh_SG.UTF-8", "zh_CN"),
        ("zh_MY", "zh_CN"),
        ("zh", "zh_CN"),
        ("ZH_cn", "zh_CN"),
        # Traditional Chinese has no catalogue: these are not ours to serve.
        ("zh_TW", None),
        ("zh_TW.UTF-8", None),
        ("zh_HK", None),
        ("zh_MO", None),
        ("zh-Hant", None),
        ("zh_Hant_TW", None),
        # An explicit script wins over what the region would suggest.
        ("zh_Hans_HK", "zh_CN"),
        ("zh_Hant_CN", None),
        ("en", "en"),
        ("en_US.UTF-8", "en"),
        ("en_GB", "en"),
        ("C", "en"),
        ("C.UTF-8", "en"),
        ("POSIX", "en"),
        ("fr_FR.UTF-8", None),
        ("ja_JP", None),
        ("", None),
        ("   ", None),
        ("_", None),
        ("zh_", "zh_CN"),
    ],
)
def test_supported_reads_posix_and_bcp47_tags(tag: str, expected: str | None) -> None:
    assert supported(tag) == expected


@pytest.mark.parametrize("variable", ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"])
def test_each_variable_alone_picks_simplified_chinese(variable: str) -> None:
    assert from_environment({variable: "zh_CN.UTF-8"}) == "zh_CN"


@pytest.mark.parametrize("variable", ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"])
def test_each_variable_alone_can_ask_for_english(variable: str) -> None:
    assert from_environment({variable: "en_US.UTF-8"}) == "en"


def test_no_variable_means_english() -> None:
    assert from_environment(NO_ENV) == "en"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        # The first variable set wins, in gettext's order.
        ({"LANGUAGE": "zh_CN", "LC_ALL": "en_US.UTF-8"}, "zh_CN"),
        ({"LANGUAGE": "en", "LC_ALL": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        # Empty variables count as unset.
        ({"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANGUAGE": " ", "LANG": "zh_SG.UTF-8"}, "zh_CN"),
    ],
)
def test_precedence_between_variables(environ: dict[str, str], expected: str) -> None:
    assert from_environment(environ) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr:zh_CN:en", "zh_CN"),  # preferences are tried in order, unknown skipped
        ("zh_TW:zh_CN", "zh_CN"),  # no Traditional catalogue: the next preference
        ("fr:en:zh_CN", "en"),
        ("zh_TW:de", "en"),  # nothing we have: English, not the next variable
        ("::zh-Hans", "zh_CN"),
    ],
)
def test_language_is_a_list_of_preferences(language: str, expected: str) -> None:
    assert from_environment({"LANGUAGE": language, "LANG": "en_US.UTF-8"}) == expected


def test_an_unserved_language_list_does_not_fall_through_to_lang() -> None:
    assert from_environment({"LANGUAGE": "fr:de", "LANG": "zh_CN.UTF-8"}) == "en"


@pytest.mark.parametrize("c_locale", ["C", "POSIX", "C.UTF-8"])
def test_lc_all_c_overrides_language(c_locale: str) -> None:
    assert from_environment({"LANGUAGE": "zh_CN", "LC_ALL": c_locale}) == "en"


def test_language_still_counts_when_only_lang_is_c() -> None:
    # Python's gettext honours LANGUAGE here, and so do we: only an explicit
    # LC_ALL=C means "plain English output, whatever my preferences".
    assert from_environment({"LANGUAGE": "zh_CN", "LANG": "C.UTF-8"}) == "zh_CN"


@pytest.mark.parametrize(
    "value", ["C", "POSIX", "fr_FR.UTF-8", "zh_TW.UTF-8", "zh_HK", "zh-Hant", "xx", "!!"]
)
def test_unknown_or_plain_locales_fall_back_to_english_silently(value: str) -> None:
    assert from_environment({"LANG": value}) == "en"


@pytest.mark.parametrize("value", ["zh_CN.UTF-8", "zh_CN", "zh-Hans", "zh_SG", "zh_Hans_CN"])
def test_the_issue_s_simplified_chinese_spellings(value: str) -> None:
    assert from_environment({"LANG": value}) == "zh_CN"


ZH_ENV = {"LANG": "zh_CN.UTF-8"}
EN_ENV = {"LANG": "en_US.UTF-8"}


@pytest.mark.parametrize(
    ("config", "cli", "environ", "expected"),
    [
        # Nothing chosen: auto, from the environment.
        (None, None, ZH_ENV, "zh_CN"),
        (None, None, EN_ENV, "en"),
        (None, None, NO_ENV, "en"),
        # The config file decides over the environment.
        ("en", None, ZH_ENV, "en"),
        ("zh_CN", None, EN_ENV, "zh_CN"),
        ("zh_CN", None, NO_ENV, "zh_CN"),
        ("auto", None, ZH_ENV, "zh_CN"),
        ("auto", None, EN_ENV, "en"),
        ("AUTO", None, ZH_ENV, "zh_CN"),
        ("", None, ZH_ENV, "zh_CN"),
        # --lang decides over the config file and the environment.
        ("en", "zh_CN", EN_ENV, "zh_CN"),
        ("zh_CN", "en", ZH_ENV, "en"),
        (None, "zh_CN", EN_ENV, "zh_CN"),
        (None, "zh-Hans", EN_ENV, "zh_CN"),
        # --lang auto means: ignore the config, read the environment.
        ("en", "auto", ZH_ENV, "zh_CN"),
        ("zh_CN", "auto", EN_ENV, "en"),
        # Unknown explicit choices fall back to English, silently.
        ("fr", None, ZH_ENV, "en"),
        (None, "zh_TW", ZH_ENV, "en"),
        ("zh_CN", "klingon", ZH_ENV, "en"),
    ],
)
def test_choose_language_precedence(
    config: str | None, cli: str | None, environ: dict[str, str], expected: str
) -> None:
    assert choose_language(config, cli, environ) == expected


def test_choose_language_reads_only_the_mapping_it_is_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert choose_language(None, None, NO_ENV) == "en"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], None),
        (["--demo"], None),
        (["--lang", "zh_CN"], "zh_CN"),
        (["--demo", "--lang=zh_CN"], "zh_CN"),
        (["--lang", "en", "--lang", "zh_CN"], "zh_CN"),  # argparse keeps the last too
        (["login", "--lang", "auto"], "auto"),
        (["--lang"], None),  # argparse will report the missing value
        (["--", "--lang", "zh_CN"], None),
        (["--language", "zh_CN"], None),
    ],
)
def test_lang_from_argv(argv: list[str], expected: str | None) -> None:
    assert lang_from_argv(argv) == expected


def test_every_setting_is_understood() -> None:
    assert LANGUAGE_SETTINGS[0] == "auto"
    for setting in LANGUAGE_SETTINGS[1:]:
        assert setting in LANGUAGE_NAMES
        assert choose_language(setting, None, ZH_ENV if setting == "en" else EN_ENV) == setting


def test_activate_switches_what_underscore_returns() -> None:
    from tootui.i18n import _, current_language

    assert activate("auto", None, {"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    assert current_language() == "zh_CN"
    assert _("now") == "刚刚"
    assert activate("zh_CN", "en", {}) == "en"
    assert _("now") == "now"
