"""What a notification says happened, in the interface language.

The wording follows Mastodon's own web interface ("{name} boosted your post" /
"{name} 转嘟了你的嘟文"), so a reader meets the sentences they know. `name` is the
account's display name, already cleaned of escape sequences by the caller; in a
grouped notification (API v2) `others` is how many more accounts did the same.
"""

from __future__ import annotations

from tootui.i18n import N_, _, ngettext

# One sentence per notification type Mastodon sends; {name} is who did it.
_SINGLE: dict[str, str] = {
    "mention": N_("{name} mentioned you"),
    "reblog": N_("{name} boosted your post"),
    "favourite": N_("{name} favourited your post"),
    "follow": N_("{name} followed you"),
    "follow_request": N_("{name} requested to follow you"),
    "status": N_("{name} just posted"),
    "update": N_("{name} edited a post"),
    "admin.sign_up": N_("{name} signed up"),
    "admin.report": N_("{name} filed a report"),
}

# Types that are about the reader, not about someone's action.
_ABOUT_YOU: dict[str, str] = {
    "poll": N_("A poll you voted in has ended"),
    "own_poll": N_("Your poll has ended"),
    "moderation_warning": N_("You received a moderation warning"),
    "severed_relationships": N_("Some of your follow relationships were severed"),
}


def notification_summary(kind: str, name: str, *, others: int = 0) -> str:
    """One line saying what happened: "{name} boosted your post" in the current language.

    An unknown `kind` (a newer server) still gets a sentence, never an error.
    """
    if kind in _ABOUT_YOU:
        return _(_ABOUT_YOU[kind])
    if others > 0 and kind in ("reblog", "favourite", "follow"):
        return _grouped(kind, others).format(name=name, count=others)
    template = _SINGLE.get(kind)
    if template is None:
        return _("{name} sent you a notification").format(name=name)
    return _(template).format(name=name)


def _grouped(kind: str, n: int) -> str:
    """A grouped notification: {name} and {count} others (plural forms by language)."""
    if kind == "reblog":
        return ngettext("{name} and {count} other boosted your post",
                        "{name} and {count} others boosted your post", n)
    if kind == "favourite":
        return ngettext("{name} and {count} other favourited your post",
                        "{name} and {count} others favourited your post", n)
    return ngettext("{name} and {count} other followed you",
                    "{name} and {count} others followed you", n)
