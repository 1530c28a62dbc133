"""Pure rendering of server data to safe, styled terminal text (no Textual here).

The HTML converter's names load on first use (PEP 562): importing a light
module of this package, such as `stored` for a warm start's first paint, must
not import BeautifulSoup and markdownify with it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Light, and eager: `wrap` is also a submodule's name, so the function must be
# bound here before anything imports that submodule.
from tootui.render.rendered import LinkTarget, RenderedStatus
from tootui.render.sanitize import clean, safe_url
from tootui.render.wrap import wrap

if TYPE_CHECKING:
    from tootui.render.account import RenderedAccount, render_account
    from tootui.render.html import render_html
    from tootui.render.status import render_status

_LAZY = {
    "RenderedAccount": "account",
    "render_account": "account",
    "render_html": "html",
    "render_status": "status",
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
    home = _LAZY.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
