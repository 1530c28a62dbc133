"""Server JSON to tootui's models, once, at the boundary.

Accepts plain JSON objects and Mastodon.py's `AttribAccessDict`s alike (both
are `Mapping`s; the latter hold datetimes already parsed and ids that may be
ints or str subclasses). Servers differ a lot (Mastodon releases, Pleroma,
Akkoma, GoToSocial, Pixelfed): any key may be missing or null and enums grow
new values, so every reader falls back to a safe default. A malformed status
is converted as far as it goes; these functions never raise on server data.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from tootui.client.coerce import (
    as_bool,
    as_datetime,
    as_id,
    as_int,
    as_opt_int,
    as_opt_str,
    as_str,
    items,
    mapping,
)
from tootui.models import (
    Account,
    Card,
    Context,
    CustomEmoji,
    Field,
    FilterResult,
    InstanceInfo,
    MediaAttachment,
    Mention,
    Poll,
    PollOption,
    Status,
    Tag,
)

MEDIA_TYPES = frozenset({"image", "gifv", "video", "audio", "unknown"})
CARD_TYPES = frozenset({"link", "photo", "video", "rich"})
# Mastodon 4.5's Quote.state; the docs say to treat unknown values as
# "unauthorized" (the quoted post may not be shown).
QUOTE_STATES = frozenset(
    {
        "pending", "accepted", "rejected", "revoked", "deleted", "unauthorized",
        "blocked_account", "blocked_domain", "muted_account",
    }
)
FILTER_ACTIONS = frozenset({"warn", "hide", "blur"})
# A boost of a boost is not something Mastodon produces; a hostile server could
# nest them without end, so conversion stops following `reblog` at this depth.
_MAX_REBLOG_DEPTH = 2


def emoji_from_json(data: Mapping[str, Any]) -> CustomEmoji | None:
    shortcode = as_str(data.get("shortcode"))
    if not shortcode:
        return None
    return CustomEmoji(
        shortcode=shortcode,
        url=as_str(data.get("url")),
        static_url=as_str(data.get("static_url")),
    )


def _emojis(value: object) -> tuple[CustomEmoji, ...]:
    converted = (emoji_from_json(mapping(e)) for e in items(value))
    return tuple(e for e in converted if e is not None)


def _fields(value: object) -> tuple[Field, ...]:
    result = []
    for raw in items(value):
        data = mapping(raw)
        name = as_str(data.get("name"))
        if name or data.get("value"):
            result.append(
                Field(
                    name=name,
                    value_html=as_str(data.get("value")),
                    verified_at=as_datetime(data.get("verified_at")),
                )
            )
    return tuple(result)


def account_from_json(data: Mapping[str, Any]) -> Account:
    """An Account; a missing account (deleted, or a partial object) gets blanks."""
    data = mapping(data)
    username = as_str(data.get("username"))
    acct = as_str(data.get("acct")) or username
    return Account(
        id=as_str(data.get("id")),
        username=username or acct.split("@", 1)[0],
        acct=acct,
        display_name=as_str(data.get("display_name")),
        url=as_str(data.get("url")),
        note_html=as_str(data.get("note")),
        avatar=as_str(data.get("avatar")),
        bot=as_bool(data.get("bot")),
        locked=as_bool(data.get("locked")),
        group=as_bool(data.get("group")),
        created_at=as_datetime(data.get("created_at")),
        followers_count=as_int(data.get("followers_count")),
        following_count=as_int(data.get("following_count")),
        statuses_count=as_int(data.get("statuses_count")),
        fields=_fields(data.get("fields")),
        emojis=_emojis(data.get("emojis")),
    )


def media_from_json(data: Mapping[str, Any]) -> MediaAttachment:
    kind = as_str(data.get("type")).lower()
    return MediaAttachment(
        id=as_str(data.get("id")),
        type=kind if kind in MEDIA_TYPES else "unknown",
        url=as_opt_str(data.get("url")),
        preview_url=as_opt_str(data.get("preview_url")),
        remote_url=as_opt_str(data.get("remote_url")),
        description=as_opt_str(data.get("description")),
        blurhash=as_opt_str(data.get("blurhash")),
    )


def mention_from_json(data: Mapping[str, Any]) -> Mention | None:
    acct = as_str(data.get("acct"))
    username = as_str(data.get("username")) or acct.split("@", 1)[0]
    if not acct and not username:
        return None
    return Mention(
        id=as_str(data.get("id")),
        username=username,
        acct=acct or username,
        url=as_str(data.get("url")),
    )


def tag_from_json(data: Mapping[str, Any]) -> Tag | None:
    name = as_str(data.get("name"))
    if not name:
        return None
    return Tag(name=name, url=as_str(data.get("url")))


def card_from_json(data: Mapping[str, Any]) -> Card | None:
    url = as_str(data.get("url"))
    if not url:
        return None
    kind = as_str(data.get("type")).lower()
    return Card(
        url=url,
        title=as_str(data.get("title")),
        description=as_str(data.get("description")),
        type=kind if kind in CARD_TYPES else "link",
        provider_name=as_str(data.get("provider_name")),
        image=as_opt_str(data.get("image")),
    )


def poll_from_json(data: Mapping[str, Any]) -> Poll:
    options = []
    for raw in items(data.get("options")):
        option = mapping(raw)
        options.append(
            PollOption(
                title=as_str(option.get("title")),
                votes_count=as_opt_int(option.get("votes_count")),
            )
        )
    own_votes = tuple(
        vote for vote in (as_opt_int(v) for v in items(data.get("own_votes"))) if vote is not None
    )
    return Poll(
        id=as_str(data.get("id")),
        options=tuple(options),
        expires_at=as_datetime(data.get("expires_at")),
        expired=as_bool(data.get("expired")),
        multiple=as_bool(data.get("multiple")),
        votes_count=as_int(data.get("votes_count")),
        voters_count=as_opt_int(data.get("voters_count")),
        voted=as_bool(data.get("voted")),
        own_votes=own_votes,
        emojis=_emojis(data.get("emojis")),
    )


def filter_result_from_json(data: Mapping[str, Any]) -> FilterResult | None:
    """A FilterResult; an action this client does not know reads as "warn" (the
    filter still exists: showing its title is safer than showing the post)."""
    flt = mapping(data.get("filter"))
    if not flt:
        return None
    action = as_str(flt.get("filter_action")).lower()
    contexts = (as_str(c) for c in items(flt.get("context")))
    matches = (as_str(k) for k in items(data.get("keyword_matches")))
    return FilterResult(
        title=as_str(flt.get("title")),
        action=action if action in FILTER_ACTIONS else "warn",
        context=tuple(c for c in contexts if c),
        keyword_matches=tuple(k for k in matches if k),
    )


def _filtered(value: object) -> tuple[FilterResult, ...]:
    converted = (filter_result_from_json(mapping(r)) for r in items(value))
    return tuple(r for r in converted if r is not None)


def _content_html(data: Mapping[str, Any]) -> str:
    """`content`, or for a deleted status (which carries only its plain
    `text` source) that text as the HTML Mastodon would have made of it."""
    content = data.get("content")
    if isinstance(content, str) and content:
        return as_str(content)
    text = data.get("text")
    if isinstance(text, str) and text:
        paragraphs = [p for p in text.replace("\r\n", "\n").split("\n\n") if p]
        return "".join(
            "<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs
        )
    return ""


def _quote(value: object, depth: int) -> tuple[Status | None, str]:
    """The quoted status and the quote's state.

    Mastodon 4.5 sends `{state, quoted_status}` (or a shallow
    `{state, quoted_status_id}` for a quote inside a quote); Akkoma and
    Pleroma send the quoted status itself.
    """
    data = mapping(value)
    if not data:
        return None, ""
    # (Mastodon.py casts Akkoma's status into its Quote type, adding
    # `state: None`, so a missing state and a null one are the same.)
    if data.get("state") is None and mapping(data.get("account")):
        quoted = status_from_json(data, _depth=depth + 1) if depth < _MAX_REBLOG_DEPTH else None
        return quoted, "accepted"
    state = as_str(data.get("state")).lower()
    state = state if state in QUOTE_STATES else "unauthorized"
    inner = mapping(data.get("quoted_status"))
    quoted = None
    if state == "accepted" and inner and depth < _MAX_REBLOG_DEPTH:
        quoted = status_from_json(inner, _depth=depth + 1)
    return quoted, state


def status_from_json(data: Mapping[str, Any], *, _depth: int = 0) -> Status:
    """A Status, with the boosted original in `reblog` for a boost."""
    data = mapping(data)
    reblog_data = mapping(data.get("reblog"))
    reblog = None
    if reblog_data and _depth < _MAX_REBLOG_DEPTH:
        reblog = status_from_json(reblog_data, _depth=_depth + 1)
    quote, quote_state = _quote(data.get("quote"), _depth)
    card_data = mapping(data.get("card"))
    poll_data = mapping(data.get("poll"))
    visibility = as_str(data.get("visibility")).lower() or "public"
    mentions = (mention_from_json(mapping(m)) for m in items(data.get("mentions")))
    tags = (tag_from_json(mapping(t)) for t in items(data.get("tags")))
    application = mapping(data.get("application"))
    return Status(
        id=as_str(data.get("id")),
        account=account_from_json(mapping(data.get("account"))),
        created_at=as_datetime(data.get("created_at")),
        content_html=_content_html(data),
        uri=as_str(data.get("uri")),
        url=as_opt_str(data.get("url")),
        visibility=visibility,
        sensitive=as_bool(data.get("sensitive")),
        spoiler_text=as_str(data.get("spoiler_text")),
        language=as_opt_str(data.get("language")) or None,
        in_reply_to_id=as_id(data.get("in_reply_to_id")),
        in_reply_to_account_id=as_id(data.get("in_reply_to_account_id")),
        reblog=reblog,
        media_attachments=tuple(
            media_from_json(mapping(m)) for m in items(data.get("media_attachments"))
        ),
        mentions=tuple(m for m in mentions if m is not None),
        tags=tuple(t for t in tags if t is not None),
        emojis=_emojis(data.get("emojis")),
        card=card_from_json(card_data) if card_data else None,
        poll=poll_from_json(poll_data) if poll_data else None,
        replies_count=as_int(data.get("replies_count")),
        reblogs_count=as_int(data.get("reblogs_count")),
        favourites_count=as_int(data.get("favourites_count")),
        favourited=as_bool(data.get("favourited")),
        reblogged=as_bool(data.get("reblogged")),
        bookmarked=as_bool(data.get("bookmarked")),
        pinned=as_bool(data.get("pinned")),
        edited_at=as_datetime(data.get("edited_at")),
        application_name=as_opt_str(application.get("name")) or None,
        quote=quote,
        quote_state=quote_state,
        filtered=_filtered(data.get("filtered")),
    )


def statuses_from_json(values: object) -> tuple[Status, ...]:
    """Every status in a JSON array; entries that are not objects are skipped."""
    return tuple(status_from_json(v) for v in items(values) if isinstance(v, Mapping))


def context_from_json(data: Mapping[str, Any]) -> Context:
    data = mapping(data)
    return Context(
        ancestors=statuses_from_json(data.get("ancestors")),
        descendants=statuses_from_json(data.get("descendants")),
    )


def _bare_domain(value: str) -> str:
    """v1 `uri` is documented as a bare domain, but Pleroma and Akkoma send a URL."""
    if "://" in value:
        return urlsplit(value).netloc
    return value.strip("/")


def instance_from_json(data: Mapping[str, Any]) -> InstanceInfo:
    """InstanceInfo from `/api/v2/instance` or, for older servers, `/api/v1/instance`."""
    data = mapping(data)
    config = mapping(data.get("configuration"))
    statuses = mapping(config.get("statuses"))
    urls = mapping(config.get("urls")) or mapping(data.get("urls"))
    domain = as_str(data.get("domain")) or _bare_domain(as_str(data.get("uri")))
    # Pleroma and Akkoma put the limit at the top level of v1.
    max_chars = as_int(statuses.get("max_characters")) or as_int(data.get("max_toot_chars"))
    max_media = as_int(statuses.get("max_media_attachments"), default=-1)
    reserved = as_int(statuses.get("characters_reserved_per_url"), default=-1)
    streaming = as_opt_str(urls.get("streaming")) or as_opt_str(urls.get("streaming_api"))
    languages = tuple(lang for lang in (as_str(v) for v in items(data.get("languages"))) if lang)
    return InstanceInfo(
        domain=domain,
        title=as_str(data.get("title")),
        version=as_str(data.get("version")),
        max_characters=max_chars if max_chars > 0 else 500,
        characters_reserved_per_url=reserved if reserved >= 0 else 23,
        max_media_attachments=max_media if max_media >= 0 else 4,
        streaming_url=streaming or None,
        languages=languages,
    )
