"""The go-to menu (`g`): the timelines to open, and a field for any #hashtag or @account.

The fixed timelines are listed at once; the user's lists and followed
hashtags are fetched by the screen in a worker and added when they arrive
(`add_destinations`). Dismisses with the chosen `Destination`, or None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tootui.i18n import N_, _
from tootui.models import UserList
from tootui.ui.bindings import Scope, app_keymap, bindings_for, key_hint
from tootui.ui.status_lines import one_line
from tootui.ui.timeline_view import timeline_title

# A destination whose name is this opens the user's own profile.
MY_PROFILE = "profile"
# A destination named "acct:user@host" is an account to look up first.
ACCT_PREFIX = "acct:"

FIXED: tuple[str, ...] = ("home", "notifications", "local", "federated", "conversations",
                          "bookmarks", "favourites")


@dataclass(frozen=True, slots=True)
class Destination:
    """A timeline name (or `MY_PROFILE`, or "acct:…") and what to call it."""

    name: str
    label: str = ""

    @property
    def title(self) -> str:
        if self.name == MY_PROFILE:
            return _("My profile")
        return timeline_title(self.name, self.label)


def fixed_destinations() -> list[Destination]:
    return [*(Destination(name) for name in FIXED), Destination(MY_PROFILE)]


def fetched_destinations(lists: Sequence[UserList], tags: Sequence[str]) -> list[Destination]:
    return [*(Destination(f"list:{item.id}", item.title) for item in lists),
            *(Destination(f"tag:{tag}") for tag in tags)]


def typed_destination(text: str) -> Destination | None:
    """"#tag" (or a bare word) opens a hashtag, "@user[@host]" a profile."""
    text = text.strip()
    if text.startswith("@") and len(text) > 1:
        return Destination(ACCT_PREFIX + text[1:], text[1:])
    tag = text.lstrip("#").strip()
    return Destination(f"tag:{tag}") if tag and " " not in tag else None


_KIND_LABELS = {"list": N_("list"), "tag": N_("followed hashtag")}


class GotoScreen(ModalScreen[Destination | None]):
    """The list of timelines to open, over the app."""

    BINDINGS = bindings_for(Scope.DIALOG)

    def __init__(self, fetched: Sequence[Destination] | None = None) -> None:
        super().__init__()
        self._choices: list[Destination] = fixed_destinations()
        self._pending = fetched is None
        if fetched is not None:
            self._choices.extend(fetched)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="goto") as box:
            box.border_title = _("Go to")
            yield Input(placeholder=_("#hashtag or @account, then enter"), id="goto-input")
            yield OptionList(*[self._option(d) for d in self._choices], id="goto-choices")
            yield Label(_("Loading your lists and hashtags…") if self._pending
                        else self._keys_hint(), classes="dialog-hint", id="goto-hint")

    def on_mount(self) -> None:
        self.query_one("#goto-choices", OptionList).focus()

    @staticmethod
    def _option(destination: Destination) -> Option:
        kind = destination.name.partition(":")[0]
        label = one_line(destination.title)
        if kind in _KIND_LABELS:
            label = f"{label}  ({_(_KIND_LABELS[kind])})"
        return Option(label)

    def add_destinations(self, fetched: Sequence[Destination], *, failed: bool = False) -> None:
        """The lists and hashtags arrived from the server (or could not be had)."""
        self._pending = False
        known = {d.name for d in self._choices}
        new = [d for d in fetched if d.name not in known]
        self._choices.extend(new)
        self.query_one("#goto-choices", OptionList).add_options(
            [self._option(d) for d in new])
        self.query_one("#goto-hint", Label).update(
            _("Your lists and hashtags could not be loaded.") if failed
            else self._keys_hint())

    def _keys_hint(self) -> str:
        return key_hint(app_keymap(self.app), ("dialog.choose", N_("open")),
                        ("app.focus_next", N_("type a name")), ("dialog.close", N_("close")))

    @property
    def choices(self) -> Sequence[Destination]:
        return tuple(self._choices)

    def action_choose(self) -> None:
        # A key remapped from `enter`: what the list does on `enter`.
        self.query_one("#goto-choices", OptionList).action_select()

    @on(OptionList.OptionSelected, "#goto-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._choices[event.option_index])

    @on(Input.Submitted, "#goto-input")
    def _typed(self, event: Input.Submitted) -> None:
        destination = typed_destination(event.value)
        if destination is None:
            self.notify(_("Type a #hashtag or an @account."), severity="warning")
            return
        self.dismiss(destination)

    def action_close(self) -> None:
        self.dismiss(None)
