"""Switching account inside the app, logging in, and logging in again after a 401.

Mixed into the app. A switch builds a new `Session` for the chosen profile
(its own cache file, drafts, outbox and token) in a worker, then replaces the
main screen with one over the new client and closes the old client: nothing
global is patched, and the old profile's unsent draft is written to its own
drafts file first. When the server stops accepting the token (a 401 from the
timeline, an action or the outbox), the app names the profile and offers to log
it in again; its cache, drafts and outbox stay where they are, and the new
session picks them up.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import App
from textual.screen import Screen

from tootui.client.errors import AuthError
from tootui.drafts import SavedDraft
from tootui.i18n import N_, _
from tootui.ui.choice_list import ChoiceScreen
from tootui.ui.confirm import ConfirmScreen
from tootui.ui.login_screen import LoggedIn, LoginScreen, login_failures
from tootui.ui.main_screen import MainScreen
from tootui.ui.messages import RequestFailed
from tootui.ui.outbox_runner import OutboxPaused
from tootui.ui.status_lines import one_line

if TYPE_CHECKING:
    from tootui.client.protocol import Client
    from tootui.config import Profile
    from tootui.drafts import DraftStore
    from tootui.outbox import Outbox
    from tootui.sessions import Accounts, Session

log = logging.getLogger(__name__)

_ANOTHER = "\0login"  # the chooser's "log in to another account" entry; no profile name


class ProfileSwitching:
    """The app's accounts: which one is in use, and replacing it."""

    accounts: Accounts | None
    profile: Profile | None
    client: Client | None
    drafts: DraftStore | None
    outbox: Outbox | None
    local_domain: str | None
    _relogin_offered: bool
    _modes_made: int = 0

    def _app(self) -> App[Any]:
        assert isinstance(self, App)
        return self

    # -- choosing ------------------------------------------------------

    def action_switch_profile(self) -> None:
        if self.accounts is None:
            self._app().notify(_("This session has no saved accounts to switch to."),
                               severity="warning")
            return
        self._list_profiles()

    @work(thread=True, exclusive=True, group="profiles")
    def _list_profiles(self) -> None:
        assert self.accounts is not None
        app = self._app()
        try:
            profiles, default = self.accounts.profiles()
        except login_failures() as error:
            app.call_from_thread(app.notify, str(error), severity="error")
            return
        app.call_from_thread(self._choose_profile, profiles, default)

    def _choose_profile(self, profiles: list[Profile], default: str | None) -> None:
        current = self.profile.name if self.profile is not None else None
        self._app().push_screen(profile_screen(profiles, current, default),
                                self._profile_chosen)

    def _profile_chosen(self, name: str | None) -> None:
        if name is None:
            return
        if name == _ANOTHER:
            assert self.accounts is not None
            self._app().push_screen(LoginScreen(self.accounts))
        elif self.profile is not None and name == self.profile.name:
            self._app().notify(_("{name} is the account in use.").format(name=name))
        else:
            self.open_profile(name)

    # -- replacing the session -----------------------------------------

    def open_profile(self, name: str) -> None:
        """Build a session on `name` in a worker, then show it in place of this one."""
        self._open_session(name, self._unsent_draft())

    def _unsent_draft(self) -> SavedDraft | None:
        """What the compose pane holds now, to keep in this profile's drafts file."""
        main = self._app().screen_stack[0]
        if self.drafts is None or not isinstance(main, MainScreen):
            return None
        if not main.composing:
            return None
        pane = main.compose_pane
        if not pane.text_area.text.strip():
            return None
        return SavedDraft(pane.current_draft(), pane.idempotency_key, pane.reply_to)

    @work(thread=True, exclusive=True, group="session")
    def _open_session(self, name: str, draft: SavedDraft | None) -> None:
        from tootui.profiles import LoginRequired

        assert self.accounts is not None
        app = self._app()
        if draft is not None and self.drafts is not None:
            try:
                # The last word on this store: the screen that wrote it is going.
                self.drafts.save(draft, generation=sys.maxsize)
            except OSError as error:
                log.warning("draft not saved on switching: %s", error)
        try:
            session = self.accounts.open(name)
        except LoginRequired as needed:
            # Chosen, but logged out: log it in (its config says where).
            try:
                profile = self.accounts.profile(needed.profile)
            except login_failures() as error:
                app.call_from_thread(app.notify, str(error), severity="error")
                return
            app.call_from_thread(self.log_in_again, profile)
            return
        except login_failures() as error:
            app.call_from_thread(app.notify, str(error), severity="error")
            return
        app.call_from_thread(self.use_session, session)

    def use_session(self, session: Session) -> None:
        """Show `session` in a new main screen; the old client is closed."""
        app = self._app()
        old = self.client
        self.client, self.drafts, self.outbox = session.client, session.drafts, session.outbox
        self.profile = session.profile
        self.local_domain = session.local_domain
        self._relogin_offered = False

        def make() -> Screen[Any]:
            screen = MainScreen(session.client, local_domain=session.local_domain,
                                drafts=session.drafts, outbox=session.outbox)
            # The header shows the screen's own subtitle. Changing the app's would
            # also reach the old screen's header while it is being removed.
            screen.sub_title = one_line(session.account_label)
            return screen

        self.replace_base(make)
        if old is not None and old is not session.client:
            close = getattr(old, "close", None)
            if close is not None:
                app.run_worker(close, thread=True, group="close-session")
        app.notify(_("Now using {account}.").format(account="@" + one_line(session.account_label)))

    def replace_base(self, make: Callable[[], Screen[Any]]) -> None:
        """Show `make()` as the app's base screen, removing the old one with every
        screen opened over it (their workers are cancelled, their timers stop)."""
        app = self._app()
        old = app.current_mode
        self._modes_made += 1
        mode = f"session-{self._modes_made}"
        app.add_mode(mode, make)
        app.switch_mode(mode)
        app.remove_mode(old)

    def on_logged_in(self, message: LoggedIn) -> None:
        self.open_profile(message.profile.name)

    # -- a token the server no longer accepts -----------------------------

    def on_request_failed(self, message: RequestFailed) -> None:
        if isinstance(message.error, AuthError):
            self.offer_login_again()

    def on_outbox_paused(self, message: OutboxPaused) -> None:
        self.offer_login_again()

    def offer_login_again(self) -> None:
        """Once per session: say which profile the server no longer accepts, offer a login."""
        if self.accounts is None or self.profile is None or self._relogin_offered:
            return
        self._relogin_offered = True
        profile = self.profile
        question = _("The server no longer accepts the login of profile {name}. Your drafts "
                     "and cache are kept. Log in again now?").format(name=profile.name)

        def answered(yes: bool | None) -> None:
            if yes:
                self.log_in_again(profile)

        self._app().push_screen(ConfirmScreen(question, yes=_("Log in")), answered)

    def log_in_again(self, profile: Profile) -> None:
        assert self.accounts is not None
        self._app().push_screen(LoginScreen(self.accounts, profile=profile))


def profile_screen(profiles: Sequence[Profile], current: str | None,
                   default: str | None) -> ChoiceScreen[str]:
    """The saved profiles (`A`), the one in use and the default marked, then "log in"."""
    choices: list[tuple[Text | str, str]] = []
    # Translators: marks the default profile in the list of accounts.
    default_mark = "  " + _("(default)")
    for profile in profiles:
        label = Text.assemble(
            ("● " if profile.name == current else "  "), (profile.name, "bold"),
            "  @" + one_line(profile.account),
            (default_mark if profile.name == default else "", "dim"),
        )
        choices.append((label, profile.name))
    choices.append((_("Log in to another account…"), _ANOTHER))
    return ChoiceScreen(_("Switch account"), choices, choose=N_("switch"))
