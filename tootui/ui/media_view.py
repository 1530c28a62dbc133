"""The media viewer (`m`, then enter): a post's attachments, one at a time.

Each shows its alt text (or says it has none) under a picture: the colour
preview from its blurhash at once, then, once a worker has downloaded the
file through the client (the preview size first, the original if that fails)
and decoded it, the picture itself, drawn by textual-image the way the
terminal allows (`ui/inline_image.py`). When the download or decoding fails
the blurhash stays, with one line saying why. Videos, animations and sounds
show their preview picture and point to `o`, which hands the file to the
system's viewer (through the browser). left/right step through the post's
attachments.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.align import Align
from rich.console import RenderableType
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Center, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label, Static

from tootui.client.errors import ClientError
from tootui.i18n import N_, _
from tootui.models import MediaAttachment
from tootui.render.blurhash import preview
from tootui.render.inline import emoji_text
from tootui.ui.bindings import Scope, app_keymap, bindings_for, key_hint, key_of
from tootui.ui.inline_image import Renderer, decode, detected_renderer, image_widget, load

if TYPE_CHECKING:
    from PIL.Image import Image as Picture

    from tootui.client.protocol import Client

PLAYABLE = frozenset({"video", "gifv", "audio"})
_PLAY_HINTS = {
    "video": N_("A video: press o to play it in a viewer."),
    "gifv": N_("An animation: press o to play it in a viewer."),
    "audio": N_("A sound: press o to play it in a viewer."),
}


def play_hint(item: MediaAttachment) -> str:
    hint = _PLAY_HINTS.get(item.type)
    return _(hint) if hint else ""


def picture_urls(item: MediaAttachment) -> list[str]:
    """What to download for the picture of `item`, best first (none for a bare sound)."""
    if item.type in PLAYABLE:
        # Their `url` is the video or sound itself; only a distinct preview is a picture.
        return [item.preview_url] if item.preview_url and item.preview_url != item.url else []
    found = [item.preview_url, item.url or item.remote_url]
    return [url for i, url in enumerate(found) if url and url not in found[:i]]


class BlurPreview(Widget):
    """An attachment's blurhash, drawn as large as the space allows.

    Two pixels a cell and at most twice as wide as high in pixels: a blurhash
    carries no shape, and a wide swatch reads as "a picture is coming" best.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._blurhash: str | None = None
        self._drawn: tuple[str | None, int, int, Text | None] | None = None

    def show(self, blurhash: str | None) -> None:
        self._blurhash = blurhash
        self.refresh()

    def render(self) -> RenderableType:
        height = self.size.height
        width = min(self.size.width, 4 * height)
        drawn = self._drawn
        if drawn is None or drawn[:3] != (self._blurhash, width, height):
            drawn = self._drawn = (self._blurhash, width, height,
                                   preview(self._blurhash, width, height))
        picture = drawn[3]
        if picture is None:
            picture = Text(_("(no preview: press o to open it)"), style="dim")
        return Align.center(picture, vertical="middle")


