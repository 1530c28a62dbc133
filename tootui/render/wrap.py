"""Wrap styled text to a terminal width, measured in cells the way Textual draws.

Widths come from Rich's `cell_len`, which Textual itself uses, so a line we
call `width` cells wide is drawn `width` cells wide (sequences that terminals
draw at another width are normalised before, by `cells.agree_widths`). Break
rules, simplified from UAX #14: between any two wide (CJK, emoji) characters,
at spaces and after zero-width spaces; Latin words stay whole when they fit;
closing punctuation never starts a line and opening punctuation never ends
one; a flag's two regional indicators and a ZWJ sequence are never split.
A line may start with a hanging prefix (`hanging`): a quote bar repeated on
every continuation line, or a list bullet whose text lines up under itself.
"""

from __future__ import annotations

from typing import Literal

from rich.cells import cell_len, split_graphemes
from rich.style import Style
from rich.text import Text

# Not at the start of a line (kinsoku: closing marks, small kana, prolonged sound).
_NO_START = frozenset(
    ",.!?;:)]}%'\"’”»›，。、！？；：）」』】〉》〕］｝〙〗…‥・ー〜～"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
)
# Not at the end of a line (opening marks).
_NO_END = frozenset("([{‘“«‹（「『【〈《〔［｛〘〖")
# Spaces that allow a break; no-break spaces are word characters on purpose.
_NON_BREAKING = frozenset("\xa0\u2007\u202f\u2060\ufeff")
_ZERO_WIDTH_SPACE = "\u200b"
_REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)
_TAB_SIZE = 4
_UNFITTABLE = "…"

# A span at the start of a line may say how the line's continuation lines
# begin: with the same prefix again (a quote bar) or with as many spaces (a
# list bullet, so the text lines up under itself).
_HANG = "tootui.hang"
HangKind = Literal["repeat", "indent"]
# Below this many cells beside the prefix, text is better wrapped without it.
_MIN_HANGING_WIDTH = 8


def hanging(style: Style, kind: HangKind) -> Style:
    """`style` for a line prefix that continuation lines repeat or indent under."""
    return style + Style(meta={_HANG: kind})


def _hang(line: Text) -> tuple[int, str] | None:
    for span in line.spans:
        if span.start == 0 and isinstance(span.style, Style) and span.end < len(line):
            kind = span.style.meta.get(_HANG)
            if kind in ("repeat", "indent"):
                return span.end, kind
    return None


def _wrap_hanging(line: Text, width: int) -> list[Text] | None:
    """Wrap what follows a hanging prefix, then put the prefix back (or its
    indent) before each piece; None when the line has no such prefix."""
    hang = _hang(line)
    if hang is None:
        return None
    end, kind = hang
    prefix = line[:end]
    cells = prefix.cell_len
    if width - cells < _MIN_HANGING_WIDTH:
        return None
    out: list[Text] = []
    for number, piece in enumerate(_wrap_line(line[end:], width - cells)):
        lead = prefix.copy() if number == 0 or kind == "repeat" else Text(" " * cells)
        lead.append_text(piece)
        out.append(lead)
    return out


def _clusters(plain: str) -> list[tuple[int, int, int]]:
    """Grapheme clusters as (start, end, cells), with flags kept in one piece."""
    spans, _total = split_graphemes(plain)
    merged: list[tuple[int, int, int]] = []
    for start, end, cells in spans:
        if (
            merged
            and end - start == 1
            and ord(plain[start]) in _REGIONAL_INDICATORS
            and merged[-1][1] - merged[-1][0] == 1
            and ord(plain[merged[-1][0]]) in _REGIONAL_INDICATORS
        ):
            # A single-character previous cluster is an unpaired indicator.
            prev_start, _end, prev_cells = merged.pop()
            merged.append((prev_start, end, prev_cells + cells))
        else:
            merged.append((start, end, cells))
    return merged


def _is_space(ch: str) -> bool:
    return ch.isspace() and ch not in _NON_BREAKING


