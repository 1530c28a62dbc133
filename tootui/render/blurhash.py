"""Colour previews of media from their blurhash, without downloading the image.

A blurhash (https://blurha.sh) starts with its size flag, its quantised
maximum AC value, then four base-83 characters that encode the image's DC
component: its average colour as a 24-bit sRGB value, which is enough for a
swatch in a list. `preview` decodes the whole hash (with the `blurhash`
package) into half-block cells, a blurred picture any colour terminal shows.
"""

from __future__ import annotations

from blurhash import decode
from rich.style import Style
from rich.text import Text

_BASE83 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~"
_DIGITS = {char: value for value, char in enumerate(_BASE83)}


def average_colour(blurhash: str | None) -> tuple[int, int, int] | None:
    """(r, g, b) of the image's average colour, or None for a malformed hash."""
    if not blurhash or len(blurhash) < 6:
        return None
    value = 0
    for char in blurhash[2:6]:
        digit = _DIGITS.get(char)
        if digit is None:
            return None
        value = value * 83 + digit
    if value > 0xFFFFFF:
        return None
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


def preview(blurhash: str | None, width: int, height: int) -> Text | None:
    """The image as `height` lines of `width` half-block cells, or None if malformed.

    Each cell shows two pixels (upper half in the foreground colour, lower in
    the background), so the preview is `width` x `2 * height` pixels.
    """
    if not blurhash or width < 1 or height < 1:
        return None
    try:
        pixels = decode(blurhash, width, height * 2)
    except (ValueError, IndexError, KeyError, TypeError, ZeroDivisionError):
        # A hostile or broken server string: no preview, never a crash.
        return None
    text = Text()
    for row in range(height):
        if row:
            text.append("\n")
        for column in range(width):
            top, bottom = pixels[2 * row][column], pixels[2 * row + 1][column]
            text.append("▀", style=Style(color=_hex(top), bgcolor=_hex(bottom)))
    return text


def _hex(pixel: list[int]) -> str:
    r, g, b = (max(0, min(255, int(c))) for c in pixel[:3])
    return f"#{r:02x}{g:02x}{b:02x}"
