"""A markdownify converter that emits terminal text instead of Markdown.

`MarkdownConverter` gives us a careful walk of the HTML (whitespace rules at
block boundaries, newline collapsing between blocks). Everything it would add
for Markdown is replaced: no escaping, no autolinks, no `#` headings, no `*`
emphasis. Styles are written as markers (`tootui.render.markers`); tags we do
not know fall back to their text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from bs4 import Declaration, NavigableString, PageElement, ProcessingInstruction, Tag
from markdownify import (  # type: ignore[attr-defined]  # public helpers, missing from the stub
    MarkdownConverter,
    should_remove_whitespace_inside,
    should_remove_whitespace_outside,
)
from rich.style import Style

from tootui.render import styles
from tootui.render.markers import (
    CLOSE,
    HARD_NEWLINE,
    HARD_SPACE,
    open_marker,
    strip_markers,
)
from tootui.render.sanitize import clean
from tootui.render.wrap import hanging

ConvertFn = Callable[[Tag, str, set[str]], str]

_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
_EDGE_NEWLINES = re.compile(r"^(\n*)((?:.*[^\n])?)(\n*)$", re.DOTALL)
_SHORTCODE = re.compile(r":([A-Za-z0-9_]+):")
_HEADING = re.compile(r"h([1-6])$")

# Block containers with no look of their own: their text on its own lines.
_PLAIN_BLOCKS = frozenset(
    {
        "div", "section", "article", "aside", "header", "footer", "main", "nav", "address",
        "figure", "figcaption", "details", "summary", "table", "thead", "tbody", "tfoot",
        "tr", "caption", "dl", "dt", "dd", "center", "form", "fieldset",
    }
)
_INVISIBLE = frozenset(
    {"script", "style", "template", "noscript", "head", "title", "iframe", "object"}
)
_INLINE_STYLES = {
    "strong": styles.STRONG,
    "b": styles.STRONG,
    "em": styles.EMPHASIS,
    "i": styles.EMPHASIS,
    "cite": styles.EMPHASIS,
    "del": styles.STRIKE,
    "s": styles.STRIKE,
    "strike": styles.STRIKE,
    "u": styles.UNDERLINE,
    "ins": styles.UNDERLINE,
}
_BULLETS = ("•", "◦", "▪")
_QUOTE_BAR = "│"
_QUOTE_PREFIX = hanging(styles.QUOTE_BAR, "repeat")
_BULLET_PREFIX = hanging(styles.LIST_MARKER, "indent")
_INDENT = hanging(Style(), "indent")


def _is_br(node: PageElement | None) -> bool:
    return isinstance(node, Tag) and node.name == "br"


class TerminalConverter(MarkdownConverter):
    """HTML to marked terminal text; subclasses add site-specific markup."""

    def __init__(
        self, *, emoji_shortcodes: Iterable[str] = (), hide_quote_inline: bool = False
    ) -> None:
        super().__init__(autolinks=False, escape_asterisks=False, escape_underscores=False)
        # The quote fallback ("RE: link") goes when the quoted post is shown.
        self.hide_quote_inline = hide_quote_inline
        self.span_styles: list[Style] = []
        self._emoji = frozenset(emoji_shortcodes)
        self._list_positions: dict[int, dict[int, int]] = {}

    # -- helpers shared with subclasses ------------------------------------

    def styled(self, style: Style, text: str) -> str:
        """Wrap `text` in a style marker, keeping edge newlines outside it."""
        lead, body, trail = _EDGE_NEWLINES.match(text).groups()  # type: ignore[union-attr]
        if not body:
            return text
        self.span_styles.append(style)
        return f"{lead}{open_marker(len(self.span_styles) - 1)}{body}{CLOSE}{trail}"

    @staticmethod
    def chomp(text: str) -> tuple[str, str, str]:
        """Split off edge spaces so a styled span does not start or end with one."""
        body = text.strip(" ")
        prefix = " " if text[:1] == " " else ""
        suffix = " " if text[-1:] == " " and body else ""
        return prefix, body, suffix

    @staticmethod
    def visible(marked: str) -> str:
        return strip_markers(marked).strip()

    # -- the walk ----------------------------------------------------------

    def escape(self, text: str, parent_tags: set[str]) -> str:
        return text

    def process_text(self, el: NavigableString, parent_tags: set[str] | None = None) -> str:
        if isinstance(el, ProcessingInstruction | Declaration):
            return ""  # <?xml ...?> and <!...> are no one's words
        parent_tags = parent_tags or set()
        text = clean(str(el))
        if "pre" in parent_tags:
            return text
        text = _HTML_WHITESPACE.sub(" ", text)
        prev, nxt, parent = el.previous_sibling, el.next_sibling, el.parent
        if (
            should_remove_whitespace_outside(prev)
            or _is_br(prev)
            or (should_remove_whitespace_inside(parent) and not prev)
        ):
            text = text.lstrip(" ")
        if (
            should_remove_whitespace_outside(nxt)
            or _is_br(nxt)
            or (should_remove_whitespace_inside(parent) and not nxt)
        ):
            text = text.rstrip(" ")
        if self._emoji and ":" in text:
            text = _SHORTCODE.sub(self._emoji_marker, text)
        return text

    def _emoji_marker(self, match: re.Match[str]) -> str:
        if match.group(1) in self._emoji:
            return self.styled(styles.CUSTOM_EMOJI, match.group(0))
        return match.group(0)

    def get_conv_fn(self, tag_name: str) -> ConvertFn | None:
        name = tag_name.lower()
        if name == "[document]":
            return self.convert__document_
        if heading := _HEADING.match(name):
            level = int(heading.group(1))
            return lambda el, text, parent_tags: self.convert_heading(level, text, parent_tags)
        if name in _INLINE_STYLES:
            style = _INLINE_STYLES[name]
            return lambda el, text, parent_tags: self.convert_inline(style, text, parent_tags)
        if name in _PLAIN_BLOCKS:
            return self.convert_plain_block
        if name in _INVISIBLE:
            return lambda el, text, parent_tags: ""
        method = getattr(self, f"convert_{name}", None) if name.isalnum() else None
        # Only converters defined here or in a subclass: markdownify's own
        # would write Markdown syntax (tables, images, definition lists).
        if method is not None and getattr(MarkdownConverter, f"convert_{name}", None) is getattr(
            type(self), f"convert_{name}", None
        ):
            return None
        return method

    # -- inline ------------------------------------------------------------

    def convert_inline(self, style: Style, text: str, parent_tags: set[str]) -> str:
        if "_noformat" in parent_tags:
            return text
        prefix, body, suffix = self.chomp(text)
        return prefix + self.styled(style, body) + suffix if body else text

    def convert_code(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return self.convert_inline(styles.CODE, text, parent_tags)

    def convert_br(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return " " if "_inline" in parent_tags else "\n"

    def convert_span(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        classes = el.get_attribute_list("class")
        if "invisible" in classes:
            return ""
        if "ellipsis" in classes and text:
            return text + "…"
        if "quote-inline" in classes:
            # Bridges put the quote fallback in a span, not a paragraph.
            return "" if self.hide_quote_inline else self.styled(styles.QUOTE_INLINE, text)
        return text

    def convert_img(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        alt = el.get("alt")
        alt = _HTML_WHITESPACE.sub(" ", clean(alt)).strip() if isinstance(alt, str) else ""
        if not alt:
            return ""
        classes = el.get_attribute_list("class")
        if "emoji" in classes or "custom-emoji" in classes or _SHORTCODE.fullmatch(alt):
            return self.styled(styles.CUSTOM_EMOJI, alt)
        return alt

    def convert_q(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return f"“{text}”"

    # -- blocks ------------------------------------------------------------

    def convert_p(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        text = text.strip(" \n")
        if "_inline" in parent_tags:
            return f" {text} "
        if not text:
            return ""
        if "quote-inline" in el.get_attribute_list("class"):
            if self.hide_quote_inline:
                return ""
            text = self.styled(styles.QUOTE_INLINE, text)
        return f"\n\n{text}\n\n"

    def convert_plain_block(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        text = text.strip(" \n")
        if "_inline" in parent_tags:
            return f" {text} "
        return f"\n{text}\n" if text else ""

    def convert_td(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return f" {text.strip()} "

    convert_th = convert_td

    def convert_hr(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return "\n\n" + self.styled(styles.META, "───") + "\n\n"

    def convert_heading(self, level: int, text: str, parent_tags: set[str]) -> str:
        text = text.strip(" \n")
        if "_inline" in parent_tags:
            return text
        return f"\n\n{self.styled(styles.HEADING, text)}\n\n" if text else ""

    def convert_pre(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        text = text.strip("\n")
        if not text:
            return ""
        # Hard spaces and newlines: the tidying pass must not touch them.
        protected = text.replace(" ", HARD_SPACE).replace("\n", HARD_NEWLINE)
        return f"\n\n{self.styled(styles.CODE, protected)}\n\n"

    def convert_blockquote(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        text = text.strip(" \n")
        if "_inline" in parent_tags:
            return f" {text} "
        if not text:
            return ""
        lines = re.split(f"(\n|{HARD_NEWLINE})", text)
        out: list[str] = []
        for part in lines:
            if part in ("\n", HARD_NEWLINE):
                out.append(part)
            elif strip_markers(part):
                # The bar and its space: repeated on every wrapped line.
                out.append(self.styled(_QUOTE_PREFIX, _QUOTE_BAR + HARD_SPACE) + part)
            else:
                out.append(self.styled(styles.QUOTE_BAR, _QUOTE_BAR) + part)
        return "\n\n" + "".join(out) + "\n\n"

    def convert_ul(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if "li" in parent_tags:
            return "\n" + text.strip("\n")
        return "\n\n" + text.strip("\n") + "\n\n"

    convert_ol = convert_ul

    def _list_position(self, el: Tag) -> int:
        parent = el.parent
        if parent is None:
            return 0
        positions = self._list_positions.get(id(parent))
        if positions is None:
            # Numbered once per list: asking each item for its previous
            # siblings is quadratic, and lists from strangers can be long.
            items = (c for c in parent.children if isinstance(c, Tag) and c.name == "li")
            positions = {id(item): n for n, item in enumerate(items)}
            self._list_positions[id(parent)] = positions
        return positions.get(id(el), 0)

    def convert_li(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        text = text.strip(" \n")
        parent = el.parent
        if parent is not None and parent.name == "ol":
            start_attr = parent.get("start")
            start = 1
            if isinstance(start_attr, str) and start_attr.strip().lstrip("-").isdigit():
                start = max(-(10**6), min(10**6, int(start_attr.strip())))
            bullet = f"{start + self._list_position(el)}."
        else:
            depth = sum(1 for p in el.parents if p.name == "ul") - 1
            bullet = _BULLETS[max(0, depth) % len(_BULLETS)]
        indent = self.styled(_INDENT, HARD_SPACE * (len(bullet) + 1))
        # Continuation lines line up under the text (wrapped ones too: the
        # prefixes hang); blank lines stay blank.
        first, *rest = text.split("\n")
        body = "\n".join(
            [first] + [indent + ln if strip_markers(ln).strip() else ln for ln in rest]
        )
        return self.styled(_BULLET_PREFIX, bullet + HARD_SPACE) + body + "\n"

    def convert__document_(self, el: Any, text: str, parent_tags: set[str]) -> str:
        return text.strip("\n")
