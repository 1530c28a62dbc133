"""Plain status text to the HTML Mastodon itself produces.

Mastodon escapes the text, links URLs (with its `invisible`/`ellipsis` spans),
known mentions (`h-card`) and hashtags, turns blank lines into paragraphs and
single newlines into `<br>`. Stored content holds `BASE` where this instance's
own URL goes, because the port changes from run to run; `entities` swaps it in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

BASE = "\x00base\x00"

# URLs first (a `#fragment` inside one is no hashtag), then mentions and tags
# in the text between them.
_URL_RE = re.compile(r"(?<![\w@$#])https?://[^\s<>\"'【】「」()（）]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?。,、;:!?…"
_MENTION_RE = re.compile(
    r"(?<![=/\w])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@([\w.-]+\w+))?", re.IGNORECASE
)
_HASHTAG_RE = re.compile(r"(?<![/)\w#])#(\w*[^\W\d]\w*)")


def escape(text: str) -> str:
    """HTML-escape as Rails does (`&#39;` for the apostrophe)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


@dataclass
class Formatted:
    """The HTML plus the entities Mastodon lists beside it."""

    html: str
    mentions: list[str] = field(default_factory=list)  # usernames, first-seen order
    tags: list[str] = field(default_factory=list)  # as written; lowercase for `tags`
    urls: list[str] = field(default_factory=list)


def link_html(url: str) -> str:
    """A URL as Mastodon shows it: scheme and `www.` hidden, cut after 30 chars."""
    match = re.match(r"https?://(?:www\.)?", url, re.IGNORECASE)
    prefix = match.group(0) if match else ""
    rest = url[len(prefix) :]
    shown, hidden = rest[:30], rest[30:]
    middle = "ellipsis" if hidden else ""
    esc = escape
    return (
        f'<a href="{esc(url)}" target="_blank" rel="nofollow noopener" translate="no">'
        f'<span class="invisible">{esc(prefix)}</span>'
        f'<span class="{middle}">{esc(shown)}</span>'
        f'<span class="invisible">{esc(hidden)}</span></a>'
    )


def mention_html(username: str, base: str = BASE) -> str:
    esc = escape(username)
    return (
        f'<span class="h-card" translate="no"><a href="{base}/@{esc}" class="u-url mention">'
        f"@<span>{esc}</span></a></span>"
    )


def hashtag_html(tag: str, base: str = BASE) -> str:
    esc = escape(tag)
    return f'<a href="{base}/tags/{esc}" class="mention hashtag" rel="tag">#<span>{esc}</span></a>'


def _split_urls(text: str) -> list[tuple[str, bool]]:
    """Pieces of `text`, each flagged whether it is a URL."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for match in _URL_RE.finditer(text):
        url = match.group(0).rstrip(_URL_TRAILING)
        if len(url) <= len(match.group(0).split("://", 1)[0]) + 3:
            continue
        pieces.append((text[pos : match.start()], False))
        pieces.append((url, True))
        pos = match.start() + len(url)
    pieces.append((text[pos:], False))
    return pieces


def format_text(text: str, is_local_user: Callable[[str], bool]) -> Formatted:
    """Mastodon's TextFormatter for a local post; unknown mentions stay plain text."""
    result = Formatted(html="")
    paragraphs = re.split(r"\n{2,}", text.replace("\r\n", "\n").strip("\n"))
    out: list[str] = []
    for paragraph in paragraphs:
        lines = [_format_line(line, is_local_user, result) for line in paragraph.split("\n")]
        out.append("<p>" + "<br>".join(lines) + "</p>")
    result.html = "".join(out)
    return result


def _format_line(line: str, is_local_user: Callable[[str], bool], result: Formatted) -> str:
    parts: list[str] = []
    for piece, is_url in _split_urls(line):
        if is_url:
            result.urls.append(piece)
            parts.append(link_html(piece))
        else:
            parts.append(_format_words(piece, is_local_user, result))
    return "".join(parts)


def _format_words(text: str, is_local_user: Callable[[str], bool], result: Formatted) -> str:
    tokens: list[tuple[int, int, str]] = []
    for match in _MENTION_RE.finditer(text):
        username, domain = match.group(1), match.group(2)
        if domain is None and is_local_user(username):
            tokens.append((match.start(), match.end(), mention_html(username)))
            if username not in result.mentions:
                result.mentions.append(username)
    for match in _HASHTAG_RE.finditer(text):
        if any(start <= match.start() < end for start, end, _ in tokens):
            continue
        tag = match.group(1)
        tokens.append((match.start(), match.end(), hashtag_html(tag)))
        if tag.lower() not in (t.lower() for t in result.tags):
            result.tags.append(tag)
    tokens.sort()
    out: list[str] = []
    pos = 0
    for start, end, markup in tokens:
        out.append(escape(text[pos:start]))
        out.append(markup)
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)
