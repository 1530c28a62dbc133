"""A quoted post under the quoting one, the way Mastodon 4.5 and Akkoma show it.

The quoted status is drawn as its author line and text behind a bar, with
its attachments listed; its own quote (a quote of a quote) is not followed,
only its fallback line stays, as Mastodon does. A quote the server will not
show (pending, deleted, refused) is one line that says so.
"""

from __future__ import annotations

from rich.text import Text

from tootui.i18n import _
from tootui.models import Status
from tootui.render import styles
from tootui.render.account import account_header
from tootui.render.extras import media_lines
from tootui.render.html import LinkTarget, render_html
from tootui.render.inline import emoji_text
from tootui.render.sanitize import safe_url
from tootui.render.wrap import hanging

_BAR = "│ "
_MARK = "❝ "


_BAR_STYLE = hanging(styles.QUOTE_BAR, "repeat")


def _barred(line: Text) -> Text:
    # The bar hangs: `wrap` repeats it on each line the text wraps onto.
    out = Text()
    out.append(_BAR, _BAR_STYLE)  # a span, not the line's base style
    out.append_text(line)
    return out


def _state_line(state: str) -> Text | None:
    if state in ("", "accepted"):
        return None
    if state == "pending":
        label = _("The quoted post awaits its author's approval")
    elif state in ("deleted", "revoked"):
        label = _("The quoted post was removed")
    else:
        label = _("The quoted post is not available")
    return Text(_MARK + label, styles.META)


def quote_lines(status: Status, local_domain: str | None) -> tuple[list[Text], list[LinkTarget]]:
    """Extra lines for `status`'s quote (none when it quotes nothing), and
    the quoted post's link targets."""
    quoted = status.quote
    if quoted is None:
        line = _state_line(status.quote_state)
        return ([line] if line is not None else []), []
    header = Text()
    header.append(_MARK, styles.QUOTE_BAR)
    header.append_text(account_header(quoted.account, local_domain))
    lines = [header]
    if quoted.spoiler_text.strip():
        lines.append(_barred(emoji_text(quoted.spoiler_text, quoted.emojis, styles.SPOILER)))
    body = render_html(
        quoted.content_html,
        mentions=quoted.mentions,
        emojis=quoted.emojis,
        local_domain=local_domain,
    )
    if body.text.plain:
        lines.extend(_barred(line) for line in body.text.split("\n", allow_blank=True))
    lines.extend(_barred(line) for line in media_lines(quoted.media_attachments))
    links = list(body.links)
    url = safe_url(quoted.url or quoted.uri)
    if url is not None:
        links.append(LinkTarget(url, "link", _("quoted post")))
    return lines, links
