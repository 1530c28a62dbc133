"""argparse's own words ("usage:", "options", its error messages) in tootui's language.

argparse translates its messages with `gettext.gettext`, which it binds into its
module as `_` (and `ngettext`) on import: gettext's global domain, in the language
of the environment, with no catalogue shipped for it. tootui's language can come
from `--lang` or the config instead, so `use_tootui_language()` points those two
names at tootui's own catalogue of argparse's messages (the `argparse` domain
beside `tootui` in `tootui/locale/`; see `tootui/locale/argparse_catalogue.py`),
read in whatever language `tootui.i18n` speaks at the moment a message is shown.
"""

from __future__ import annotations

import argparse
import gettext
from functools import cache

from tootui.i18n import LOCALE_DIR, current_language

DOMAIN = "argparse"


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True)


def argparse_gettext(message: str) -> str:
    """argparse's `_`: `message` in the current interface language."""
    return _catalogue(current_language()).gettext(message) if message else message


def argparse_ngettext(singular: str, plural: str, n: int) -> str:
    """argparse's `ngettext`, in the current interface language."""
    return _catalogue(current_language()).ngettext(singular, plural, n)


def use_tootui_language() -> None:
    """Make argparse speak the language `tootui.i18n` speaks (idempotent)."""
    argparse._ = argparse_gettext  # type: ignore[attr-defined]
    argparse.ngettext = argparse_ngettext  # type: ignore[attr-defined]
