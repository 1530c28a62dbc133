"""The one table of key bindings.

Every binding has a stable id (a user keymap remaps by id through
`App.set_keymap`), the Textual key names, the action it runs and a description
marked with `N_`. Widgets take their `BINDINGS` from here by scope, and the help
screen and the command palette are generated from the same table, so a binding
is never written twice.

Descriptions stay in the source language (English) inside the `Binding`s and are
translated where they are shown: the footer (`ui/footer.py`), the help screen and
the command palette each call `_` as they draw. The bindings are built once, when
the classes are defined, so translating them here would freeze the language of
the first import; translating on display is what lets the language change without
a restart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from textual.binding import Binding, BindingType

from tootui.i18n import N_


class Scope(Enum):
    """Where a binding acts: which widget owns it."""

    APP = "app"
    MAIN = "main"  # the main screen, whatever pane has focus
    STATUSES = "statuses"  # the selected status of the focused timeline or thread
    COMPOSE = "compose"
    HELP = "help"


SCOPE_TITLES: dict[Scope, str] = {
    Scope.APP: N_("Everywhere"),
    Scope.MAIN: N_("Main view"),
    Scope.STATUSES: N_("Selected post"),
    Scope.COMPOSE: N_("Compose"),
    Scope.HELP: N_("Help"),
}


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One binding: `keys` are Textual key names, comma separated."""

    id: str
    keys: str
    action: str
    description: str
    scope: Scope
    key_display: str | None = None
    show: bool = True
    priority: bool = False
    # Offered in the command palette; movement keys would only clutter it.
    in_palette: bool = True


KEYS: tuple[KeySpec, ...] = (
    KeySpec("app.quit", "q", "quit", N_("Quit"), Scope.APP),
    KeySpec("app.help", "question_mark", "help", N_("Help"), Scope.APP, key_display="?"),
    KeySpec("app.commands", "ctrl+p", "command_palette", N_("Commands"), Scope.APP,
            show=False, priority=True, in_palette=False),
    KeySpec("app.language", "ctrl+l", "choose_language", N_("Language"), Scope.APP,
            show=False),
    KeySpec("app.focus_next", "tab", "focus_next", N_("Next pane"), Scope.APP, show=False),
    KeySpec("app.focus_previous", "shift+tab", "focus_previous", N_("Previous pane"),
            Scope.APP, show=False),
    KeySpec("main.compose", "c", "compose", N_("New post"), Scope.MAIN),
    KeySpec("status.down", "j,down", "cursor_down", N_("Next post"), Scope.STATUSES,
            show=False, in_palette=False),
    KeySpec("status.up", "k,up", "cursor_up", N_("Previous post"), Scope.STATUSES,
            show=False, in_palette=False),
    KeySpec("status.first", "home", "first", N_("First post"), Scope.STATUSES, show=False),
    KeySpec("status.last", "end", "last", N_("Last post"), Scope.STATUSES, show=False),
    KeySpec("status.page_down", "pagedown", "page_down", N_("Page down"), Scope.STATUSES,
            show=False, in_palette=False),
    KeySpec("status.page_up", "pageup", "page_up", N_("Page up"), Scope.STATUSES,
            show=False, in_palette=False),
    KeySpec("status.thread", "enter,t", "open_thread", N_("Thread"), Scope.STATUSES,
            key_display="t"),
    KeySpec("status.reply", "r", "reply", N_("Reply"), Scope.STATUSES),
    KeySpec("status.favourite", "f", "favourite", N_("Favourite"), Scope.STATUSES),
    KeySpec("status.boost", "b", "boost", N_("Boost"), Scope.STATUSES),
    KeySpec("status.bookmark", "B", "bookmark", N_("Bookmark"), Scope.STATUSES),
    KeySpec("compose.send", "ctrl+s", "send", N_("Send"), Scope.COMPOSE, priority=True),
    KeySpec("compose.close", "escape", "close", N_("Close"), Scope.COMPOSE, key_display="esc"),
    KeySpec("help.close", "escape,q,question_mark", "close", N_("Close help"), Scope.HELP,
            key_display="esc", in_palette=False),
)


def bindings_for(scope: Scope) -> list[BindingType]:
    """The Textual bindings of one scope; descriptions untranslated (see above)."""
    bindings: list[BindingType] = [
        Binding(
            spec.keys,
            spec.action,
            spec.description,
            show=spec.show,
            key_display=spec.key_display,
            priority=spec.priority,
            id=spec.id,
        )
        for spec in KEYS
        if spec.scope is scope
    ]
    return bindings


def display_keys(keys: str) -> str:
    """Keys as a person reads them: `question_mark` as `?`, `ctrl+s` as `ctrl+s`."""
    names = {"question_mark": "?", "escape": "esc", "pagedown": "PgDn", "pageup": "PgUp"}
    return ", ".join(names.get(key, key) for key in keys.split(","))
