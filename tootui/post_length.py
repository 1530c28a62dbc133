"""How long a post is, counted the way a Mastodon server counts it.

The server counts characters, not bytes and not terminal cells: "你好" is 2, as
"hi" is, although it takes four cells on screen. Every URL counts as the
instance's `characters_reserved_per_url` (23 on Mastodon) whatever its length, and
a remote mention as its local part (`@name@example.social` counts as `@name`).
The content warning counts towards the same limit.
"""

from __future__ import annotations

import re

#: Mastodon's default limit, for a server that does not say its own.
DEFAULT_MAX_CHARACTERS = 500
DEFAULT_URL_LENGTH = 23

_URL = re.compile(r"(?<![\w@$#])https?://[^\s<>\"'()（）「」【】]+", re.IGNORECASE)
_REMOTE_MENTION = re.compile(r"(?<![=/\w])(@[a-z0-9_]+(?:[a-z0-9_.-]*[a-z0-9_])?)@[\w.-]+\w",
                             re.IGNORECASE)


def post_length(text: str, spoiler_text: str = "", *,
                url_length: int = DEFAULT_URL_LENGTH) -> int:
    """The length the server checks against its limit: one per character (code point)."""
    countable = _URL.sub("x" * url_length, text)
    countable = _REMOTE_MENTION.sub(r"\1", countable)
    return len(countable) + len(spoiler_text)
