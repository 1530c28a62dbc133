"""The lines under a status body: media with alt text, the link card, the poll."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from rich.style import Style
from rich.text import Text

from tootui.i18n import N_, _, ngettext
from tootui.l10n import count
from tootui.models import Card, MediaAttachment, Poll
from tootui.render import styles
from tootui.render.inline import emoji_text, plain
from tootui.render.rendered import LinkTarget
from tootui.render.sanitize import safe_url

_MEDIA_KINDS = {
    "image": N_("Image"),
    "gifv": N_("GIF"),
    "video": N_("Video"),
    "audio": N_("Audio"),
}
_OTHER_MEDIA = N_("Attachment")


def media_lines(media: Sequence[MediaAttachment]) -> list[Text]:
    """One line per attachment: its kind and its alt text, or that it has none."""
    lines: list[Text] = []
    for item in media:
        kind = _(_MEDIA_KINDS.get(item.type, _OTHER_MEDIA))
        line = Text("▣ " + kind + ": ", styles.META)
        alt = emoji_text(item.description, (), multiline=True)
        if alt.plain:
            line.append_text(alt)
        else:
            line.append(_("[no alt text]"), styles.MISSING_ALT)
        url = safe_url(item.url or item.remote_url)
        if url:
            line.stylize(Style(link=url), 0, 1)
        lines.append(line)
    return lines


# A card's description is a teaser, not the post: a line or two at most.
CARD_DESCRIPTION_CHARS = 160


def card_description(card: Card) -> Text | None:
    """The card's description on one line, cut short, under its title."""
    description = plain(card.description)
    if not description:
        return None
    if len(description) > CARD_DESCRIPTION_CHARS:
        description = description[: CARD_DESCRIPTION_CHARS - 1].rstrip() + "…"
    return Text("   " + description, styles.META)


def card_line(card: Card) -> tuple[Text, LinkTarget | None]:
    """The link card, compact: its title (or provider) and the real domain."""
    url = safe_url(card.url)
    host = ""
    if url:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:
            host = ""
    title = plain(card.title) or plain(card.provider_name) or host
    line = Text("🔗 ", styles.META)
    line.append(title, styles.LINK + Style(link=url) if url else styles.STRONG)
    if host and host != title:
        line.append(" (" + plain(host) + ")", styles.LINK_DOMAIN)
    target = LinkTarget(url, "link", title) if url else None
    return line, target


def poll_lines(poll: Poll) -> list[Text]:
    """Each option with its votes (hidden counts shown as such), then a total."""
    total = sum(o.votes_count or 0 for o in poll.options)
    lines: list[Text] = []
    for number, option in enumerate(poll.options):
        chosen = number in poll.own_votes
        marks = ("☑ ", "☐ ") if poll.multiple else ("◉ ", "○ ")
        marker = marks[0] if chosen else marks[1]
        line = Text(marker, styles.META)
        line.append_text(emoji_text(option.title, poll.emojis))
        if option.votes_count is None:
            line.append("  " + _("(hidden)"), styles.META)
        else:
            share = round(100 * option.votes_count / total) if total else 0
            votes = ngettext("{n} vote", "{n} votes", option.votes_count).format(
                n=count(option.votes_count)
            )
            line.append(f"  {votes} · {share}%", styles.META)
        lines.append(line)
    if poll.voters_count is not None:
        n = poll.voters_count
        summary = ngettext("{n} person voted", "{n} people voted", n).format(n=count(n))
    else:
        # Servers that omit voters_count: only the number of votes is known.
        n = poll.votes_count
        summary = ngettext("{n} vote", "{n} votes", n).format(n=count(n))
    if poll.expired:
        summary += " · " + _("closed")
    lines.append(Text(summary, styles.META))
    return lines