def _units(
    plain: str, clusters: list[tuple[int, int, int]]
) -> list[tuple[int, int, int, bool, int]]:
    """Unbreakable pieces as (start, end, cells, is_space, index of first cluster)."""
    units: list[list[int]] = []
    spaces: list[bool] = []
    prev: tuple[int, int, int] | None = None
    for number, cluster in enumerate(clusters):
        start, end, cells = cluster
        first = plain[start]
        # A space carrying zero-width marks (" \u200b") is text, not a break.
        space = all(_is_space(ch) for ch in plain[start:end])
        if prev is None:
            joined = False
        else:
            prev_first = plain[prev[0]]
            prev_space = spaces[-1]
            if space or prev_space:
                joined = space and prev_space
            elif first in _NO_START or prev_first in _NO_END:
                joined = True
            elif cells == 2 or prev[2] == 2 or prev_first == _ZERO_WIDTH_SPACE:
                joined = False
            else:
                joined = True
        if joined:
            units[-1][1] = end
            units[-1][2] += cells
        else:
            units.append([start, end, cells, number])
            spaces.append(space)
        prev = cluster
    return [(u[0], u[1], u[2], s, u[3]) for u, s in zip(units, spaces, strict=True)]


def _wrap_line(line: Text, width: int) -> list[Text]:
    plain = line.plain
    if cell_len(plain) <= width:
        return [line]
    hung = _wrap_hanging(line, width)
    if hung is not None:
        return hung
    clusters = _clusters(plain)
    ranges: list[tuple[int, int]] = []
    unfittable: set[int] = set()
    start: int | None = None
    content_end = 0
    used = 0
    first_line = True

    def flush() -> None:
        nonlocal start, used, first_line
        first = start if start is not None else content_end
        ranges.append((first, max(first, content_end)))
        start, used, first_line = None, 0, False

    for unit_start, unit_end, cells, space, first_cluster in _units(plain, clusters):
        if space:
            if start is None and not first_line:
                continue  # no leading spaces where we broke the line
            if used + cells <= width:
                start = unit_start if start is None else start
                used += cells
            elif start is not None:
                flush()
            continue
        if used + cells <= width:
            start = unit_start if start is None else start
            used += cells
            content_end = unit_end
            continue
        if cells <= width and start is not None:
            flush()
            start, used, content_end = unit_start, cells, unit_end
            continue
        # Longer than a whole line: fold it by clusters, filling this line first.
        for number in range(first_cluster, len(clusters)):
            c_start, c_end, c_cells = clusters[number]
            if c_end > unit_end:
                break
            if used + c_cells > width and start is not None:
                flush()
            start = c_start if start is None else start
            content_end = c_end
            if c_cells > width:
                unfittable.add(c_start)
                flush()
                continue
            used += c_cells
    if start is not None:
        flush()
    return _pieces(line, ranges, unfittable)


def _pieces(line: Text, ranges: list[tuple[int, int]], unfittable: set[int]) -> list[Text]:
    """The ranges as Texts with their spans, from one `divide` (slicing each
    range separately would copy the whole line once per output line)."""
    offsets = sorted({offset for pair in ranges for offset in pair})
    divided = line.divide(offsets)
    piece_at = {0: 0} | {offset: n + 1 for n, offset in enumerate(offsets)}
    out: list[Text] = []
    for start, end in ranges:
        if start in unfittable:
            # A wide character on a one-cell line can't be drawn; show that
            # something is there rather than overflow the width.
            out.append(Text(_UNFITTABLE, style=line.style))
        elif start == end:
            out.append(Text("", style=line.style))
        else:
            out.append(divided[piece_at[start]])
    return out


def wrap(text: Text, width: int) -> list[Text]:
    """Lines of at most `width` cells; hard line breaks kept, none for empty text."""
    if width < 1:
        raise ValueError(f"width must be at least 1, not {width}")
    if not text.plain:
        return []
    lines: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        if "\t" in line.plain:
            line.expand_tabs(_TAB_SIZE)
        lines.extend(_wrap_line(line, width))
    return lines
