"""What the compose pane may complete: the @mention, #hashtag or :emoji: being typed.

Pure text logic; the UI asks the server for candidates and shows them. A
token starts after a space (or at the line's start) and runs to the cursor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# @name or @name@domain, #tag, :short_code (emoji need two characters to be
# worth asking about: ":)" and "10:30" are not emoji).
_TOKEN = re.compile(r"(?:^|(?<=[\s(]))(?:(@)([\w.]+(?:@[\w.-]*)?)|(#)(\w+)|(:)(\w{2,}))$")


@dataclass(frozen=True, slots=True)
class Token:
    """`kind` is "@", "#" or ":"; `query` is what follows it; `start` its column."""

    kind: str
    query: str
    start: int

    def completed(self, value: str) -> str:
        """The text that replaces the token: `@alice@host `, `#NeoDB `, `:blobcat: `."""
        if self.kind == ":":
            return f":{value}: "
        return f"{self.kind}{value} "


def token_before(line: str, column: int) -> Token | None:
    """The completable token that ends at `column` of `line`, if any."""
    match = _TOKEN.search(line[:column])
    if match is None:
        return None
    for kind_group in (1, 3, 5):
        kind = match.group(kind_group)
        if kind:
            query = match.group(kind_group + 1)
            return Token(kind=kind, query=query, start=column - len(query) - 1)
    return None
