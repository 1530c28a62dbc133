"""Logging in and out: the OAuth code flow composed from `tootui.client.oauth`.

`LoginFlow` is the non-UI core (the CLI and the app's first-run screen both use
it): it checks the keyring before any request, registers tootui once per
instance, builds the authorize URL and turns a code into a saved profile.
`run_login` drives it from the terminal with the loopback redirect, or with the
out-of-band code the user pastes; `BrowserLogin` offers both at once, for the app.
"""

from __future__ import annotations

import contextlib
import re
import sys
import threading
import webbrowser
from typing import TextIO

from tootui import config as config_mod
from tootui.client.api import MastodonClient
from tootui.client.errors import ClientError
from tootui.client.oauth import authorize_url, exchange_code, new_state, register_app, revoke
from tootui.config import Config, Profile
from tootui.i18n import _
from tootui.keyring_store import KeyringStore
from tootui.loopback import CALLBACK_PATH, LoopbackError, LoopbackListener
from tootui.profiles import (
    InstanceError,
    ProfileError,
    default_profile_name,
    instance_domain,
    normalize_instance,
    resolve,
)

OOB_REDIRECT = "urn:ietf:wg:oauth:2.0:oob"
# Registered without a port: servers match loopback redirects on any port
# (RFC 8252 §7.3), so one registration serves every free port we listen on.
LOOPBACK_REDIRECT = f"http://127.0.0.1{CALLBACK_PATH}"
BROWSER_TIMEOUT = 600.0
_USERNAME = re.compile(r"[A-Za-z0-9_.\-]+")


class LoginFlow:
    """One login attempt on one instance; nothing is saved until `finish` succeeds."""

    def __init__(self, instance: str, *, profile_name: str | None = None,
                 store: KeyringStore | None = None, config: Config | None = None) -> None:
        self.instance = normalize_instance(instance)
        if profile_name is not None and (not profile_name.strip()
                                         or not profile_name.isprintable()):
            raise ProfileError(_("A profile name must be printable text, and not empty."))
        self.profile_name = profile_name
        self.config = config if config is not None else config_mod.load()
        self.store = store if store is not None else KeyringStore()
        # Before any request: nobody should finish the OAuth dance only to lose the token.
        self.store.check_usable()
        self.state = new_state()
        self._app: tuple[str, str] | None = None

    def app(self) -> tuple[str, str]:
        """tootui's (client id, client secret) on the instance, registering it the first time."""
        if self._app is None:
            known = {p.client_id for p in self.config.profiles_on(self.instance)}
            secret = self.store.client_secret(self.instance)
            if len(known) == 1 and secret:
                self._app = (known.pop(), secret)
            else:
                client_id, secret = register_app(
                    self.instance, redirect_uri=[OOB_REDIRECT, LOOPBACK_REDIRECT]
                )
                self.store.set_client_secret(self.instance, secret)
                self._app = (client_id, secret)
        return self._app

    def authorize_url(self, redirect_uri: str) -> str:
        """The page where the user approves tootui; it comes back to `redirect_uri`."""
        return authorize_url(self.instance, self.app()[0], redirect_uri=redirect_uri,
                             state=self.state)

    def finish(self, code: str, redirect_uri: str) -> Profile:
        """Exchange `code`, check whose token it is, and save the profile and its token."""
        client_id, secret = self.app()
        token = exchange_code(self.instance, client_id, secret, code, redirect_uri=redirect_uri)
        with MastodonClient(self.instance, token) as client:
            account = client.verify_credentials()
        username = account.username if _USERNAME.fullmatch(account.username) else "".join(
            ch for ch in account.username if _USERNAME.fullmatch(ch)) or "user"
        name = self.profile_name or default_profile_name(username, self.instance)
        profile = Profile(name=name, instance=self.instance,
                          account=f"{username}@{instance_domain(self.instance)}",
                          client_id=client_id)
        # One app per instance: a re-registration moves every profile there to it.
        for other in self.config.profiles_on(self.instance):
            if other.client_id != client_id:
                self.config.profiles[other.name] = Profile(
                    other.name, other.instance, other.account, client_id)
        self.store.set_token(name, token)
        self.config.profiles[name] = profile
        if self.config.default_profile is None:
            self.config.default_profile = name
        config_mod.save(self.config)
        return profile


