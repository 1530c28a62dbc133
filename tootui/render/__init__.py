"""Pure rendering of server data to safe, styled terminal text (no Textual here).

The names below are loaded on first use (PEP 562): importing one light module
of this package, such as `stored` for a warm start's first paint, must not
import the HTML converter (BeautifulSoup, markdownify) with it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tootui.render.account import RenderedAccount, render_account
    from tootui.render.html import render_html
    from tootui.render.rendered import LinkTarget, RenderedStatus
    from tootui.render.sanitize import clean, safe_url
    from tootui.render.status import render_status
    from tootui.render.wrap import wrap

_HOMES = {
    "LinkTarget": "rendered",
    "RenderedAccount": "account",
    "RenderedStatus": "rendered",
    "clean": "sanitize",
    "render_account": "account",
    "render_html": "html",
    "render_status": "status",
    "safe_url": "sanitize",
    "wrap": "wrap",
}

__all__ = [
    "LinkTarget",
    "RenderedAccount",
    "RenderedStatus",
    "clean",
    "render_account",
    "render_html",
    "render_status",
    "safe_url",
    "wrap",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
