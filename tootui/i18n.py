"""The one translation function for every string the user reads.

Use `_("text")` at the point where the text is shown, and `N_("text")` to mark
text defined at import time (binding descriptions, titles) that is translated
later, when shown, so that switching language needs no restart.
Catalogues are gettext `.mo` files compiled by Babel under `tootui/locale/`.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "tootui"
LOCALE_DIR = Path(__file__).parent / "locale"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def set_language(language: str) -> None:
    """Switch the interface language; unknown languages fall back to English."""
    global _translations, _language
    if language in ("", "en"):
        _translations, _language = gettext.NullTranslations(), "en"
        return
    _translations = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True
    )
    _language = language if not isinstance(_translations, gettext.NullTranslations) else "en"


def current_language() -> str:
    return _language


def _(message: str) -> str:
    """Translate `message` into the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose wording depends on the count `n`."""
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark `message` for extraction; it is translated later with `_`."""
    return message
