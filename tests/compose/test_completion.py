"""Which token the compose pane completes, and what replaces it."""

from __future__ import annotations

import pytest

from tootui.completion import Token, token_before


@pytest.mark.parametrize(("line", "expected"), [
    ("hi @al", Token("@", "al", 3)),
    ("@al", Token("@", "al", 0)),
    ("cc @bob@exa", Token("@", "bob@exa", 3)),
    ("about #Neo", Token("#", "Neo", 6)),
    ("so good :blob", Token(":", "blob", 8)),
    ("(#tag", Token("#", "tag", 1)),
])
def test_tokens_are_found_at_the_cursor(line: str, expected: Token) -> None:
    assert token_before(line, len(line)) == expected


@pytest.mark.parametrize("line", [
    "mail me@example", "10:30", "smile :)", "no token here ", "a#b", "@", "x :a",
])
def test_no_token_where_none_is_meant(line: str) -> None:
    assert token_before(line, len(line)) is None


def test_only_text_before_the_cursor_counts() -> None:
    assert token_before("@alice and more", 6) == Token("@", "alice", 0)
    assert token_before("@alice and more", 15) is None


def test_completed_text() -> None:
    assert Token("@", "al", 0).completed("alice@far.example") == "@alice@far.example "
    assert Token("#", "ne", 0).completed("NeoDB") == "#NeoDB "
    assert Token(":", "bl", 0).completed("blobcat") == ":blobcat: "
