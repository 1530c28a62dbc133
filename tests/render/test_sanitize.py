"""No server string can act on the terminal once `clean` has seen it."""

from __future__ import annotations

import pytest

from tootui.render.sanitize import clean, has_unsafe, safe_url

ESC = "\x1b"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain text", "plain text"),
        ("line\nnext\tcol", "line\nnext\tcol"),
        (f"{ESC}[31mred{ESC}[0m", "red"),
        (f"{ESC}[38;2;255;0;0mtruecolour{ESC}[m", "truecolour"),
        (f"{ESC}[2J{ESC}[Hcleared", "cleared"),
        (f"{ESC}[?1049hmode", "mode"),
        ("\x9b31mC1 CSI", "C1 CSI"),
        (f"{ESC}]8;;https://evil.example\x07click{ESC}]8;;\x07", "click"),
        (f"{ESC}]8;;https://evil.example{ESC}\\click{ESC}]8;;{ESC}\\", "click"),
        (f"{ESC}]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07after", "after"),
        (f"{ESC}]0;new title\x07x", "x"),
        ("\x9d0;title\x9cx", "x"),
        (f"{ESC}Pq#0;2;0;0;0#1;2;100;100;0{ESC}\\sixel", "sixel"),
        (f"{ESC}_Gf=100;AAAA{ESC}\\kitty", "kitty"),
        (f"{ESC}^privacy message{ESC}\\pm", "pm"),
        (f"{ESC}Xstart of string{ESC}\\sos", "sos"),
        (f"{ESC}creset", "reset"),
        (f"{ESC}(Bcharset", "charset"),
        (f"{ESC}#8align", "align"),
        (f"{ESC}7save{ESC}8", "save"),
        # An OSC without terminator: the introducer goes, the rest is inert text.
        (f"{ESC}]52;c;unterminated", "52;c;unterminated"),
        ("bell\x07 backspace\x08 null\x00 del\x7f", "bell backspace null del"),
        ("crlf\r\nline", "crlf\nline"),
        ("c1 \x85nel", "c1 \nnel"),
        ("sep\u2028line\u2029para", "sep\nline\npara"),
        ("\u202eevil\u202c ok", "evil ok"),
        ("\u2066isolate\u2069 \u2067rtl\u2069 \u2068fsi\u2069", "isolate rtl fsi"),
        ("\u202a\u202b\u202d", ""),
        ("שלום world مرحبا", "שלום world مرحبا"),
        ("lone \ud800 surrogate", "lone  surrogate"),
        ("emoji \u2b07\ufe0f 👨\u200d👩\u200d👧 🇨🇳", "emoji \u2b07 👨\u200d👩\u200d👧 🇨🇳"),
    ],
)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected
    assert not has_unsafe(clean(raw))
    assert clean(clean(raw)) == clean(raw)


def test_clean_keeps_ordinary_text_untouched() -> None:
    text = "[USD] [b]bold[/b] [link=https://x]y[/link] *a* _b_ # c 1. d"
    assert clean(text) is text


@pytest.mark.parametrize(
    "url",
    [
        "https://mastodon.example/@alice",
        "http://example.com/path?q=1#frag",
        "https://例え.jp/パス",
    ],
)
def test_safe_url_accepts(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "javascript:alert(1)",
        "data:text/html,<script>",
        "file:///etc/passwd",
        "ftp://example.com/",
        "//example.com/relative",
        "/local/path",
        "https://",
        "https://example.com/\x1b]8;;x\x07",
        "https://example.com/\x07",
        "https://example.com/a b",
        "https://example.com/\u202e",
        "https://example.com/\n",
        "https://[::1",
        "https://example.com/" + "a" * 5000,
    ],
)
def test_safe_url_refuses(url: str | None) -> None:
    assert safe_url(url) is None
