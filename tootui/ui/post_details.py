"""A post's details (`i`): exact times, visibility, language, app, link, and
for an edited post its edit history, every version with its time.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tootui.i18n import N_, _
from tootui.l10n import exact_time
from tootui.models import Status, StatusEdit
from tootui.ui.bindings import Scope, bindings_for
from tootui.ui.status_lines import one_line
from tootui.visibility import VISIBILITY_LABELS

_VISIBILITY = dict(VISIBILITY_LABELS)
_UNKNOWN = N_("unknown")


def details_text(status: Status) -> Text:
    """Label: value lines about `status` (the original, not a boost)."""
    rows = [
        (_("Posted"), exact_time(status.created_at) or _(_UNKNOWN)),
        (_("Edited"), exact_time(status.edited_at) if status.edited_at else _("never")),
        (_("Visibility"), _(_VISIBILITY.get(status.visibility, _UNKNOWN))),
        (_("Language"), one_line(status.language or "") or _(_UNKNOWN)),
        (_("Posted with"), one_line(status.application_name or "") or _(_UNKNOWN)),
        (_("Link"), one_line(status.url or status.uri) or _(_UNKNOWN)),
    ]
    text = Text()
    for label, value in rows:
        text.append(f"{label}: ", style="bold")
        text.append(f"{value}\n")
    return text


def history_renderables(history: Sequence[StatusEdit]) -> list[RenderableType]:
    """Every version, newest first, each under its time."""
    from tootui.render.html import render_html  # the converter loads when first needed

    parts: list[RenderableType] = [Text(_("Edit history"), style="bold underline")]
    for number, edit in enumerate(reversed(history)):
        when = exact_time(edit.created_at) or _(_UNKNOWN)
        label = _("Current version") if number == 0 else _("Earlier version")
        parts.append(Text(f"\n{label} · {when}", style="bold"))
        if edit.spoiler_text:
            parts.append(Text(one_line(edit.spoiler_text), style="italic"))
        parts.append(render_html(edit.content_html).text)
    return parts


class DetailsScreen(ModalScreen[None]):
    """Details of one post, and its edit history when it was edited."""

    BINDINGS = bindings_for(Scope.DIALOG)

    def __init__(self, status: Status, history: Sequence[StatusEdit] = ()) -> None:
        super().__init__()
        self._status = status
        self._history = tuple(history)

    def compose(self) -> ComposeResult:
        parts: list[RenderableType] = [details_text(self._status)]
        if self._history:
            parts.extend(history_renderables(self._history))
        with VerticalScroll(id="details-body", classes="dialog") as box:
            box.border_title = _("Post details")
            yield Static(Group(*parts), id="details")

    def action_close(self) -> None:
        self.dismiss(None)
