"""The compose pane's options row: content warning, visibility and language.

A small form, so real widgets: an input for the content warning, a select for
who can see the post, an input for its language (an ISO 639-1 code, which is
what the server takes). `load` fills it from a draft, `values` reads it back.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Select

from tootui.i18n import _
from tootui.visibility import VISIBILITIES, VISIBILITY_LABELS


class ComposeOptions(Horizontal):
    """Content warning, visibility and language of the draft being written."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder=_("Content warning (optional)"), id="compose-cw")
        yield Select(_visibility_options(), allow_blank=False, value="public",
                     id="compose-visibility", compact=True)
        yield Input(placeholder=_("lang"), id="compose-language", max_length=8)

    @property
    def spoiler_input(self) -> Input:
        return self.query_one("#compose-cw", Input)

    @property
    def visibility_select(self) -> Select[str]:
        return self.query_one("#compose-visibility", Select)

    @property
    def language_input(self) -> Input:
        return self.query_one("#compose-language", Input)

    def relanguaged(self) -> None:
        """The interface language changed: the placeholders and choices say it anew."""
        self.spoiler_input.placeholder = _("Content warning (optional)")
        self.language_input.placeholder = _("lang")
        select = self.visibility_select
        chosen = select.value
        with select.prevent(Select.Changed):  # the choice stays what it was
            select.set_options(_visibility_options())
            select.value = chosen
            # The same value again changes nothing, so the shown label is redrawn.
            # Textual annotates the generic reactive as an instance variable, so mypy
            # calls the class-scope access its docs prescribe ambiguous.
            select.mutate_reactive(Select.value)  # type: ignore[misc]

    def load(self, *, spoiler_text: str, visibility: str, language: str | None) -> None:
        self.spoiler_input.value = spoiler_text
        self.visibility_select.value = visibility if visibility in VISIBILITIES else "public"
        self.language_input.value = language or ""

    def values(self) -> tuple[str, str, str | None]:
        """The content warning, the visibility, and the language (None: the server's)."""
        visibility = self.visibility_select.value
        language = self.language_input.value.strip().lower() or None
        return (self.spoiler_input.value.strip(),
                visibility if isinstance(visibility, str) else "public", language)


def language_problem(language: str | None) -> str | None:
    """Why `language` can't be a post's language, in one line; None if it can."""
    # Mastodon takes ISO 639-1 codes and a few ISO 639-3 ones, and ignores anything
    # else in silence: a typo would post as "no language" without a word.
    if language is None or (language.isascii() and language.isalpha()
                            and 2 <= len(language) <= 3):
        return None
    return _("'{language}' is not a language code: write one such as en, zh or de,"
             " or leave it empty.").format(language=language)


def _visibility_options() -> list[tuple[str, str]]:
    return [(_(label), value) for value, label in VISIBILITY_LABELS]
