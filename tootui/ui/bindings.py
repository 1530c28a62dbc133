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

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from textual.binding import Binding, BindingType
from textual.keys import key_to_character

from tootui.i18n import N_, _


class Scope(Enum):
    """Where a binding acts: which widget owns it."""

    APP = "app"
    MAIN = "main"  # the main screen, whatever pane has focus
    STATUSES = "statuses"  # the selected status of the focused timeline or thread
    COMPOSE = "compose"
    HELP = "help"
    CONFIRM = "confirm"  # a yes/no question over the app
    DIALOG = "dialog"  # the lists opened from a post: links, media, poll, details
    MEDIA = "media"  # the media viewer (`m`, then enter), on top of the dialog keys
    SEARCH = "search"  # the search screen (`/`)
    LOGIN = "login"  # logging in to an account from inside the app


SCOPE_TITLES: dict[Scope, str] = {
    Scope.APP: N_("Everywhere"),
    Scope.MAIN: N_("Main view"),
    Scope.STATUSES: N_("Selected post"),
    Scope.COMPOSE: N_("Compose"),
    Scope.HELP: N_("Help"),
    Scope.CONFIRM: N_("Questions"),
    Scope.DIALOG: N_("Lists opened from a post"),
    Scope.MEDIA: N_("Media viewer"),
    Scope.SEARCH: N_("Search"),
    Scope.LOGIN: N_("Logging in"),
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
    KeySpec("app.language", "ctrl+l", "choose_language", N_("Interface language"), Scope.APP,
            show=False),
    KeySpec("app.focus_next", "tab", "focus_next", N_("Next pane"), Scope.APP, show=False),
    KeySpec("app.focus_previous", "shift+tab", "focus_previous", N_("Previous pane"),
            Scope.APP, show=False),
    # `c` and `r` have priority: the app runs them before it passes on the keys
    # typed after them, which then reach the compose pane, not the timeline.
    KeySpec("main.compose", "c", "compose", N_("New post"), Scope.MAIN, priority=True),
    # Not in the footer, which must fit 80 columns; help and the palette list it.
    KeySpec("main.search", "slash", "search", N_("Search"), Scope.MAIN, key_display="/",
            show=False),
    # Run by the app (`app.`): a new session replaces the whole main screen.
    KeySpec("main.switch_profile", "A", "app.switch_profile", N_("Switch account"),
            Scope.MAIN, show=False),
    KeySpec("main.goto", "g", "goto", N_("Go to"), Scope.MAIN),
    *(KeySpec(f"main.tab_{n}", str(n), f"go_tab({n})", N_("Switch to the tab with that number"),
              Scope.MAIN, show=False, in_palette=False) for n in range(1, 10)),
    KeySpec("main.close_tab", "x", "close_tab", N_("Close the tab"), Scope.MAIN, show=False),
    KeySpec("main.back", "escape", "back", N_("Back to the timeline"), Scope.MAIN,
            key_display="esc", show=False),
    KeySpec("main.newer", "full_stop", "load_newer", N_("Load newer posts"), Scope.MAIN,
            key_display=".", show=False),
    KeySpec("main.notification_types", "n", "filter_notifications",
            N_("Notifications of one type"), Scope.MAIN, show=False),
    KeySpec("main.follow_tag", "number_sign", "follow_tag",
            N_("Follow or unfollow the hashtag"), Scope.MAIN, key_display="#",
            show=False),
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
    KeySpec("status.reply", "r", "screen.reply", N_("Reply"), Scope.STATUSES, priority=True),
    KeySpec("status.profile", "u", "open_profile", N_("Author's profile"), Scope.STATUSES,
            show=False),
    KeySpec("status.favourite", "f", "favourite", N_("Favourite"), Scope.STATUSES),
    KeySpec("status.boost", "b", "boost", N_("Boost"), Scope.STATUSES),
    KeySpec("status.boost_as", "ctrl+b", "post('boost_as')", N_("Boost with a chosen visibility"),
            Scope.STATUSES, show=False),
    KeySpec("status.bookmark", "B", "bookmark", N_("Bookmark"), Scope.STATUSES),
    KeySpec("status.reveal", "s", "toggle_hidden", N_("Show or hide content warning"),
            Scope.STATUSES, show=False),
    KeySpec("status.links", "o", "post('links')", N_("Links, mentions and hashtags"),
            Scope.STATUSES, show=False),
    KeySpec("status.media", "m", "post('media')", N_("Media and alt text"), Scope.STATUSES,
            show=False),
    KeySpec("status.vote", "p", "post('vote')", N_("Vote in the poll"), Scope.STATUSES,
            show=False),
    KeySpec("status.details", "i", "post('details')", N_("Exact time and edit history"),
            Scope.STATUSES, show=False),
    KeySpec("status.reply_all", "R", "post('reply_all')", N_("Reply to all"),
            Scope.STATUSES, show=False),
    KeySpec("status.edit", "e", "post('edit')", N_("Edit own post"),
            Scope.STATUSES, show=False),
    KeySpec("status.delete", "d", "post('delete')", N_("Delete own post"),
            Scope.STATUSES, show=False),
    KeySpec("status.redraft", "D", "post('redraft')", N_("Delete and redraft"),
            Scope.STATUSES, show=False),
    KeySpec("status.pin", "P", "post('pin')", N_("Pin or unpin own post"), Scope.STATUSES,
            show=False),
    KeySpec("status.follow", "F", "post('follow')", N_("Follow or unfollow the author"),
            Scope.STATUSES, show=False),
    KeySpec("status.mute", "M", "post('mute')", N_("Mute or unmute the author"),
            Scope.STATUSES, show=False),
    KeySpec("status.block", "X", "post('block')", N_("Block or unblock the author"),
            Scope.STATUSES, show=False),
    KeySpec("status.copy_link", "y", "post('copy_link')", N_("Copy link"), Scope.STATUSES,
            show=False),
    KeySpec("status.open_in_browser", "v", "post('open_in_browser')", N_("Open in browser"),
            Scope.STATUSES, show=False),
    KeySpec("status.translate", "T", "post('translate')", N_("Translate"), Scope.STATUSES,
            show=False),
    KeySpec("compose.send", "ctrl+s", "send", N_("Send"), Scope.COMPOSE, priority=True),
    KeySpec("compose.editor", "ctrl+e", "external_editor", N_("Edit in $EDITOR"),
            Scope.COMPOSE, priority=True),
    KeySpec("compose.poll", "ctrl+o", "poll", N_("Poll"), Scope.COMPOSE),
    KeySpec("compose.media", "ctrl+g", "attach", N_("Attach media"), Scope.COMPOSE),
    KeySpec("compose.schedule", "ctrl+t", "schedule", N_("Schedule"), Scope.COMPOSE),
    KeySpec("compose.complete", "tab", "complete", N_("Complete @, # or :"), Scope.COMPOSE,
            show=False),
    KeySpec("compose.close", "escape", "close", N_("Close"), Scope.COMPOSE, key_display="esc"),
    KeySpec("confirm.yes", "y", "answer(True)", N_("Yes"), Scope.CONFIRM,
            key_display="y", in_palette=False),
    KeySpec("confirm.no", "n,escape", "answer(False)", N_("No"), Scope.CONFIRM,
            key_display="n", in_palette=False),
    KeySpec("dialog.close", "escape,q", "close", N_("Close"), Scope.DIALOG,
            key_display="esc", in_palette=False),
    KeySpec("dialog.open", "o", "open_external", N_("Open in a viewer"), Scope.DIALOG,
            in_palette=False),
    KeySpec("media.previous", "left,h", "previous", N_("Previous attachment"), Scope.MEDIA,
            key_display="←", in_palette=False),
    KeySpec("media.next", "right,l", "next", N_("Next attachment"), Scope.MEDIA,
            key_display="→", in_palette=False),
    KeySpec("dialog.submit", "ctrl+s", "submit", N_("Vote"), Scope.DIALOG, in_palette=False),
    # The focused list acts on `enter` itself; this binding is for a key remapped from it.
    KeySpec("dialog.choose", "enter", "choose", N_("Choose"), Scope.DIALOG, show=False,
            in_palette=False),
    KeySpec("search.close", "escape", "close", N_("Close"), Scope.SEARCH, key_display="esc",
            in_palette=False),
    KeySpec("search.results", "down", "focus_results", N_("Go to the results"), Scope.SEARCH,
            show=False, in_palette=False),
    KeySpec("search.query", "slash", "focus_query", N_("Search again"), Scope.SEARCH,
            key_display="/", in_palette=False),
    KeySpec("login.close", "escape", "close", N_("Cancel"), Scope.LOGIN, key_display="esc",
            in_palette=False),
    KeySpec("help.close", "escape,q,question_mark", "close", N_("Close help"), Scope.HELP,
            key_display="esc", in_palette=False),
    KeySpec("help.down", "j,down", "scroll(1)", N_("Scroll down"), Scope.HELP, show=False,
            in_palette=False),
    KeySpec("help.up", "k,up", "scroll(-1)", N_("Scroll up"), Scope.HELP, show=False,
            in_palette=False),
    KeySpec("help.page_down", "pagedown,space", "page(1)", N_("Page down"), Scope.HELP,
            show=False, in_palette=False),
    KeySpec("help.page_up", "pageup", "page(-1)", N_("Page up"), Scope.HELP, show=False,
            in_palette=False),
    KeySpec("help.top", "home", "edge(False)", N_("Top"), Scope.HELP, show=False,
            in_palette=False),
    KeySpec("help.bottom", "end", "edge(True)", N_("Bottom"), Scope.HELP, show=False,
            in_palette=False),
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
    return ", ".join(_shown(key) for key in keys.split(","))


_NAMES = {"slash": "/", "escape": "esc", "pagedown": "PgDn", "pageup": "PgUp",
          "down": "↓", "up": "↑"}


def _shown(key: str) -> str:
    if key in _NAMES:
        return _NAMES[key]
    # Textual names printable keys after their character (number_sign, full_stop).
    character = key_to_character(key)
    return character if character and character.isprintable() and not character.isspace() else key


_SPECS = {spec.id: spec for spec in KEYS}


def key_of(spec_id: str, keymap: Mapping[str, str]) -> str:
    """The key a person presses for binding `spec_id` (its first, as remapped), to show."""
    spec = _SPECS[spec_id]
    keys = keymap.get(spec_id)
    if keys is None and spec.key_display is not None:
        return spec.key_display
    return display_keys((keys or spec.keys).split(",")[0].strip())


def key_hint(keymap: Mapping[str, str], *parts: tuple[str, str]) -> str:
    """A dialog's hint line, "enter: vote · esc: cancel", from (binding id, what it does
    marked with `N_`) pairs: the keys come from the table, so a remapped key shows."""
    # Translators: one part of a key hint line, e.g. "esc: cancel".
    return " · ".join(_("{key}: {action}").format(key=key_of(spec_id, keymap), action=_(text))
                      for spec_id, text in parts)


def app_keymap(app: object) -> Mapping[str, str]:
    """The keys the user remapped, by id: tootui's app keeps them (a bare test host doesn't)."""
    keymap: Mapping[str, str] = getattr(app, "user_keymap", {})
    return keymap
