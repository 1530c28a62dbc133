"""A status as the timeline and thread panes show it, rendered once and cached.

`render_status` turns a `Status` into styled text pieces (header, boost and
reply lines, spoiler, body, extra lines for media, card and poll) plus the
link targets the user can open. Nothing time-relative is baked in: the UI
adds "3 min" at draw time, because a cached rendering outlives the minute.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from rich.text import Text

from tootui.i18n import _, current_language
from tootui.models import Status
from tootui.render import styles
from tootui.render.account import account_header, strip_local
from tootui.render.extras import card_description, card_line, media_lines, poll_lines
from tootui.render.html import render_html
from tootui.render.inline import emoji_text, plain
from tootui.render.quote import quote_lines
from tootui.render.rendered import LinkTarget, RenderedStatus

__all__ = ["LinkTarget", "RenderedStatus", "clear_cache", "render_status"]

CACHE_SIZE = 20_000


_cache: OrderedDict[Hashable, RenderedStatus] = OrderedDict()
_cache_lock = threading.Lock()


def _key(status: Status, local_domain: str | None) -> Hashable:
    original = status.original
    poll = original.poll
    # Poll counts and a late-fetched card change without an edit; the
    # language changes the fixed words.
    poll_state = (
        (tuple(o.votes_count for o in poll.options), poll.voters_count, poll.voted, poll.expired)
        if poll
        else None
    )
    card_url = original.card.url if original.card else None
    # A quoted post is drawn inside this one: its edits show here too.
    quote = (original.quote.cache_key, original.quote.uri) if original.quote else None
    # The text itself changes without an edit when a translation is shown in
    # its place (str caches its hash, so this costs little after the first time).
    text = (hash(original.content_html), original.spoiler_text)
    # The uri tells apart equal ids from different servers (account switch).
    return (
        status.cache_key, status.uri, local_domain, current_language(), poll_state, card_url,
        quote, original.quote_state, text,
    )


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def render_status(status: Status, *, local_domain: str | None = None) -> RenderedStatus:
    """Render `status` (a boost renders its original), cached per status."""
    key = _key(status, local_domain)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    rendered = _render(status, local_domain)
    with _cache_lock:
        _cache[key] = rendered
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return rendered


def _render(status: Status, local_domain: str | None) -> RenderedStatus:
    original = status.original
    header = account_header(original.account, local_domain)

    boosted_by = None
    if status.reblog is not None:
        booster = status.account
        name = emoji_text(booster.name, booster.emojis, styles.META)
        boosted_by = _fill(_("⇄ {name} boosted"), name)

    body = render_html(
        original.content_html,
        mentions=original.mentions,
        emojis=original.emojis,
        local_domain=local_domain,
        hide_quote_inline=original.quote is not None,
    )
    spoiler = None
    if original.spoiler_text.strip():
        spoiler = emoji_text(original.spoiler_text, original.emojis, styles.SPOILER)

    extras: list[Text] = media_lines(original.media_attachments)
    links = list(body.links)
    if original.card is not None:
        line, target = card_line(original.card)
        extras.append(line)
        description = card_description(original.card)
        if description is not None:
            extras.append(description)
        if target is not None and all(t.url != target.url for t in links):
            links.append(target)
    if original.poll is not None:
        extras.extend(poll_lines(original.poll))
    quoted, quoted_links = quote_lines(original, local_domain)
    extras.extend(quoted)
    links.extend(t for t in quoted_links if all(t.url != seen.url for seen in links))

    return RenderedStatus(
        header=header,
        boosted_by=boosted_by,
        reply_to=_reply_line(original, local_domain),
        spoiler=spoiler,
        body=body.text,
        extras=tuple(extras),
        links=tuple(links),
        created_at=original.created_at,
        media_count=len(original.media_attachments),
    )


def _fill(template: str, name: Text) -> Text:
    """A translated `{name}` template with a styled name in it (never markup)."""
    before, _field, after = template.partition("{name}")
    line = Text(before, styles.META)
    line.append_text(name)
    line.append(after, styles.META)
    return line


def _reply_line(status: Status, local_domain: str | None) -> Text | None:
    if status.in_reply_to_id is None and status.in_reply_to_account_id is None:
        return None
    target = status.in_reply_to_account_id
    if target is not None and target == status.account.id:
        label = _("continued thread")
    else:
        acct = next((m.acct for m in status.mentions if m.id == target), None)
        if acct:
            shown = "@" + plain(strip_local(acct, local_domain))
            label = _("in reply to {acct}").format(acct=shown)
        else:
            # The parent's author is not among the mentions (or the parent is
            # gone): say it is a reply without naming anyone.
            label = _("in reply to a post")
    return Text("↳ " + label, styles.META)
