"""The corpus in `hostile/`: one malformed or hostile status per file.

Each file starts with `// Guards against: ...` lines, then JSON with the
`status` (content may be a list of `[piece, times]` for very large inputs),
or an `account` (profile: name, bio, fields), and what to `expect`. Every
case must render, emit no control character, unvalidated link or sequence
of disputed width, and wrap within width; the expectations pin the text.
Add a file here for every rendering bug found.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text

from tootui.client.convert import account_from_json, status_from_json
from tootui.render import LinkTarget, render_account, render_status, safe_url, wrap
from tootui.render.cells import agree_widths
from tootui.render.sanitize import has_unsafe

CORPUS = Path(__file__).parent / "hostile"
FILES = sorted(CORPUS.glob("*.jsonc"))


def _load(path: Path) -> dict[str, Any]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("// Guards against: "), f"{path.name} must say what it guards"
    data = json.loads("\n".join(ln for ln in lines if not ln.startswith("//")))
    content = data.get("status", {}).get("content")
    if isinstance(content, list):
        data["status"]["content"] = "".join(piece * times for piece, times in content)
    return data


def test_corpus_is_not_empty() -> None:
    assert len(FILES) >= 25


def _assert_safe(texts: list[Text], links: tuple[LinkTarget, ...]) -> None:
    for text in texts:
        assert not has_unsafe(text.plain), repr(text.plain[:200])
        for span in text.spans:
            link = getattr(span.style, "link", None)
            assert link is None or safe_url(link) == link
        for width in (1, 10, 40):
            assert all(line.cell_len <= width for line in wrap(text, width))
        # Sequences that terminals draw at another width than Rich counts.
        assert agree_widths(text.plain) == text.plain
    for target in links:
        assert safe_url(target.url) == target.url and not has_unsafe(target.label)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_hostile_case(path: Path) -> None:
    case = _load(path)
    if "account" in case:
        _check_account(case)
        return
    rendered = render_status(status_from_json(case["status"]), local_domain="mastodon.example")
    texts: list[Text] = [
        t
        for t in (rendered.header, rendered.boosted_by, rendered.reply_to, rendered.spoiler,
                  rendered.body, *rendered.extras)
        if t is not None
    ]
    _assert_safe(texts, rendered.links)

    expect = case["expect"]
    for field in ("header", "body", "spoiler", "reply_to", "boosted_by"):
        if field in expect:
            value = getattr(rendered, field)
            assert (value.plain if value is not None else None) == expect[field]
    if "extras" in expect:
        assert [t.plain for t in rendered.extras] == expect["extras"]
    if "links" in expect:
        assert [[t.kind, t.label] for t in rendered.links] == expect["links"]
    for piece in expect.get("body_contains", []):
        assert piece in rendered.body.plain
    if "body_max_chars" in expect:
        assert 0 < len(rendered.body.plain) <= expect["body_max_chars"]


def _check_account(case: dict[str, Any]) -> None:
    rendered = render_account(account_from_json(case["account"]), local_domain="mastodon.example")
    texts = [rendered.header, rendered.note]
    for field in rendered.fields:
        texts.extend((field.name, field.value))
    _assert_safe(texts, rendered.links)
    expect = case["expect"]
    if "header" in expect:
        assert rendered.header.plain == expect["header"]
    if "note" in expect:
        assert rendered.note.plain == expect["note"]
    if "fields" in expect:
        assert [[f.name.plain, f.value.plain, f.verified] for f in rendered.fields] == (
            expect["fields"]
        )
    if "links" in expect:
        assert [[t.kind, t.label] for t in rendered.links] == expect["links"]
