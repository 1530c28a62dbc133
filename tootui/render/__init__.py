"""Pure rendering of server data to safe, styled terminal text (no Textual here)."""

from tootui.render.account import RenderedAccount, render_account
from tootui.render.html import LinkTarget, render_html
from tootui.render.sanitize import clean, safe_url
from tootui.render.status import RenderedStatus, render_status
from tootui.render.wrap import wrap

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
