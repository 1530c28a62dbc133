"""Which language the interface speaks: config, command line, environment.

Precedence, highest first:

1. `--lang` on the command line, because it is the most deliberate and the most
   local choice (one run), it overrides the config file;
2. `language` in `config.toml`;
3. with `auto` (the default, and what `--lang auto` asks for) the environment, the
   way gettext reads it: the first of `LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`
   that is set and not empty. `LANGUAGE` is a colon-separated list of preferences,
   tried in order; as in GNU gettext, an explicit `LC_ALL=C` (or `POSIX`) overrides
   it, so `LC_ALL=C tootui` always gives English.

Simplified Chinese is chosen for `zh_CN`, `zh_CN.UTF-8`, `zh-Hans`, `zh_SG`,
`zh_Hans_CN` and bare `zh`; Traditional Chinese (`zh_TW`, `zh_HK`, `zh-Hant`) has no
catalogue yet. Anything unknown falls back to English, silently: a locale we cannot
serve is no reason to refuse to start.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from tootui.i18n import N_, current_language, set_language

ENGLISH = "en"
SIMPLIFIED_CHINESE = "zh_CN"
AUTO = "auto"

#: The languages with a catalogue (English is the source language), each named in
#: itself, which is how a language menu should show them whatever the current one.
LANGUAGE_NAMES: dict[str, str] = {ENGLISH: "English", SIMPLIFIED_CHINESE: "简体中文"}

#: The values the `language` setting accepts, in menu order.
LANGUAGE_SETTINGS: tuple[str, ...] = (AUTO, ENGLISH, SIMPLIFIED_CHINESE)

#: How the `auto` setting is labelled in a menu (translate with `_` when shown).
AUTO_LABEL = N_("Automatic (from the environment)")

_ENV_ORDER = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_C_LOCALES = frozenset({"c", "posix"})
_SIMPLIFIED_SCRIPT = "Hans"


def supported(tag: str) -> str | None:
    """The supported language a locale tag asks for, or None when we have none.

    Accepts POSIX locale names (`zh_CN.UTF-8@modifier`) and BCP 47 tags (`zh-Hans-CN`),
    in any letter case.
    """
    base = tag.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    if not base:
        return None
    parts = base.split("_")
    language = parts[0].lower()
    if language in _C_LOCALES or language == "en":
        return ENGLISH
    if language != "zh":
        return None
    script, region = _script_and_region(parts[1:])
    if script is None:
        script = _likely_script(region)
    return SIMPLIFIED_CHINESE if script == _SIMPLIFIED_SCRIPT else None


def _script_and_region(subtags: Sequence[str]) -> tuple[str | None, str | None]:
    script = region = None
    for subtag in subtags:
        if len(subtag) == 4 and subtag.isalpha() and script is None:
            script = subtag.title()
        elif region is None and ((len(subtag) == 2 and subtag.isalpha()) or subtag.isdigit()):
            region = subtag.upper()
    return script, region


@cache
def _likely_script(region: str | None) -> str | None:
    """The script Chinese is usually written in for a region, from CLDR's data.

    CLDR's likely subtags say zh_TW, zh_HK, zh_MO (and zh_US) are Traditional;
    regions it does not list, such as SG and MY, inherit plain `zh`: Simplified.
    """
    from babel.core import get_global

    likely = get_global("likely_subtags")
    expanded = (region and likely.get(f"zh_{region}")) or likely.get("zh", "zh_Hans_CN")
    parts = str(expanded).split("_")
    return parts[1] if len(parts) > 2 else None


def from_environment(environ: Mapping[str, str]) -> str:
    """The language the standard locale variables ask for; English when unknown."""
    lc_all = environ.get("LC_ALL", "").strip()
    for name in _ENV_ORDER:
        value = environ.get(name, "").strip()
        if not value:
            continue
        if name == "LANGUAGE":
            if lc_all.split(".", 1)[0].lower() in _C_LOCALES:
                continue
            for entry in value.split(":"):
                choice = supported(entry) if entry.strip() else None
                if choice is not None:
                    return choice
            # gettext shows the untranslated (English) text when no entry has a
            # catalogue; it does not go on to LC_ALL or LANG.
            return ENGLISH
        return supported(value) or ENGLISH
    return ENGLISH


def choose_language(
    config_value: str | None, cli_value: str | None, environ: Mapping[str, str]
) -> str:
    """The interface language, "en" or "zh_CN", from every place a user can ask.

    `cli_value` is `--lang` (None when absent); `config_value` is the config's
    `language` (None when unset, which means `auto`).
    """
    for value in (cli_value, config_value):
        if value is None or not value.strip():
            continue
        if value.strip().lower() == AUTO:
            return from_environment(environ)
        return supported(value) or ENGLISH
    return from_environment(environ)


def activate(
    config_value: str | None, cli_value: str | None, environ: Mapping[str, str]
) -> str:
    """Choose the language as `choose_language` does and switch to it; returns it.

    Safe to call again (after the config file is read, or when the user picks
    another language in the app): `_` translates into the new language at once.
    """
    set_language(choose_language(config_value, cli_value, environ))
    return current_language()


def lang_from_argv(argv: Sequence[str]) -> str | None:
    """The value of `--lang` in a command line, read before argparse runs.

    The parser's own help text is translated, so the language must be known before
    the parser is built: this looks for `--lang X` / `--lang=X` and nothing else.
    Scanning stops at `--`, which ends the options.
    """
    found: str | None = None
    args = list(argv)
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return found
