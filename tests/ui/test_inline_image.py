"""Choosing how to draw a picture, decoding it, and loading textual-image quietly."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from tootui.ui.inline_image import MAX_SIDE, choose_renderer, decode

PNG = (Path(__file__).parents[2] / "tootui/demo/data/media/techo-weeks.png").read_bytes()


@pytest.mark.parametrize(("environ", "colours", "expected"), [
    ({"TERM": "xterm-kitty"}, "truecolor", "kitty"),
    ({"TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"}, "truecolor", "kitty"),
    ({"TERM": "foot"}, "truecolor", "sixel"),
    ({"TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"}, "truecolor", "sixel"),
    ({"TERM": "xterm-256color", "KONSOLE_VERSION": "230804"}, "truecolor", "sixel"),
    # tmux passes no graphics on by default: colour cells, even in kitty.
    ({"TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0",
      "KITTY_WINDOW_ID": "1"}, "256", "halfcell"),
    ({"TERM": "screen", "TERM_PROGRAM": "WezTerm"}, "256", "halfcell"),
    ({"TERM": "xterm-256color"}, "truecolor", "halfcell"),
    ({"TERM": "xterm-256color"}, "256", "halfcell"),
    ({"TERM": "xterm"}, "standard", "unicode"),
    ({"TERM": "dumb"}, None, "unicode"),
    # The override wins, in any case and spacing; a value it doesn't know is ignored.
    ({"TERM": "xterm-kitty", "TOOTUI_GRAPHICS": " Halfcell "}, "truecolor", "halfcell"),
    ({"TERM": "xterm", "TOOTUI_GRAPHICS": "sixel"}, "standard", "sixel"),
    ({"TERM": "xterm-kitty", "TOOTUI_GRAPHICS": "ascii-art"}, "truecolor", "kitty"),
])
def test_the_renderer_follows_the_terminal(environ: dict[str, str], colours: str | None,
                                           expected: str) -> None:
    assert choose_renderer(environ, colours) == expected


def test_decode_scales_a_large_picture_down() -> None:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGBA", (3000, 1500), (10, 20, 30, 128)).save(buffer, "PNG")
    picture = decode(buffer.getvalue())
    assert picture.size == (MAX_SIDE, MAX_SIDE // 2)
    assert picture.mode == "RGB"
    assert decode(PNG).size == (96, 64)


@pytest.mark.parametrize("data", [
    b"", b"not a picture", PNG[:40],
    # A PNG header claiming 100000 x 100000 pixels: refused before decoding.
    PNG[:16] + (100_000).to_bytes(4, "big") * 2 + PNG[24:],
])
def test_decode_refuses_what_is_not_a_usable_picture(data: bytes) -> None:
    with pytest.raises(ValueError):
        decode(data)


LOAD = """
import sys
from textual_image._terminal import get_cell_size
from tootui.ui.inline_image import load
widgets = load()
print("loaded", widgets.HalfcellImage.__name__, *get_cell_size(), file=sys.stderr)
"""


@pytest.mark.parametrize(("window", "cell"), [
    ((24, 80, 640, 480), b"8 20"),
    ((0, 0, 0, 0), b"10 20"),  # a terminal that reports no size at all
    ((24, 80, 0, 0), b"10 20"),  # ... or no pixels
])
def test_loading_textual_image_asks_the_terminal_nothing(
        window: tuple[int, int, int, int], cell: bytes) -> None:
    """On a real terminal textual-image would query it on import; under Textual that
    would race the app for stdin. Loaded through `load`, nothing reaches the terminal."""
    import fcntl
    import struct
    import termios

    main, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", *window))
    try:
        process = subprocess.run(
            [sys.executable, "-c", LOAD], stdin=secondary, stdout=secondary,
            stderr=subprocess.PIPE, timeout=60, check=False,
            env={**os.environ, "TERM": "xterm-256color"})
        assert process.returncode == 0, process.stderr.decode()
        assert b"loaded HalfcellImage " + cell in process.stderr
        written = b""
        while select.select([main], [], [], 0)[0]:
            chunk = os.read(main, 4096)
            if not chunk:
                break
            written += chunk
        assert b"\x1b" not in written, written
    finally:
        os.close(main)
        os.close(secondary)
