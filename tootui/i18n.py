"""The one translation function for every string the user reads.

Use `_("text")` at the point where the text is shown, and `N_("text")` to mark
text defined at import time (binding descriptions, titles) that is translated
later, when shown, so that switching language needs no restart.
Catalogues are gettext `.mo` files compiled by Babel under `tootui/locale/`.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

DOMAIN = "tootui"
LOCALE_DIR = Path(__file__).parent / "locale"
_LOCALE_NAME = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]{2,8})*")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def set_language(language: str) -> None:
    """Switch the interface language; unknown languages fall back to English."""
    global _translations, _language
    # Only a plain locale name may become a path under LOCALE_DIR.
    if language in ("", "en") or not _LOCALE_NAME.fullmatch(language):
        _translations, _language = gettext.NullTranslations(), "en"
        return
    _translations = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True
    )
    # GNUTranslations subclasses NullTranslations: only the real class means
    # that a catalogue was found.
    found = isinstance(_translations, gettext.GNUTranslations)
    _language = language if found else "en"


def current_language() -> str:
    """The language `_` translates into: "en" or one with a catalogue."""
    return _language


def _(message: str) -> str:
    """Translate `message` into the current language."""
    # gettext("") is the catalogue's header, never something to show.
    return _translations.gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose wording depends on the count `n`."""
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark `message` for extraction; it is translated later with `_`."""
    return message
