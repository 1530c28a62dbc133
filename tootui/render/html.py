"""Status HTML to styled terminal text (`rich.text.Text`).

The HTML is walked by markdownify's converter (`TerminalConverter`), but
nothing is ever turned into or read as Markdown: escaping and autolinks are
off, so text that merely looks like Markdown (`-第一步`, `====`, `*stars*`,
`1.` at a line start) stays exactly as written. Styles travel through the
converter's string pipeline as private markers (see `markers`); server text
cannot forge them because `sanitize.clean` strips every control character
from it first.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from rich.style import Style
from rich.text import Text

from tootui.models import CustomEmoji, Mention
from tootui.render import styles
from tootui.render.convert import TerminalConverter
from tootui.render.markers import build_text
from tootui.render.rendered import LinkKind, LinkTarget
from tootui.render.sanitize import clean, safe_url

__all__ = ["LinkKind", "LinkTarget", "RenderedHTML", "render_html"]

# A hostile server can send megabytes; nothing legitimate comes near this.
MAX_HTML_CHARS = 200_000

_TAG_LIKE = re.compile(r"<[A-Za-z!/?]")
# Lone surrogates (from JSON "\ud800" escapes) make the parser itself raise.
_SURROGATES = re.compile("[\ud800-\udfff]")

# An XML prolog says nothing to a reader (and makes bs4 warn on every parse).
_XML_PROLOG = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)

# Status text that looks like a file name or URL is still status text.
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class RenderedHTML:
    text: Text
    links: tuple[LinkTarget, ...]


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _normalised_for_compare(s: str) -> str:
    # Shortened link text ends in "…" (Mastodon) or "..." (bridges).
    s = s.strip().lower().rstrip("…./")
    for prefix in ("https://", "http://"):
        if s.startswith(prefix):
            s = s[len(prefix) :]
    return s.removeprefix("www.")


def _text_shows_target(visible: str, url: str) -> bool:
    """Whether link text honestly shows where the link goes.

    True for the URL itself, or a prefix of it cut at a boundary, or cut
    by Mastodon's shortening (`…`) once the whole host is shown, so that
    "bank.example" never passes for "bank.example.evil.test".
    """
    shown, target = _normalised_for_compare(visible), _normalised_for_compare(url)
    if not shown or not target.startswith(shown):
        return False
    rest = target[len(shown) :]
    if not rest or rest[0] in "/?#":
        return True
    return visible.rstrip().endswith(("…", "...")) and "/" in shown


class StatusConverter(TerminalConverter):
    """Adds Mastodon's own markup: mentions, hashtags and shortened links."""

    def __init__(
        self,
        *,
        mentions: Sequence[Mention],
        emojis: Iterable[str],
        local_domain: str | None,
        hide_quote_inline: bool = False,
    ) -> None:
        super().__init__(emoji_shortcodes=emojis, hide_quote_inline=hide_quote_inline)
        self._mentions_by_url = {m.url: m for m in mentions if m.url}
        self._mentions_by_username: dict[str, Mention | None] = {}
        for m in mentions:
            # An ambiguous username (same name on two servers) matches nothing.
            key = m.username.lower()
            self._mentions_by_username[key] = None if key in self._mentions_by_username else m
        self._local_domain = (local_domain or "").lower() or None
        self.links: list[LinkTarget] = []

    def convert_a(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        prefix, body, suffix = self.chomp(text)
        href = el.get("href")
        # A target with control characters is refused, not repaired.
        url = safe_url(href) if isinstance(href, str) else None
        visible = self.visible(body)
        classes = set(el.get_attribute_list("class"))
        rels = set(el.get_attribute_list("rel"))
        if "_noformat" in parent_tags or url is None:
            return text
        if self.hide_quote_inline and any(
            "quote-inline" in p.get_attribute_list("class") for p in el.parents
        ):
            return ""  # the fallback line goes, and its link with it
        if "hashtag" in classes or "tag" in rels or (
            "mention" in classes and visible.startswith("#")
        ):
            label = visible if visible.startswith("#") else "#" + visible
            self.links.append(LinkTarget(url, "hashtag", label))
            return prefix + self.styled(styles.HASHTAG + Style(link=url), body) + suffix
        if "mention" in classes or ("u-url" in classes and visible.startswith("@")):
            label = self._mention_label(url, visible)
            self.links.append(LinkTarget(url, "mention", label))
            out = self.styled(styles.MENTION + Style(link=url), label)
            host = self._mention_elsewhere(url, label)
            if host:
                out += " " + self.styled(styles.LINK_DOMAIN, f"({host})")
            return prefix + out + suffix
        host = _host(url)
        if not visible:
            body = visible = host
        self.links.append(LinkTarget(url, "link", visible))
        out = self.styled(styles.LINK + Style(link=url), body)
        if not _text_shows_target(visible, url):
            # The text hides where the link goes ("click here", or a URL that
            # is not this one): say where it really goes.
            out += " " + self.styled(styles.LINK_DOMAIN, f"({host})")
        return prefix + out + suffix

    def _mention_elsewhere(self, url: str, label: str) -> str:
        """The link's host when a mention's text names an account on another
        server than the one it links to ("@admin@bank.example" linking to
        evil.example), else "". A mention the status lists under this URL
        is taken as it is: servers may serve accounts from a web domain
        other than their handle's."""
        if url in self._mentions_by_url:
            return ""
        host = _host(url)
        domain = (label.partition("@")[2].partition("@")[2] or self._local_domain or "").lower()
        if not host or not domain or host == domain or host.endswith("." + domain):
            return ""
        return host

    def _mention_label(self, url: str, visible: str) -> str:
        mention = self._mentions_by_url.get(url)
        name = visible.lstrip("@")
        if mention is None and name:
            mention = self._mentions_by_username.get(name.split("@", 1)[0].lower())
        if mention is not None and mention.acct:
            acct = clean(mention.acct)
        elif "@" in name:
            acct = name
        else:
            host = _host(url)
            acct = f"{name}@{host}" if host else name
        user, _, domain = acct.partition("@")
        if domain and self._local_domain and domain.lower() == self._local_domain:
            acct = user
        return "@" + acct


def _soup(html: str) -> BeautifulSoup:
    if len(html) > MAX_HTML_CHARS:
        html = html[:MAX_HTML_CHARS] + "…"
    html = _XML_PROLOG.sub("", _SURROGATES.sub("", html))
    if not _TAG_LIKE.search(html):
        # Plain-text content (some servers, deleted-status `text`): its line
        # breaks are real line breaks, not HTML whitespace.
        html = html.replace("\r\n", "\n").replace("\n", "<br>")
    return BeautifulSoup(html, "html.parser")


def render_html(
    html: str | None,
    *,
    mentions: Sequence[Mention] = (),
    emojis: Iterable[CustomEmoji] = (),
    local_domain: str | None = None,
    hide_quote_inline: bool = False,
) -> RenderedHTML:
    """Render status (or bio, or field) HTML to styled text and its link targets.

    `hide_quote_inline` drops a quote post's fallback line ("RE: link"),
    for when the caller shows the quoted post itself.
    """
    if not html:
        return RenderedHTML(Text(), ())
    soup = _soup(html)
    converter = StatusConverter(
        mentions=mentions,
        emojis=(e.shortcode for e in emojis),
        local_domain=local_domain,
        hide_quote_inline=hide_quote_inline,
    )
    try:
        marked = converter.convert_soup(soup)
    except RecursionError:
        # Absurdly deep nesting: keep the words, drop the structure.
        plain = _WHITESPACE.sub(" ", clean(soup.get_text(" "))).strip()
        return RenderedHTML(Text(plain), ())
    return RenderedHTML(build_text(marked, converter.span_styles), _dedupe(converter.links))


def _dedupe(links: list[LinkTarget]) -> tuple[LinkTarget, ...]:
    seen: set[tuple[str, str]] = set()
    out: list[LinkTarget] = []
    for link in links:
        key = (link.url, link.kind)
        if key not in seen:
            seen.add(key)
            out.append(link)
    return tuple(out)
