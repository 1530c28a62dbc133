"""Content warnings and sensitive media start hidden; the body lines say how to show them."""

from __future__ import annotations

from rich.style import Style

from tootui.models import Account, MediaAttachment, Status
from tootui.render import render_status
from tootui.ui.status_lines import Palette, body_lines, starts_hidden

PALETTE = Palette(time=Style(), meta=Style(), marker=Style(), more=Style())
AUTHOR = Account(id="1", username="a", acct="a")
PHOTO = MediaAttachment(id="m1", type="image", description="a cat on a mat")


def plain(status: Status, *, hidden: bool) -> str:
    lines = body_lines(render_status(status), 60, None, PALETTE, hidden=hidden)
    return "\n".join(line.plain for line in lines)


def test_sensitive_media_without_warning_hides_only_the_media() -> None:
    status = Status(id="9", account=AUTHOR, content_html="<p>look at this</p>",
                    sensitive=True, media_attachments=(PHOTO,))
    assert starts_hidden(status)
    hidden = plain(status, hidden=True)
    assert "look at this" in hidden
    assert "a cat on a mat" not in hidden
    assert "1 sensitive attachment hidden" in hidden
    assert "a cat on a mat" in plain(status, hidden=False)


def test_a_plain_post_has_nothing_to_hide() -> None:
    status = Status(id="8", account=AUTHOR, content_html="<p>hello</p>",
                    media_attachments=(PHOTO,))
    assert not starts_hidden(status)
    assert "a cat on a mat" in plain(status, hidden=False)


def test_a_content_warning_hides_text_and_media() -> None:
    status = Status(id="7", account=AUTHOR, content_html="<p>the ending</p>",
                    spoiler_text="film spoilers", media_attachments=(PHOTO,))
    hidden = plain(status, hidden=True)
    assert "film spoilers" in hidden
    assert "the ending" not in hidden
    assert "a cat on a mat" not in hidden
