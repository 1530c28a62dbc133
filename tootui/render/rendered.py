"""What rendering produces, apart from how: `RenderedStatus` and `LinkTarget`.

Kept away from the HTML converter so a rendering read back from the cache
(`stored`) can be painted without importing BeautifulSoup and markdownify:
the first paint of a warm start never renders HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from rich.text import Text

LinkKind = Literal["link", "mention", "hashtag"]


@dataclass(frozen=True, slots=True)
class LinkTarget:
    """Something in a status the user can open: a link, a mention or a hashtag."""

    url: str
    kind: LinkKind
    label: str


@dataclass(frozen=True, slots=True)
class RenderedStatus:
    """The pieces of one rendered status. Cached and shared: copy a `Text`
    before changing it."""

    header: Text
    boosted_by: Text | None
    reply_to: Text | None
    spoiler: Text | None
    body: Text
    extras: tuple[Text, ...]
    links: tuple[LinkTarget, ...]
    created_at: datetime | None
    # The first `media_count` extras are the attachments (hidden when sensitive).
    media_count: int = 0
