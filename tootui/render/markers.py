"""Style markers carried through markdownify's string pipeline, and their decoding.

markdownify joins plain strings, so a styled span is written as
`OPEN <index> SEP text CLOSE`, where `<index>` points into a list of Rich
styles. The marker characters are C0 controls, which `sanitize.clean` removes
from every server string before it enters the pipeline, so only the converter
can write them. `HARD_SPACE` and `HARD_NEWLINE` protect the whitespace of
`<pre>` blocks and list indentation from the whitespace tidying below.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.style import Style
from rich.text import Span, Text

from tootui.render.sanitize import clean, has_unsafe

OPEN = "\x01"
SEP = "\x02"
CLOSE = "\x03"
HARD_SPACE = "\x04"
HARD_NEWLINE = "\x05"

_MARK = r"(?:\x01\d+\x02|\x03)"
_TOKEN = re.compile(r"\x01(\d+)\x02|\x03")
_SPACE_BEFORE_NEWLINE = re.compile(rf" +({_MARK}*)(?=\n)")
_SPACE_AFTER_NEWLINE = re.compile(rf"(\n{_MARK}*) +")
_SPACE_RUN = re.compile(rf" ({_MARK}*) +")
_NEWLINE_RUN = re.compile(rf"\n(?:{_MARK}*\n){{2,}}")
_HARD = str.maketrans({HARD_SPACE: " ", HARD_NEWLINE: "\n"})


def open_marker(index: int) -> str:
    return f"{OPEN}{index}{SEP}"


def strip_markers(marked: str) -> str:
    """The visible text of a marked string."""
    return _TOKEN.sub("", marked).translate(_HARD)


def _collapse_newlines(match: re.Match[str]) -> str:
    # Keep every marker (spans must stay balanced), but at most one blank line.
    return "\n\n" + "".join(_TOKEN_ALL.findall(match.group(0)))


_TOKEN_ALL = re.compile(_MARK)


def tidy(marked: str) -> str:
    """Collapse the whitespace HTML layout leaves behind, ignoring markers."""
    marked = _SPACE_BEFORE_NEWLINE.sub(r"\1", marked)
    marked = _SPACE_AFTER_NEWLINE.sub(r"\1", marked)
    marked = _SPACE_RUN.sub(r" \1", marked)
    return _NEWLINE_RUN.sub(_collapse_newlines, marked)


def build_text(marked: str, span_styles: Sequence[Style]) -> Text:
    """Decode a marked string into a `Text` with one span per marker pair.

    Spans are listed in the order they were opened, so an inner span is later
    in the list and wins over its enclosing one, as Rich applies them in order.
    """
    marked = tidy(marked)
    pieces: list[str] = []
    length = 0
    slots: list[list[int]] = []  # [style index, start, end]
    stack: list[int] = []
    position = 0
    for match in _TOKEN.finditer(marked):
        chunk = marked[position : match.start()]
        pieces.append(chunk)
        length += len(chunk)
        position = match.end()
        index = match.group(1)
        if index is not None:
            stack.append(len(slots))
            slots.append([int(index), length, -1])
        elif stack:
            slots[stack.pop()][2] = length
    tail = marked[position:]
    pieces.append(tail)
    length += len(tail)
    for slot in stack:
        slots[slot][2] = length
    plain = "".join(pieces)
    lead = len(plain) - len(plain.lstrip())
    plain = plain.strip().translate(_HARD)
    if has_unsafe(plain):
        # Cannot happen with well-formed markers; if it ever does, the
        # terminal's safety matters more than the styling.
        return Text(clean(plain))
    spans = []
    for index, start, end in slots:
        start = max(0, start - lead)
        end = min(len(plain), end - lead)
        if end > start and 0 <= index < len(span_styles):
            spans.append(Span(start, end, span_styles[index]))
    return Text(plain, spans=spans)
