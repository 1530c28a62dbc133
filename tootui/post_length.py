"""How long a post is by the server's rules, for the compose pane's counter.

Mastodon counts the content warning and the text together, every URL as the
instance's `characters_reserved_per_url` whatever its real length, a remote
mention (`@name@domain`) by its local part only, and characters as the reader
sees them (grapheme clusters: a CJK character, or an emoji made of several code
points, counts one). Grapheme clusters are approximated without a dependency:
combining marks, variation selectors, skin-tone modifiers and anything joined
by a zero-width joiner add nothing.
"""

from __future__ import annotations

import re
import unicodedata

DEFAULT_MAX_CHARACTERS = 500
DEFAULT_URL_LENGTH = 23

# Trailing punctuation is prose, not part of the link (as twitter-text decides).
_URL = re.compile(r"https?://[^\s<>\"]*[^\s<>\".,;:!?'\)\]}，。！？、）」』]", re.IGNORECASE)
_REMOTE_MENTION = re.compile(r"(?<![\w@])(@\w+)@[\w.-]*\w", re.UNICODE)
_ZWJ = "\u200d"


def _is_extender(char: str) -> bool:
    code = ord(char)
    return (
        unicodedata.combining(char) != 0
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tag characters (subdivision flags)
        or unicodedata.category(char) == "Me"
    )


def grapheme_count(text: str) -> int:
    """Characters as a reader counts them (an approximation of grapheme clusters)."""
    total = 0
    joined = False
    regional = 0
    for char in text:
        if char == _ZWJ:
            joined = True
            continue
        if joined or _is_extender(char):
            joined = False
            continue
        if 0x1F1E6 <= ord(char) <= 0x1F1FF:  # a flag is two regional indicators
            regional += 1
            if regional % 2 == 0:
                continue
        else:
            regional = 0
        total += 1
    return total


def post_length(text: str, spoiler_text: str = "", *,
                url_length: int = DEFAULT_URL_LENGTH) -> int:
    """The length the server will count for a post with this text and warning."""
    countable = _URL.sub("x" * url_length, text)
    countable = _REMOTE_MENTION.sub(r"\1", countable)
    return grapheme_count(countable) + grapheme_count(spoiler_text)
