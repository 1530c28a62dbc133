"""The average colour of a blurhash, for a colour preview of media.

A blurhash (https://blurha.sh) starts with its size flag, its quantised
maximum AC value, then four base-83 characters that encode the image's DC
component: its average colour as a 24-bit sRGB value. That one colour is
what a terminal without graphics can show of an image without downloading it.
"""

from __future__ import annotations

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
