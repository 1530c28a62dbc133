"""Voting in a poll (`p`): the options as a list; one choice, or several.

A single-choice poll votes on `enter`; a multiple-choice one toggles options
with `space`/`enter` and votes with `ctrl+s` or the button (the hints show the
keys as remapped). The screen gets the chosen option indices back and sends the vote.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, SelectionList

from tootui.i18n import N_, _
from tootui.models import Poll
from tootui.ui.bindings import Scope, app_keymap, bindings_for, key_hint
from tootui.ui.status_lines import one_line


class PollScreen(ModalScreen[list[int] | None]):
    """The poll's options; dismisses with the chosen indices, or None."""

    BINDINGS = bindings_for(Scope.DIALOG)

    def __init__(self, poll: Poll) -> None:
        super().__init__()
        self._poll = poll

    def compose(self) -> ComposeResult:
        # Text, not str: an option's `[...]` is the server's text, never markup.
        titles = [Text(one_line(option.title) or "…") for option in self._poll.options]
        keymap = app_keymap(self.app)
        with Vertical(id="poll", classes="dialog") as box:
            if self._poll.multiple:
                box.border_title = _("Vote: choose one or more")
                yield SelectionList[int](*[(title, i) for i, title in enumerate(titles)],
                                         id="poll-options")
                yield Button(_("Vote"), variant="primary", id="poll-vote", compact=True)
                hint = key_hint(keymap, ("dialog.choose", N_("choose")),
                                ("dialog.submit", N_("vote")), ("dialog.close", N_("cancel")))
            else:
                box.border_title = _("Vote: choose one")
                yield OptionList(*titles, id="poll-options")
                hint = key_hint(keymap, ("dialog.choose", N_("vote")),
                                ("dialog.close", N_("cancel")))
            yield Label(hint, classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#poll-options").focus()

    def action_choose(self) -> None:
        # A key remapped from `enter`: what the list does on `enter` (a SelectionList toggles).
        self.query_one("#poll-options", OptionList).action_select()

    @on(OptionList.OptionSelected, "#poll-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if not self._poll.multiple:
            self.dismiss([event.option_index])

    @on(Button.Pressed, "#poll-vote")
    def action_submit(self) -> None:
        if not self._poll.multiple:
            return
        chosen = sorted(self.query_one("#poll-options", SelectionList).selected)
        if not chosen:
            self.notify(_("Choose at least one option."), severity="warning")
            return
        self.dismiss(chosen)

    def action_close(self) -> None:
        self.dismiss(None)
