"""Make any server string safe to put on a terminal.

Everything a server sends (content, names, alt text, URLs, card titles) is
written by strangers. Before it reaches the screen it passes through `clean`,
so that no byte of it can act on the terminal: no escape sequence (colours,
cursor moves, OSC 8 links, OSC 52 clipboard writes, DCS/APC payloads), no
control character, and no bidi override that could reorder the text around it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tootui.render.cells import agree_widths

# Whole escape sequences first, so their payload goes with them: removing only
# the ESC would leave e.g. "]52;c;..." as visible junk. Both the 7-bit (ESC x)
# and the 8-bit C1 introducers count: some terminals honour U+009B as CSI.
_STRING_END = r"(?:\x07|\x1b\\|\x9c)"
_ESCAPE_SEQUENCE = re.compile(
    "|".join(
        (
            # CSI: parameters, intermediates, one final byte.
            r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]",
            # OSC, DCS, SOS, PM, APC: a payload up to BEL or ST. An ESC inside
            # the payload aborts the string in real terminals, so it ends there.
            r"(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*" + _STRING_END,
            # Other escapes: intermediates then a final byte (ESC ( B, ESC # 8),
            # or a single final byte (ESC c resets the terminal).
            r"\x1b[\x20-\x2f]*[\x30-\x7e]",
        )
    )
)

# What is left after the sequences: C0 except \t and \n, DEL, C1, and lone
# surrogates (from JSON "\ud800" escapes; they can't even be encoded to UTF-8).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

# Explicit embeddings/overrides (U+202A-U+202E) and isolates (U+2066-U+2069)
# are dropped rather than balanced: a line wrap can split a balanced pair, and
# a terminal that does bidi would then reorder the rest of the line. Natural
# RTL text is kept as written, in logical order; LRM/RLM marks are harmless.
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")

# Line and paragraph separators would be taken as line ends by some terminals
# and as nothing by others; one real newline keeps layout predictable.
_SEPARATOR = re.compile("[\u2028\u2029\x85]")

# Fast path: most strings contain none of the above.
_SUSPECT = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def clean(s: str) -> str:
    """Return `s` without escape sequences, control or bidi-override characters.

    Newline and tab are kept; U+2028/U+2029 (and NEL) become newlines; CR is
    dropped so that CRLF text becomes LF text. Emoji sequences that Rich and
    terminals measure differently are normalised too (`cells.agree_widths`),
    since every server string passes through here on its way to the screen.
    """
    if not _SUSPECT.search(s):
        return agree_widths(s)
    s = _SEPARATOR.sub("\n", s)
    s = _ESCAPE_SEQUENCE.sub("", s)
    s = _CONTROL.sub("", s)
    return agree_widths(_BIDI_CONTROL.sub("", s))


def has_unsafe(s: str) -> bool:
    """True when `s` holds a control character, escape or bidi override
    (used by tests and assertions)."""
    return _SUSPECT.search(s) is not None


_URL_SPACE = re.compile(r"\s")


def safe_url(url: str | None) -> str | None:
    """`url` if it may be emitted as a terminal hyperlink (OSC 8), else None.

    Only absolute http(s) URLs with a host, and nothing a terminal could read
    as the end of the OSC 8 sequence or as a new one: no control characters,
    no whitespace, no bidi controls.
    """
    if not url or len(url) > 4096:
        return None
    if _SUSPECT.search(url) or _URL_SPACE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url
