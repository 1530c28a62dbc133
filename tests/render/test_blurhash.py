"""Blurhash previews: a swatch colour and a half-block picture, never a crash."""

from __future__ import annotations

import pytest

from tootui.render.blurhash import average_colour, preview

HASH = "LKO2?U%2Tw=w]~RBVZRi};RPxuwH"


def test_the_average_colour_is_the_hashs_dc_component() -> None:
    colour = average_colour(HASH)
    assert colour is not None and all(0 <= c <= 255 for c in colour)


def test_the_preview_has_the_asked_size_with_two_pixels_a_cell() -> None:
    text = preview(HASH, 10, 4)
    assert text is not None
    lines = text.plain.split("\n")
    assert lines == ["▀" * 10] * 4
    styles = {span.style for span in text.spans}
    assert all(style.color and style.bgcolor for style in styles)  # type: ignore[union-attr]


@pytest.mark.parametrize("bad", [None, "", "zz", "!!!!!!!!", "L" + "\x1b" * 20])
def test_a_malformed_hash_gives_no_preview(bad: str | None) -> None:
    assert preview(bad, 5, 2) is None
