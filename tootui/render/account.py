"""An account's name line, bio and profile fields, under the same rules as posts.

Bios and field values are HTML like status content; field names are plain
text. A field whose link the server verified (rel="me" back-link) is marked,
so a reader can tell a checked link from a claimed one.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from tootui.models import Account
from tootui.render import styles
from tootui.render.html import LinkTarget, render_html
from tootui.render.inline import emoji_text, plain

VERIFIED_MARK = "✓ "


@dataclass(frozen=True, slots=True)
class RenderedField:
    name: Text
    value: Text
    verified: bool


@dataclass(frozen=True, slots=True)
class RenderedAccount:
    """Shared like `RenderedStatus`: copy a `Text` before changing it."""

    header: Text
    note: Text
    fields: tuple[RenderedField, ...]
    links: tuple[LinkTarget, ...]


def strip_local(acct: str, local_domain: str | None) -> str:
    """`acct` without our own domain: local accounts are `@name`, others `@name@host`."""
    user, _sep, domain = acct.partition("@")
    if domain and local_domain and domain.lower() == local_domain.lower():
        return user
    return acct


def account_header(account: Account, local_domain: str | None) -> Text:
    """Display name (custom emoji marked) followed by the @handle."""
    header = emoji_text(account.name, account.emojis, styles.DISPLAY_NAME)
    acct = plain(strip_local(account.acct or account.username, local_domain))
    if acct:
        if header.plain:
            header.append(" ")
        header.append("@" + acct, styles.ACCT)
    return header


def render_account(account: Account, *, local_domain: str | None = None) -> RenderedAccount:
    note = render_html(account.note_html, emojis=account.emojis, local_domain=local_domain)
    links = list(note.links)
    fields = []
    for field in account.fields:
        value = render_html(field.value_html, emojis=account.emojis, local_domain=local_domain)
        links.extend(value.links)
        shown = value.text
        if field.verified_at is not None:
            # The mark as a span: a base style would colour the whole value.
            marked = Text()
            marked.append(VERIFIED_MARK, styles.VERIFIED)
            shown = marked + shown
        fields.append(
            RenderedField(
                name=emoji_text(field.name, account.emojis, styles.STRONG),
                value=shown,
                verified=field.verified_at is not None,
            )
        )
    return RenderedAccount(
        header=account_header(account, local_domain),
        note=note.text,
        fields=tuple(fields),
        links=tuple(links),
    )
