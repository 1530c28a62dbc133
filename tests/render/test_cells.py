"""Emoji sequences measured the same by Rich (so Textual) and by the terminal.

A sequence Rich counts 2 cells and tmux draws in 1 (U+2B07 U+FE0F, in the
demo's post 4) shifts every cell after it, the pane border included. The
table pins what `clean` makes of each such sequence and the width Rich gives
it; the tmux test draws the cleaned samples in a real tmux and compares.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tests.render.helpers import status
from tootui.render import clean, render_status
from tootui.render.cells import agree_widths

# (server text, what clean keeps, its width in cells)
CASES = [
    ("\u2b07\ufe0f", "\u2b07", 1),  # narrow base + VS16: the demo's post 4
    ("\u2764\ufe0f", "\u2764", 1),
    ("\u26a0\ufe0f done", "\u26a0 done", 6),
    ("1\ufe0f\u20e3", "1\u20e3", 1),  # keycap
    ("\u2b50\ufe0f", "\u2b50", 2),  # wide base: VS16 changes nothing, goes too
    ("\u4e2d\ufe0f", "\u4e2d", 2),
    ("\U0001f3f3\ufe0f\u200d\U0001f308", "\U0001f3f3\u200d\U0001f308", 1),
    ("\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f468\u200d\U0001f469\u200d\U0001f467", 2),
    ("\U0001f9d1\u200d\U0001f4bb", "\U0001f9d1\u200d\U0001f4bb", 2),
    ("\U0001f3f4\u200d\u2620\ufe0f", "\U0001f3f4\u200d\u2620", 2),
    ("a\u200db", "ab", 2),  # a joiner that builds no emoji
    ("\U0001f44d\u200da", "\U0001f44da", 3),
    ("x\u200d", "x", 1),
    ("\u0dc1\u0dca\u200d\u0dbb\u0dd3", "\u0dc1\u0dca\u200d\u0dbb\u0dd3", 1),  # Sinhala ශ්‍රී
    ("\u0d15\u0d4d\u200d x", "\u0d15\u0d4d x", 3),  # a joiner would swallow the space
    ("\U0001f44d\U0001f3fd", "\U0001f44d\U0001f3fd", 2),  # skin tone on a wide emoji: kept
    ("\u261d\U0001f3fd", "\u261d", 1),  # on a narrow one: dropped
    ("\U0001f3fd\U0001f3fd", "", 0),  # bare modifiers
    ("\u3164\u3164", "", 0),  # "invisible name" fillers
    ("\uffa0x", "x", 1),
    ("\U0001f1e8\U0001f1f3", "\U0001f1e8\U0001f1f3", 2),  # flags untouched
    ("e\u0301", "e\u0301", 1),
    ("a\uffffb\ufdd0\U0010fffe", "a\ufffdb\ufffd\ufffd", 5),  # noncharacters
]


@pytest.mark.parametrize(("raw", "kept", "cells"), CASES, ids=[ascii(c[0]) for c in CASES])
def test_clean_normalises_sequences(raw: str, kept: str, cells: int) -> None:
    assert clean(raw) == kept
    assert cell_len(kept) == cells


@pytest.mark.parametrize(("raw", "kept", "cells"), CASES, ids=[ascii(c[0]) for c in CASES])
def test_normalising_twice_changes_nothing(raw: str, kept: str, cells: int) -> None:
    assert agree_widths(kept) == kept


def test_every_field_is_normalised() -> None:
    s = status(
        "<p>down \u2b07\ufe0f</p>",
        spoiler_text="cw \u26a0\ufe0f",
        account={"id": "1", "username": "a", "acct": "a", "display_name": "A \u2764\ufe0f"},
        poll={"id": "1", "options": [{"title": "yes \u2714\ufe0f", "votes_count": 1}]},
        media_attachments=[{"id": "1", "type": "image", "description": "\u2600\ufe0f sky"}],
    )
    r = render_status(s)
    for text in (r.header, r.spoiler, r.body, *r.extras):
        assert text is not None and "\ufe0f" not in text.plain
    assert r.body.plain == "down \u2b07"


def _tmux_widths(samples: list[str], tmp_path: Path) -> list[int]:
    socket = tmp_path / "tmux.sock"
    samples_file, result_file = tmp_path / "samples.json", tmp_path / "widths.json"
    samples_file.write_text(json.dumps(samples), encoding="utf-8")
    probe = Path(__file__).with_name("tmux_probe.py")
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", TMUX_TMPDIR=str(tmp_path))
    env.pop("TMUX", None)
    command = (
        f"{sys.executable} {probe} {samples_file} {result_file}; tmux wait-for -S probe-done"
    )
    base = ["tmux", "-u", "-S", str(socket), "-f", "/dev/null"]
    subprocess.run(
        [*base, "new-session", "-d", "-x", "100", "-y", "5", command], env=env, check=True
    )
    try:
        # wait-for returns at once if the pane already signalled.
        subprocess.run([*base, "wait-for", "probe-done"], env=env, check=True, timeout=60)
    finally:
        subprocess.run([*base, "kill-server"], env=env, capture_output=True)
    widths: list[int] = json.loads(result_file.read_text(encoding="utf-8"))
    return widths


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_tmux_draws_what_rich_counts(tmp_path: Path) -> None:
    # Past the cases above: what the demo and real posts carry.
    extra = ["\u2b07\ufe0f\u2b07\ufe0f ok", "\u00a9\ufe0f 2026", "\u2122\ufe0f", "#\ufe0f\u20e3",
             "\u2764\ufe0f\u200d\U0001f525", "\U0001f441\ufe0f\u200d\U0001f5e8\ufe0f",
             "\u4e2d\u6587 \U0001f600 abc", "\u2b50\ufe0e", "\u2764\ufe0e", "\u4e2d\U000e0100",
             "\u0e01\u0e34\u0e49", "\u0915\u094d\u0937", "x\u200c y", "\u3000\uff21",
             "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"]
    samples = [clean(raw) for raw, _kept, _cells in CASES] + [clean(s) for s in extra]
    # Skin tones on wide emoji stay (they are meaningful) but tmux 3.3a draws
    # the modifier as two cells of its own; that case is pinned above only.
    samples = [s for s in samples if not any(0x1F3FB <= ord(c) <= 0x1F3FF for c in s)]
    drawn = _tmux_widths(samples, tmp_path)
    counted = [cell_len(s) for s in samples]
    assert drawn == counted, [(ascii(s), d) for s, d in zip(samples, drawn, strict=True)]


_TRICKY = st.sampled_from(
    ["\ufe0f", "\u200d", "\U0001f3fd", "\u3164", "\uffff", "\u0301", "\u094d", "a", " ", "中",
     "👍", "\u2b07", "\u0915", "\x1b", "[", "\u202e", "\u2028"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_TRICKY, max_size=12).map("".join))
def test_clean_is_idempotent_on_tricky_sequences(s: str) -> None:
    once = clean(s)
    assert clean(once) == once
    assert agree_widths(once) == once
