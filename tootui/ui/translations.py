"""Translated posts shown in place of their originals, and back (`T`).

The server's translation replaces the post's text on screen, under a line
saying what it is; the original is kept here so that pressing `T` again puts
it back without asking the server.
"""

from __future__ import annotations

import html
from dataclasses import replace

from tootui.i18n import _
from tootui.models import Status, Translation


class Translations:
    """The originals of the posts currently shown translated, by status id."""

    def __init__(self) -> None:
        self._originals: dict[str, Status] = {}

    def __contains__(self, status_id: object) -> bool:
        return status_id in self._originals

    def translated(self, status: Status, translation: Translation) -> Status:
        """`status` as shown translated; remembers the original."""
        self._originals.setdefault(status.id, status)
        source = translation.detected_source_language or status.language or "?"
        note = _("Translated from {language}; press T for the original.").format(
            language=source)
        # The note is ours, the content is the server's HTML as for any post.
        content = f"<p><em>{html.escape(note)}</em></p>{translation.content_html}"
        return replace(status, content_html=content,
                       spoiler_text=translation.spoiler_text or status.spoiler_text)

    def untranslate(self, status_id: str) -> Status | None:
        """The original of a translated status (and forget it), else None."""
        return self._originals.pop(status_id, None)