class MediaScreen(ModalScreen[MediaAttachment | None]):
    """Dismisses with the attachment to open in an external viewer, or None."""

    BINDINGS = bindings_for(Scope.DIALOG) + bindings_for(Scope.MEDIA)

    class Loaded(Message):
        """A worker decoded the picture of attachment `index`."""

        def __init__(self, index: int, picture: Picture) -> None:
            super().__init__()
            self.index = index
            self.picture = picture

    class Failed(Message):
        """No picture for attachment `index`; `reason` is one line for the user."""

        def __init__(self, index: int, reason: str) -> None:
            super().__init__()
            self.index = index
            self.reason = reason

    def __init__(self, items: Sequence[MediaAttachment], index: int = 0, *,
                 client: Client | None = None, renderer: Renderer | None = None) -> None:
        super().__init__()
        self._items = tuple(items)
        self._index = max(0, min(index, len(self._items) - 1))
        self._client = client
        self._renderer = renderer

    @property
    def item(self) -> MediaAttachment:
        return self._items[self._index]

    @property
    def index(self) -> int:
        return self._index

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="viewer-dialog"):
            with Center(id="viewer-picture"):
                yield BlurPreview(id="viewer-preview")
            # A long alt text scrolls (the mouse wheel) rather than push the keys off.
            with VerticalScroll(id="viewer-alt-box", can_focus=False):
                yield Static(id="viewer-alt")
            yield Label(id="viewer-state", markup=False)
            yield Label(self._hint(), classes="dialog-hint")

    def on_mount(self) -> None:
        if self._renderer is None:
            self._renderer = detected_renderer(self.app.console.color_system)
        self._show()

    def _hint(self) -> str:
        keymap = app_keymap(self.app)
        hint = key_hint(keymap, ("dialog.open", N_("open in a viewer")),
                        ("dialog.close", N_("close")))
        if len(self._items) < 2:
            return hint
        keys = f"{key_of('media.previous', keymap)}/{key_of('media.next', keymap)}"
        # Translators: the first part of the media viewer's key hint, e.g. "←/→: other attachments".
        return _("{keys}: other attachments").format(keys=keys) + " · " + hint

    def _show(self) -> None:
        item = self.item
        box = self.query_one("#viewer-dialog")
        box.border_title = (_("Attachment {number} of {count}")
                            .format(number=self._index + 1, count=len(self._items))
                            if len(self._items) > 1 else _("Attachment"))
        alt = emoji_text(item.description, (), multiline=True)
        if not alt.plain:
            alt = Text(_("[no alt text]"), style="italic")
        self.query_one("#viewer-alt", Static).update(alt)
        for old in self.query(".viewer-image"):
            old.remove()
        shown = self.query_one("#viewer-preview", BlurPreview)
        shown.show(item.blurhash)
        shown.display = True
        urls = picture_urls(item)
        if urls and self._client is not None:
            self._state(_("Loading the picture…"))
            self._fetch(self._index, urls)
        else:
            self._state(play_hint(item))

    def _state(self, text: str) -> None:
        label = self.query_one("#viewer-state", Label)
        label.update(text)
        label.display = bool(text)

    @work(thread=True, exclusive=True, group="media-file")
    def _fetch(self, index: int, urls: list[str]) -> None:
        assert self._client is not None
        load()  # textual-image's import, off the UI thread
        reason = ""
        for url in urls:
            try:
                picture = decode(self._client.media_file(url))
            except ClientError as error:
                reason = str(error)
            except ValueError:
                reason = _("The file is not a picture tootui can read.")
            else:
                self.post_message(self.Loaded(index, picture))
                return
        self.post_message(self.Failed(index, reason))

    def on_media_screen_loaded(self, message: Loaded) -> None:
        if message.index != self._index or self._renderer is None:
            return
        for old in self.query(".viewer-image"):
            old.remove()
        self.query_one("#viewer-preview").display = False
        self.query_one("#viewer-picture").mount(
            image_widget(message.picture, self._renderer, classes="viewer-image"))
        self._state(play_hint(self.item))

    def on_media_screen_failed(self, message: Failed) -> None:
        if message.index != self._index:
            return
        if self.item.type in PLAYABLE:
            # Its still is a nicety; the way to the video or sound is what matters.
            self._state(play_hint(self.item))
        else:
            self._state(_("No picture. {reason}").format(reason=message.reason))

    def action_previous(self) -> None:
        self._step(-1)

    def action_next(self) -> None:
        self._step(1)

    def _step(self, delta: int) -> None:
        index = self._index + delta
        if 0 <= index < len(self._items):
            self._index = index
            self._show()

    def action_open_external(self) -> None:
        self.dismiss(self.item)

    def action_close(self) -> None:
        self.dismiss(None)
