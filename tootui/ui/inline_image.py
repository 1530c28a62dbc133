"""Pictures drawn in the terminal with textual-image: which way, and the widget.

textual-image picks its renderer when it is imported, by asking the terminal
(device attributes for Sixel, a graphics query for kitty's protocol, the cell
size) and reading the answers from stdin. Once Textual runs, its input thread
owns stdin: the answers would reach the app as keys, a keypress could be taken
for an answer, and each unanswered query costs 0.1 s (its author says the
queries only work before Textual starts: lnqs/textual-image#55). tootui loads
it only when the media viewer first needs it, far from the startup path, so the
renderer is chosen here instead, from what the environment says about the
terminal, and textual-image's terminal queries are turned off before it loads.
`TOOTUI_GRAPHICS` (sixel, kitty, halfcell, unicode) overrides the choice.

Decoding happens in the viewer's worker (`decode`); PIL and textual-image are
imported there, never before the first paint.
"""

from __future__ import annotations

import io
import os
import struct
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from PIL.Image import Image as Picture
    from textual.widget import Widget

Renderer = Literal["sixel", "kitty", "halfcell", "unicode"]
RENDERERS: tuple[Renderer, ...] = ("sixel", "kitty", "halfcell", "unicode")
ENV_OVERRIDE = "TOOTUI_GRAPHICS"
# A picture in a dialog needs no more pixels than a big terminal window shows;
# scaling once in the worker keeps each redraw cheap.
MAX_SIDE = 1024
# A small file can still claim an enormous size (a decompression bomb).
MAX_PIXELS = 40_000_000

# Terminals known to draw Sixel graphics, by what they put in the environment.
_SIXEL_PROGRAMS = frozenset({"WezTerm", "iTerm.app", "mintty", "contour"})
_SIXEL_TERMS = ("foot", "mlterm", "contour", "yaft")


def choose_renderer(environ: Mapping[str, str], color_system: str | None) -> Renderer:
    """How to draw a picture in this terminal, without asking it anything.

    Kitty's graphics protocol is used in kitty itself (other terminals that
    announce it do not draw its placeholders); Sixel where the terminal is known
    to draw it; inside tmux or screen neither (they do not pass graphics on by
    default). Otherwise colour half blocks when the terminal has at least 256
    colours, and shades of grey characters when it has fewer.
    """
    forced = environ.get(ENV_OVERRIDE, "").strip().lower()
    if forced in RENDERERS:
        return forced
    multiplexed = "TMUX" in environ or environ.get("TERM", "").startswith(("screen", "tmux"))
    if not multiplexed:
        term = environ.get("TERM", "")
        if term == "xterm-kitty" or "KITTY_WINDOW_ID" in environ:
            return "kitty"
        if (environ.get("TERM_PROGRAM") in _SIXEL_PROGRAMS or term.startswith(_SIXEL_TERMS)
                or "KONSOLE_VERSION" in environ):
            return "sixel"
    if color_system in ("truecolor", "256"):
        return "halfcell"
    return "unicode"


def detected_renderer(color_system: str | None) -> Renderer:
    return choose_renderer(os.environ, color_system)


def decode(data: bytes) -> Picture:
    """The picture in `data`, scaled down to `MAX_SIDE`; ValueError if it is not one.

    Blocking and CPU-bound: call it from a worker.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        opened = Image.open(io.BytesIO(data))
        width, height = opened.size
        if width < 1 or height < 1 or width * height > MAX_PIXELS:
            raise ValueError(f"{width}x{height}")
        opened.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at a smaller scale
        picture = opened.convert("RGB")  # an animation: its first frame
        picture.thumbnail((MAX_SIDE, MAX_SIDE))
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError,
            SyntaxError, struct.error) as exc:
        raise ValueError(str(exc)) from exc
    return picture


def image_widget(picture: Picture, renderer: Renderer, *, classes: str = "") -> Widget:
    """A textual-image widget that draws `picture` the way `renderer` says."""
    widgets = load()
    kinds = {
        "sixel": widgets.SixelImage,
        "kitty": widgets.TGPImage,
        "halfcell": widgets.HalfcellImage,
        "unicode": widgets.UnicodeImage,
    }
    widget: Widget = kinds[renderer](picture, classes=classes)
    return widget


def cell_pixels() -> tuple[int, int]:
    """Width and height of a cell in pixels, from the window size the kernel holds.

    10 x 20 (a VT340's cell, textual-image's own default) where it doesn't say.
    """
    try:
        import fcntl
        import termios

        assert sys.__stdout__ is not None
        packed = fcntl.ioctl(sys.__stdout__.fileno(), termios.TIOCGWINSZ, bytes(8))
        rows, columns, width, height = struct.unpack("HHHH", packed)
        if rows and columns and width >= columns and height >= rows:
            return width // columns, height // rows
    except (ImportError, AssertionError, OSError, ValueError):
        pass  # no terminal, or not a POSIX one
    return 10, 20


def load():  # type: ignore[no-untyped-def]
    """textual_image.widget, imported with its terminal queries answered "no".

    Call it first from a worker: the import takes a while and the UI thread
    then finds it loaded.
    """
    loaded = sys.modules.get("textual_image.widget")
    if loaded is not None:
        return loaded
    from textual_image import _terminal

    def no_answer(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        # Its callers treat TerminalError as "the terminal did not answer":
        # no Sixel, no kitty graphics, and the cell size from the window size
        # (TIOCGWINSZ, no reading of stdin) or its default.
        raise _terminal.TerminalError("not queried: Textual owns the terminal")

    _terminal.capture_terminal_response = no_answer
    # Its own measure divides by the window's size in cells, which a terminal
    # may report as 0; filling its cache first means it never measures.
    _terminal.get_cell_size._result = _terminal.CellSize(*cell_pixels())  # type: ignore[attr-defined]
    import textual_image.widget

    return textual_image.widget
