"""The footer, speaking the current interface language.

Textual's `Footer` shows each binding's `description` as it is stored in the
`Binding`. Ours are stored in the source language (see `ui/bindings.py`), so this
footer translates them as it composes its keys. It recomposes whenever the
screen's bindings are refreshed, which is what a language switch does, so the
footer follows the switch without a restart.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel

from tootui.i18n import _


class TranslatedFooter(Footer):
    """A `Footer` whose key descriptions go through `_` when they are drawn."""

    def compose(self) -> ComposeResult:
        # Footer.compose yields the keys (inside key groups) one at a time; each is
        # translated before it is mounted, and the groups see the same widgets.
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description)
                if widget.tooltip:
                    widget.tooltip = _(str(widget.tooltip))
            elif isinstance(widget, FooterLabel) and isinstance(widget.content, str):
                # A binding group's description.
                widget.update(_(widget.content))
            yield widget
