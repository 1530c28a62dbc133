"""The Textual application: a thin shell over the main screen.

`create_app` is the one way to build it: callers (the CLI, the tests) pass a
ready client, so the app never reads tokens or picks a server by itself. Given
`accounts` (`tootui.sessions.Accounts`), it can also switch to another saved
profile, log in from inside (`ui/login_screen.py`), and log a profile in again
when the server rejects its token (`ui/profile_switch.py`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Keymap
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widget import Widget

from tootui.i18n import _
from tootui.malloc_arenas import share_malloc_arenas
from tootui.ui.bindings import KEYS, Scope, bindings_for, display_keys
from tootui.ui.language_switch import language_commands, switch_language
from tootui.ui.main_screen import MainScreen
from tootui.ui.profile_switch import ProfileSwitching
from tootui.ui.status_lines import one_line
from tootui.ui.theme_choice import ThemeKeeper, apply_theme, configured_theme
from tootui.ui.user_keymap import configured_keymap

if TYPE_CHECKING:  # only the caller builds the client; importing it costs start-up time
    from tootui.client.protocol import Client
    from tootui.config import Profile
    from tootui.drafts import DraftStore
    from tootui.outbox import Outbox
    from tootui.sessions import Accounts, Session


class TootuiApp(ProfileSwitching, App[None]):
    """tootui: timelines in tabs, threads and compose, driven from the keyboard."""

    CSS_PATH = "app.tcss"
    TITLE = "tootui"
    BINDINGS = bindings_for(Scope.APP)
    # The first screen is a mode of its own from the start, so that switching
    # account can remove it whole (`replace_base`); made by Textual's first
    # compose, not swapped in over a blank screen, which cost a second pass over
    # the whole stylesheet before the first paint.
    DEFAULT_MODE = "session-1"

    def __init__(self, client: Client | None, *, account_label: str = "",
                 local_domain: str | None = None, drafts: DraftStore | None = None,
                 outbox: Outbox | None = None, accounts: Accounts | None = None,
                 profile: Profile | None = None, theme: str | None = None) -> None:
        super().__init__()
        if client is None and accounts is None:
            raise ValueError("without a client the app needs accounts to log in with")
        self.client = client
        self.drafts = drafts
        self.outbox = outbox
        self.local_domain = local_domain
        self.accounts = accounts
        self.profile = profile
        self._relogin_offered = False
        # The label holds the server's acct: shown in the header, so cleaned.
        self.sub_title = one_line(account_label)
        self._user_keymap: dict[str, str] = {}
        keymap, self._keymap_problem = configured_keymap()
        if keymap:
            self.set_keymap(keymap)
        setting = theme if theme is not None else configured_theme()
        # Set before the first frame, so the app never flashes the default colours.
        self._theme_problem = apply_theme(self, setting)
        self._theme_keeper = ThemeKeeper(self, setting)
        self.add_mode(self.DEFAULT_MODE, self._first_screen)
        self._modes_made = 1

    def on_mount(self) -> None:
        self._theme_keeper.start()
        for problem in (self._theme_problem, self._keymap_problem):
            if problem is not None:
                self.notify(problem, severity="warning")

    def _first_screen(self) -> Screen[None]:
        if self.client is None:
            # No session yet: the first run, or a profile whose token is gone.
            assert self.accounts is not None
            from tootui.ui.login_screen import LoginScreen

            return LoginScreen(self.accounts, profile=self.profile)
        return MainScreen(self.client, local_domain=self.local_domain, drafts=self.drafts,
                          outbox=self.outbox, first=True)

    async def on_ready(self) -> None:
        # Textual's Ready: the first frame has been handed to the terminal.
        # Before the held work starts its worker threads (a megabyte of arenas).
        share_malloc_arenas()
        # Awaited: a key waits until the footer that lists the keys is mounted.
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                await screen.first_frame_shown()

    def notify(self, message: str, *, title: str = "",
               severity: SeverityLevel = "information", timeout: float | None = None,
               markup: bool = True) -> None:
        """Every toast, from any screen or widget, as plain text.

        Toasts carry server text (handles, links, a refusal's reason); read as
        Textual markup, a `[/b]` in it would crash the toast and `[link=...]`
        would make a link nobody validated. Widgets pass `markup=True` by
        default, so the app, where they all arrive, decides: never markup.
        """
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    @property
    def main_screen(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def close_client(self) -> None:
        """Close the client in use (callers run this after `run()`; closing twice is fine)."""
        close = getattr(self.client, "close", None)
        if close is not None:
            close()

    # -- keys --------------------------------------------------------------

    def set_keymap(self, keymap: Keymap) -> None:
        super().set_keymap(keymap)
        self._user_keymap = dict(keymap)

    def update_keymap(self, keymap: Keymap) -> None:
        super().update_keymap(keymap)
        self._user_keymap.update(keymap)

    @property
    def user_keymap(self) -> Mapping[str, str]:
        """Keys the user remapped, by binding id."""
        return self._user_keymap

    def action_help(self) -> None:
        from tootui.ui.help import HelpScreen  # lazily, like every dialog

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self._user_keymap))

    def action_command_palette(self) -> None:
        # Textual's own palette, with its search hint in the interface language.
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(id="--command-palette",
                                            placeholder=_("Search for commands…")))

    def action_change_theme(self) -> None:
        self.push_screen(CommandPalette(providers=[ThemeProvider],
                                        placeholder=_("Search for themes…")))

    def action_choose_language(self) -> None:
        self.search_commands(language_commands(partial(switch_language, self)),
                             placeholder=_("Choose the interface language…"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette offers the same actions as the keys, from the same table."""
        targets: dict[Scope, App[None] | Widget] = {Scope.APP: self}
        main = self.screen_stack[0]
        # Before a login there is no main screen: no post, no tabs to go to.
        main_screen = main if isinstance(main, MainScreen) else None
        if main_screen is not None:
            targets[Scope.MAIN] = main_screen
            targets[Scope.STATUSES] = main_screen.active_list
            if main_screen.composing:
                targets[Scope.COMPOSE] = main_screen.compose_pane
        for spec in KEYS:
            target = targets.get(spec.scope)
            if target is None or not spec.in_palette:
                continue
            keys = display_keys(self._user_keymap.get(spec.id, spec.keys))
            yield SystemCommand(_(spec.description), _("Key: {keys}").format(keys=keys),
                                partial(target.run_action, spec.action))
        if main_screen is not None:
            yield from main_screen.goto_commands()
        yield SystemCommand(_("Theme"), _("Change the colours"), self.action_change_theme)


def create_app(client: Client | None, *, account_label: str = "",
               local_domain: str | None = None, drafts: DraftStore | None = None,
               outbox: Outbox | None = None, accounts: Accounts | None = None,
               profile: Profile | None = None, theme: str | None = None) -> TootuiApp:
    """Build the app over a ready client; `local_domain` shortens local handles;
    `drafts` keeps what is being written on disk, `outbox` what could not be
    sent yet (without them, both live in memory only). With `accounts`, the
    user can switch to another saved profile (`profile` is the one in use); with
    no client, the app opens on logging in (to `profile` again, if given).
    `theme` is the Textual theme to start with (default: the config file's `theme`)."""
    return TootuiApp(client, account_label=account_label, local_domain=local_domain,
                     drafts=drafts, outbox=outbox, accounts=accounts, profile=profile,
                     theme=theme)


def create_session_app(accounts: Accounts, session: Session | None, *,
                       profile: Profile | None = None) -> TootuiApp:
    """The app on a saved profile's session, or on logging in when there is none."""
    if session is None:
        return create_app(None, accounts=accounts, profile=profile)
    return create_app(session.client, account_label=session.account_label,
                      local_domain=session.local_domain, drafts=session.drafts,
                      outbox=session.outbox, accounts=accounts, profile=session.profile)
