"""Logging in from inside the app: the first run, another account, or a token the
server stopped accepting.

The user names the instance (or it is the profile's own); a worker registers
tootui there and starts the loopback listener, the browser is opened on the
authorize page, and the page's address is shown too, with a second address
whose code can be pasted here when the browser runs on another machine. Once
either answer arrives the profile is saved and the screen posts `LoggedIn`;
the app opens the new session. Nothing here blocks the UI: every step that
touches the keyring, the network or the config runs in a thread worker.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Label, Static
from textual.worker import get_current_worker

from tootui.config import Profile
from tootui.i18n import N_, _
from tootui.ui.bindings import Scope, app_keymap, bindings_for, key_hint

if TYPE_CHECKING:
    from tootui.login import BrowserLogin
    from tootui.sessions import Accounts

log = logging.getLogger(__name__)


class LoggedIn(Message):
    """`profile` was saved with a new token: the app should open it."""

    def __init__(self, profile: Profile) -> None:
        super().__init__()
        self.profile = profile


class LoginReady(Message):
    """The instance knows tootui and the listener waits: show where to approve."""

    def __init__(self, login: BrowserLogin, browser_url: str, paste_url: str) -> None:
        super().__init__()
        self.login = login
        self.browser_url = browser_url
        self.paste_url = paste_url


class LoginFailed(Message):
    """A step of the login failed; `reason` is one line for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


def login_failures() -> tuple[type[BaseException], ...]:
    """What a login can fail with that the user can fix: each says so in one line."""
    from tootui.client.errors import ClientError
    from tootui.config import ConfigError
    from tootui.keyring_store import KeyringUnavailable
    from tootui.loopback import LoopbackError
    from tootui.profiles import InstanceError, ProfileError

    return (ClientError, ConfigError, KeyringUnavailable, LoopbackError, InstanceError,
            ProfileError, OSError)


class LoginScreen(Screen[None]):
    """Log in to an instance; with `profile`, log that profile in again."""

    BINDINGS = bindings_for(Scope.LOGIN)

    def __init__(self, accounts: Accounts, *, profile: Profile | None = None) -> None:
        super().__init__()
        self.accounts = accounts
        self.profile = profile
        self._login: BrowserLogin | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="login"):
            yield Label(self._title(), id="login-title")
            yield Input(value=self.profile.instance if self.profile else "",
                        placeholder=_("example.social or @you@example.social"),
                        id="login-instance")
            yield Static("", id="login-status")
            yield Static("", id="login-browser")
            yield Static("", id="login-paste")
            yield Input(placeholder=_("The code the instance shows"), id="login-code",
                        disabled=True)
            # `enter` is the input's own key, not one of the table's.
            yield Label(" · ".join((_("enter: continue"), key_hint(
                app_keymap(self.app), ("login.close", N_("cancel"))))), classes="dialog-hint")

    def _title(self) -> str:
        if self.profile is None:
            return _("Log in to your Mastodon account: which instance is it on?")
        return _("Profile {name} needs logging in again.").format(name=self.profile.name)

    def on_mount(self) -> None:
        if self.profile is not None:
            self.begin(self.profile.instance)
        else:
            self.query_one("#login-instance", Input).focus()

    def on_unmount(self) -> None:
        self._cancel()

    def _say(self, widget_id: str, text: str, *, error: bool = False) -> None:
        # Text, not markup: errors quote what the user typed.
        status = self.query_one(widget_id, Static)
        status.update(Text(text))
        status.set_class(error, "-error")

    @on(Input.Submitted, "#login-instance")
    def _instance_given(self, event: Input.Submitted) -> None:
        self.begin(event.value)

    def begin(self, instance: str) -> None:
        """Start over on `instance`: register, listen, open the browser."""
        self._cancel()
        self._say("#login-browser", "")
        self._say("#login-paste", "")
        self.query_one("#login-code", Input).disabled = True
        self.query_one("#login").remove_class("-ready")
        self._say("#login-status", _("Contacting {instance}…").format(instance=instance.strip()))
        self._prepare(instance)

    @work(thread=True, exclusive=True, group="login")
    def _prepare(self, instance: str) -> None:
        name = self.profile.name if self.profile is not None else None
        try:
            login = self.accounts.login(instance, profile_name=name)
            browser_url, paste_url = login.start()
        except login_failures() as error:
            if not get_current_worker().is_cancelled:
                self.post_message(LoginFailed(str(error)))
            return
        if get_current_worker().is_cancelled:  # the user started over meanwhile
            login.cancel()
            return
        self.post_message(LoginReady(login, browser_url, paste_url))

    def on_login_ready(self, message: LoginReady) -> None:
        if not self.is_attached:
            message.login.cancel()
            return
        self._login = message.login
        self._say("#login-status", _("Waiting for the browser…"))
        self._say("#login-browser", _("Approve tootui in your browser (it is opening) at:")
                  + "\n" + message.browser_url)
        self._say("#login-paste", _("Browser on another machine? Open this address there, "
                                    "and paste the code it shows below:")
                  + "\n" + message.paste_url)
        self.query_one("#login").add_class("-ready")
        code = self.query_one("#login-code", Input)
        code.disabled = False
        code.focus()
        self._wait_for_browser(message.login, message.browser_url)

    def on_login_failed(self, message: LoginFailed) -> None:
        self._say("#login-status", message.reason, error=True)
        code = self.query_one("#login-code", Input)
        # A wrong code can be pasted again; anything else starts from the instance.
        (code if not code.disabled else self.query_one("#login-instance", Input)).focus()

    @work(thread=True, group="login-browser")
    def _wait_for_browser(self, login: BrowserLogin, url: str) -> None:
        self.accounts.open_url(url)
        try:
            profile = login.wait_for_browser()
        except login_failures() as error:
            self.post_message(LoginFailed(str(error)))
            return
        if profile is not None:
            self.post_message(LoggedIn(profile))

    @on(Input.Submitted, "#login-code")
    def _code_given(self, event: Input.Submitted) -> None:
        if self._login is not None:
            self._say("#login-status", _("Logging in…"))
            self._finish_pasted(self._login, event.value)

    @work(thread=True, exclusive=True, group="login-code")
    def _finish_pasted(self, login: BrowserLogin, code: str) -> None:
        try:
            profile = login.finish_pasted(code)
        except login_failures() as error:
            self.post_message(LoginFailed(str(error)))
            return
        if profile is not None:
            self.post_message(LoggedIn(profile))

    def _cancel(self) -> None:
        if self._login is not None:
            self._login.cancel()
            self._login = None

    def action_close(self) -> None:
        self._cancel()
        if len(self.app.screen_stack) > 1:
            self.dismiss()
        else:
            self.app.exit()  # nothing behind it: the first run, given up
