"""Who can see a post: Mastodon's four visibilities, and what the interface calls them.

Apart from the compose pane's widgets, so that the dialogs, the client and the
demo server can name visibilities without importing a text area.
"""

from __future__ import annotations

from collections.abc import Sequence

from tootui.i18n import N_
from tootui.models import Draft, Status

VISIBILITY_LABELS: tuple[tuple[str, str], ...] = (
    ("public", N_("Public")),
    ("unlisted", N_("Quiet public")),
    ("private", N_("Followers only")),
    ("direct", N_("Private mention")),
)
VISIBILITIES: Sequence[str] = tuple(value for value, _label in VISIBILITY_LABELS)
# A reply to a post few people can see must not reach more people than it did;
# a reply to a public post takes the user's own default (None).
_NARROW_VISIBILITIES = frozenset(VISIBILITIES[1:])


def reply_draft(parent: Status, text: str) -> Draft:
    """A reply to `parent` starting with `text`, never more visible than the parent."""
    visibility = parent.visibility if parent.visibility in _NARROW_VISIBILITIES else None
    return Draft(text=text, in_reply_to_id=parent.id, visibility=visibility)
