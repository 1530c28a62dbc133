"""Make Rich's cell count and the terminal's drawing agree on emoji sequences.

Textual lays out by Rich's `cell_len`. Terminals draw some sequences at a
different width, and then every cell after them on the line moves, borders
included. Measured in tmux 3.3a against Rich 15 (tests/render/test_cells.py):

* U+FE0F (emoji presentation) after a narrow base, as in "⬇️" or "❤️": Rich
  counts 2 cells, tmux, xterm and VTE draw 1, kitty and wezterm draw 2. No
  width suits every terminal, so the selector goes: the base alone is 1 cell
  everywhere (the price: some terminals draw it as a text glyph, not in
  colour). After a wide base the selector changes nothing and goes too.
* U+200D (zero width joiner) before something that is not an emoji: Rich
  swallows the next character ("a‍b" counts 1), terminals draw both. Only
  joiners that build an emoji (👩‍💻) or shape a script (after a virama or
  other combining mark, as in Sinhala ශ්‍රී) are kept.
* A skin-tone modifier that follows no wide emoji (a bare 🏽, or "☝🏽"):
  Rich counts 0 or joins it to a narrow base, terminals draw 2 cells.
* U+3164 and U+FFA0 (Hangul fillers, popular for "invisible" names): Rich
  counts 0, terminals 2 and 1.
* Noncharacters (U+FFFE, U+FFFF, U+FDD0-U+FDEF and the last two of every
  plane): Rich counts 1, tmux draws nothing. They become U+FFFD, one cell in
  both.

What is kept and still measured differently by some terminals (ZWJ families
in terminals that draw each member, skin tones on wide emoji in tmux 3.3a,
which draws the modifier as two cells of its own) is meaningful text;
dropping it would lose what the writer meant.
"""

from __future__ import annotations

import re
import unicodedata

from rich.cells import get_character_cell_size

_VS16 = "\ufe0f"
_ZWJ = "\u200d"
_MODIFIERS = range(0x1F3FB, 0x1F400)
_FILLERS = frozenset("\u3164\uffa0")

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_NONCHARACTER = re.compile(f"[{_NONCHARACTERS}]")

# Fast path: strings without any of these are returned as they are.
_SUSPECT = re.compile(f"[\ufe0f\u200d\u3164\uffa0\U0001f3fb-\U0001f3ff{_NONCHARACTERS}]")


def _is_pictograph(ch: str) -> bool:
    """Emoji a joiner may lead to: wide ones, and the symbol blocks ZWJ
    sequences use with narrow members (☠ in 🏴‍☠️, ⚕ in 🧑‍⚕️, 🗨 in 👁‍🗨)."""
    code = ord(ch)
    return (
        get_character_cell_size(ch) == 2
        or 0x2190 <= code <= 0x21FF
        or 0x2300 <= code <= 0x23FF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or 0x1F000 <= code <= 0x1FAFF
    )


_DROPPED = re.compile("[\ufe0f\u3164\uffa0]")


def _keep_joiner(prev: str, nxt: str) -> bool:
    # Rich swallows whatever follows a joiner, a space included, so even a
    # shaping joiner goes when no letter follows it.
    if not nxt or nxt == _ZWJ:
        return False
    if _is_pictograph(nxt):
        return True
    return (
        bool(prev)
        and unicodedata.category(prev) in ("Mn", "Mc")
        and unicodedata.category(nxt)[0] in "LM"
    )


def agree_widths(s: str) -> str:
    """`s` without the characters Rich and terminals measure differently.

    In passes, so that the result is stable (cleaning it again changes
    nothing): selectors and fillers first, then skin tones (by what precedes
    them), then joiners (by what is left around them).
    """
    if not _SUSPECT.search(s):
        return s
    s = _DROPPED.sub("", _NONCHARACTER.sub("\ufffd", s))
    toned: list[str] = []
    for ch in s:
        if ord(ch) in _MODIFIERS:
            prev = toned[-1] if toned else ""
            if not prev or get_character_cell_size(prev) != 2 or ord(prev) in _MODIFIERS:
                continue
        toned.append(ch)
    if _ZWJ not in toned:
        return "".join(toned)
    out: list[str] = []
    last = len(toned) - 1
    for i, ch in enumerate(toned):
        if ch == _ZWJ:
            nxt = toned[i + 1] if i < last else ""
            if not _keep_joiner(out[-1] if out else "", nxt):
                continue
        out.append(ch)
    return "".join(out)
