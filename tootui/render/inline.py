"""Plain-text server fields (names, spoilers, alt text, titles) as safe `Text`.

These fields are not HTML: they are cleaned, their custom emoji shortcodes are
marked, and nothing in them is read as markup (`Text.append` never parses).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.style import Style
from rich.text import Text

from tootui.models import CustomEmoji
from tootui.render import styles
from tootui.render.sanitize import clean

_SHORTCODE = re.compile(r":([A-Za-z0-9_]+):")
_WHITESPACE = re.compile(r"\s+")


def plain(s: str | None) -> str:
    """One line of safe text: cleaned, whitespace runs (newlines too) as one space."""
    return _WHITESPACE.sub(" ", clean(s or "")).strip()


def emoji_text(
    s: str | None,
    emojis: Iterable[CustomEmoji],
    style: Style | None = None,
    *,
    multiline: bool = False,
) -> Text:
    """`s` as a Text in `style`, with known `:shortcode:` emoji marked.

    Without images the shortcode itself is the fallback, so it stays as
    written; marking it lets it stand out from the words around it.
    """
    if multiline:
        cleaned = "\n".join(line.strip() for line in clean(s or "").strip().splitlines())
    else:
        cleaned = plain(s)
    text = Text(cleaned, style=style or "")
    codes = {e.shortcode for e in emojis}
    if codes and ":" in cleaned:
        for match in _SHORTCODE.finditer(cleaned):
            if match.group(1) in codes:
                text.stylize(styles.CUSTOM_EMOJI, match.start(), match.end())
    return text
