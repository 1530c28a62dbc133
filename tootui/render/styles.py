"""The Rich styles the renderer attaches to spans of status text.

Concrete `Style` objects rather than theme names: the output must convert to
Textual content without a theme lookup. Links get `Style(link=url)` on top of
`LINK`, and only for URLs that `sanitize.safe_url` accepted.
"""

from __future__ import annotations

from rich.style import Style

DISPLAY_NAME = Style(bold=True)
ACCT = Style(dim=True)
MENTION = Style(color="cyan")
HASHTAG = Style(color="magenta")
LINK = Style(color="blue", underline=True)
LINK_DOMAIN = Style(dim=True)
CUSTOM_EMOJI = Style(color="yellow")
STRONG = Style(bold=True)
EMPHASIS = Style(italic=True)
STRIKE = Style(strike=True)
UNDERLINE = Style(underline=True)
CODE = Style(color="green")
HEADING = Style(bold=True, underline=True)
QUOTE_BAR = Style(dim=True)
QUOTE_INLINE = Style(dim=True, italic=True)
LIST_MARKER = Style(dim=True)
META = Style(dim=True)
SPOILER = Style(bold=True, color="yellow")
MISSING_ALT = Style(dim=True, italic=True)
VERIFIED = Style(color="green", bold=True)
