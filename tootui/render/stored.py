"""A `RenderedStatus` as JSON and back, so the cache can keep it beside the status.

Styles are kept as their text form (`Style.parse` reads it back, links
included). Everything read back is checked again: the cache file is outside
our control once written, so a rendering holding anything `sanitize` would
change, or a link it would refuse, is dropped and the status rendered anew.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.errors import StyleSyntaxError
from rich.style import Style
from rich.text import Span, Text

from tootui.render.rendered import LinkTarget, RenderedStatus
from tootui.render.sanitize import has_unsafe, safe_url

_KINDS = ("link", "mention", "hashtag")


def _text_to_json(text: Text) -> dict[str, Any]:
    return {"t": text.plain, "s": str(text.style) if text.style else "",
            "p": [[s.start, s.end, str(s.style)] for s in text.spans]}


def _safe(value: object) -> str:
    text = str(value)
    # Cleaning would shift every span after it: a string that needs it was
    # not written by us, so the whole rendering is refused and redone.
    if has_unsafe(text):
        raise ValueError("unsafe text in a stored rendering")
    return text


def _style(value: object) -> Style:
    style = Style.parse(_safe(value))
    if style.link is not None and safe_url(style.link) is None:
        raise ValueError("unsafe link in a stored rendering")
    return style


def _text_from_json(data: Any) -> Text:
    text = Text(_safe(data["t"]), style=_style(data["s"]) if data.get("s") else "")
    for start, end, style in data.get("p", ()):
        text.spans.append(Span(int(start), int(end), _style(style)))
    return text


def _opt(text: Text | None) -> dict[str, Any] | None:
    return _text_to_json(text) if text is not None else None


def rendered_to_json(rendered: RenderedStatus) -> dict[str, Any]:
    return {
        "header": _text_to_json(rendered.header),
        "boosted_by": _opt(rendered.boosted_by),
        "reply_to": _opt(rendered.reply_to),
        "spoiler": _opt(rendered.spoiler),
        "body": _text_to_json(rendered.body),
        "extras": [_text_to_json(t) for t in rendered.extras],
        "links": [[t.url, t.kind, t.label] for t in rendered.links],
        "created_at": rendered.created_at.isoformat() if rendered.created_at else None,
    }


def rendered_from_json(data: Any) -> RenderedStatus | None:
    """The rendering, or None when the stored form is not one we wrote."""
    try:
        def opt(key: str) -> Text | None:
            value = data.get(key)
            return _text_from_json(value) if value is not None else None

        links = tuple(LinkTarget(_safe(url), kind, _safe(label))
                      for url, kind, label in data["links"]
                      if kind in _KINDS and safe_url(str(url)))
        created = data.get("created_at")
        return RenderedStatus(
            header=_text_from_json(data["header"]),
            boosted_by=opt("boosted_by"),
            reply_to=opt("reply_to"),
            spoiler=opt("spoiler"),
            body=_text_from_json(data["body"]),
            extras=tuple(_text_from_json(t) for t in data["extras"]),
            links=links,
            created_at=datetime.fromisoformat(created) if created else None,
        )
    except (KeyError, TypeError, ValueError, AttributeError, StyleSyntaxError):
        return None
