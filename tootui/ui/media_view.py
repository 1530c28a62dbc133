"""One attachment (`m`, then enter): its alt text and a colour preview.

The preview is drawn from the attachment's blurhash, so nothing is downloaded
and it works in any colour terminal; `o` hands the file to the system's
viewer (through the browser) for the real thing.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tootui.i18n import N_, _
from tootui.models import MediaAttachment
from tootui.render.blurhash import preview
from tootui.render.inline import emoji_text
from tootui.ui.bindings import Scope, app_keymap, bindings_for, key_hint

PREVIEW_WIDTH = 48
PREVIEW_HEIGHT = 12


class MediaScreen(ModalScreen[bool]):
    """Dismisses with True when the user asks for the external viewer."""

    BINDINGS = bindings_for(Scope.DIALOG)

    def __init__(self, item: MediaAttachment) -> None:
        super().__init__()
        self._item = item

    def compose(self) -> ComposeResult:
        item = self._item
        alt = emoji_text(item.description, (), multiline=True)
        if not alt.plain:
            alt = Text(_("[no alt text]"), style="italic")
        picture = preview(item.blurhash, PREVIEW_WIDTH, PREVIEW_HEIGHT)
        if picture is None:
            picture = Text(_("(no preview: press o to open it)"), style="dim")
        with Vertical(classes="dialog") as box:
            box.border_title = _("Attachment")
            yield Static(Group(picture, Text(""), alt), id="media-view")
            yield Label(key_hint(app_keymap(self.app), ("dialog.open", N_("open in a viewer")),
                                 ("dialog.close", N_("close"))), classes="dialog-hint")

    def action_open_external(self) -> None:
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(False)
