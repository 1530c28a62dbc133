"""A list to pick one thing from, opened from a post: its links, its media.

Dismisses with the chosen value (or None on `esc`); the screen that opened it
decides what choosing means (open in the browser, in a viewer, ...).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList

from tootui.i18n import _
from tootui.ui.bindings import Scope, bindings_for

T = TypeVar("T")


class ChoiceScreen(ModalScreen[T | None], Generic[T]):
    """`choices` as (label, value) pairs under `title`."""

    BINDINGS = bindings_for(Scope.DIALOG)

    def __init__(self, title: str, choices: Sequence[tuple[Text | str, T]], *,
                 hint: str = "") -> None:
        super().__init__()
        self._title = title
        self._choices = list(choices)
        self._hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = self._title
            yield OptionList(*[label for label, _value in self._choices], id="choices")
            yield Label(self._hint or _("enter: open · esc: close"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#choices", OptionList).focus()

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._choices[event.option_index][1])

    def action_close(self) -> None:
        self.dismiss(None)