class BrowserLogin:
    """One login from inside the app: the loopback redirect and, for a browser on
    another machine, the out-of-band code, both on one flow; whichever comes first
    logs in. Every method but `cancel` blocks: call them from a worker."""

    def __init__(self, instance: str, *, profile_name: str | None = None) -> None:
        self.flow = LoginFlow(instance, profile_name=profile_name)
        self.listener = LoopbackListener(self.flow.state)
        self._finishing = threading.Lock()
        self._finished = False

    def start(self) -> tuple[str, str]:
        """Register tootui if needed and listen: (browser address, address showing a code)."""
        self.listener.__enter__()
        try:
            return (self.flow.authorize_url(self.listener.redirect_uri),
                    self.flow.authorize_url(OOB_REDIRECT))
        except BaseException:
            self.listener.close()
            raise

    def wait_for_browser(self) -> Profile | None:
        """The profile once the browser comes back; None when a pasted code won or
        the login was cancelled."""
        try:
            code = self.listener.wait_for_code(BROWSER_TIMEOUT)
        except LoopbackError:
            if self._finished or self.listener.cancelled:
                return None
            raise
        return self._finish(code, self.listener.redirect_uri)

    def finish_pasted(self, code: str) -> Profile | None:
        """Log in with the code the user pasted (None: the browser already did)."""
        if not code.strip():
            raise InstanceError(_("Paste the code the instance showed."))
        self.listener.cancel()
        return self._finish(code.strip(), OOB_REDIRECT)

    def cancel(self) -> None:
        """Stop listening; a waiting `wait_for_browser` returns None."""
        self.listener.cancel()

    def _finish(self, code: str, redirect_uri: str) -> Profile | None:
        with self._finishing:
            if self._finished:
                return None
            profile = self.flow.finish(code, redirect_uri)
            self._finished = True
            return profile


def run_login(instance: str | None, *, profile_name: str | None = None,
              use_browser: bool = True, stdin: TextIO | None = None,
              out: TextIO | None = None) -> Profile:
    """`tootui login`: the loopback redirect, or with `use_browser=False` a pasted code."""
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    config = config_mod.load()
    if instance is None:
        if profile_name is None or profile_name not in config.profiles:
            raise InstanceError(_("Name the instance to log in to: tootui login example.social"))
        instance = config.profiles[profile_name].instance
    flow = LoginFlow(instance, profile_name=profile_name, config=config)
    if not use_browser:
        url = flow.authorize_url(OOB_REDIRECT)
        print(_("Open this address in a browser, approve tootui, and paste the code it "
                "shows:"), file=out)
        print(url, file=out)
        print(_("Code: "), end="", file=out, flush=True)
        code = stdin.readline().strip()
        if not code:
            raise InstanceError(_("No code was pasted: run `tootui login` again."))
        return flow.finish(code, OOB_REDIRECT)
    with LoopbackListener(flow.state) as listener:
        url = flow.authorize_url(listener.redirect_uri)
        print(_("Log in by approving tootui at this address (opening your browser):"),
              file=out)
        print(url, file=out)
        print(_("Waiting for the browser… No browser here? Press Ctrl+C and run "
                "`tootui login --no-browser`."), file=out, flush=True)
        # No browser is fine: the address is printed for the user to open by hand.
        with contextlib.suppress(webbrowser.Error):
            webbrowser.open(url)
        code = listener.wait_for_code(BROWSER_TIMEOUT)
        return flow.finish(code, listener.redirect_uri)


def logout(profile_name: str | None, *, store: KeyringStore | None = None) -> Profile:
    """Revoke the profile's token on the server and delete it from the keyring.

    The profile stays in the config so `tootui login --profile NAME` can log in
    again; the token is deleted here even when the server can't be reached,
    and that failure is raised afterwards so the user knows.
    """
    config = config_mod.load()
    profile = resolve(config, profile_name)
    store = store if store is not None else KeyringStore()
    token = store.token(profile.name)
    if not token:
        raise ProfileError(_("Profile {name} is not logged in.").format(name=profile.name))
    secret = store.client_secret(profile.instance)
    failure: ClientError | None = None
    if secret:
        try:
            revoke(profile.instance, profile.client_id, secret, token)
        except ClientError as exc:
            failure = exc
    store.delete_token(profile.name)
    if failure is not None or not secret:
        detail = str(failure) if failure is not None else _("the app's secret is missing")
        raise ProfileError(
            _("Forgot the token of {name}, but the server did not revoke it: {detail}").format(
                name=profile.name, detail=detail)
        )
    return profile
