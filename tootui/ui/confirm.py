"""A yes/no question over the app, for actions that cannot be taken back.

Deleting a post and blocking an account ask first; the screen that asked gets
the answer through `push_screen`'s callback and does the work only on yes.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from tootui.i18n import _
from tootui.ui.bindings import Scope, bindings_for


class ConfirmScreen(ModalScreen[bool]):
    """`question` with Yes and No; `y`/`enter` answer yes, `n`/`esc` no."""

    BINDINGS = bindings_for(Scope.CONFIRM)

    def __init__(self, question: str, *, yes: str | None = None) -> None:
        super().__init__()
        self._question = question
        self._yes = yes or _("Yes")

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            # The question names server accounts: plain text, never markup.
            yield Label(self._question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(self._yes, variant="error", id="confirm-yes", compact=True)
                yield Button(_("No"), id="confirm-no", compact=True)

    def on_mount(self) -> None:
        # No is the safe answer: a stray enter on the button does nothing harmful.
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
