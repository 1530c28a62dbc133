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

from tootui.i18n import N_
from tootui.ui.bindings import Scope, app_keymap, bindings_for, key_hint

T = TypeVar("T")


class ChoiceScreen(ModalScreen[T | None], Generic[T]):
    """`choices` as (label, value) pairs under `title`; the hint line says what choosing
    and closing do (`choose`, `close`: verbs marked with `N_`) with their keys."""

    BINDINGS = bindings_for(Scope.DIALOG)

    def __init__(self, title: str, choices: Sequence[tuple[Text | str, T]], *,
                 choose: str = N_("open"), close: str = N_("close")) -> None:
        super().__init__()
        self._title = title
        self._choices = list(choices)
        self._verbs = (choose, close)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = self._title
            yield OptionList(*[label for label, _value in self._choices], id="choices")
            choose, close = self._verbs
            yield Label(key_hint(app_keymap(self.app), ("dialog.choose", choose),
                                 ("dialog.close", close)), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#choices", OptionList).focus()

    def action_choose(self) -> None:
        # A key remapped from `enter`: what the list does on `enter`.
        self.query_one("#choices", OptionList).action_select()

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._choices[event.option_index][1])

    def action_close(self) -> None:
        self.dismiss(None)
