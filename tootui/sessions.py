"""What the app needs to use saved accounts: list the profiles, open one, log in.

`Accounts` is the factory the CLI gives the app (tests give one over demo
instances): `open(name)` builds a new `Session` for a profile, with its own
cache file, drafts and outbox and its token read from the keyring, so
switching profile is building a session and dropping the old one; nothing
global is patched. Every method blocks (keyring, files, network): the app
calls them from workers.
"""

from __future__ import annotations

import contextlib
import os
import sys
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tootui import config as config_mod
from tootui.client.errors import AuthError
from tootui.config import Profile
from tootui.profiles import LoginRequired, relogin_message, resolve

if TYPE_CHECKING:
    from tootui.client.api import MastodonClient
    from tootui.client.cached import CachedClient
    from tootui.drafts import DraftStore
    from tootui.login import BrowserLogin
    from tootui.outbox import Outbox


@dataclass
class Session:
    """One profile in use: its client (over its own cache), drafts and outbox."""

    profile: Profile
    client: CachedClient
    drafts: DraftStore
    outbox: Outbox

    @property
    def account_label(self) -> str:
        return self.profile.account

    @property
    def local_domain(self) -> str:
        return self.profile.account.rsplit("@", 1)[-1]

    def close(self) -> None:
        self.client.close()


def open_in_browser(url: str) -> None:
    """Open `url` in the user's browser; none at all is fine (the address is shown).

    Without a graphical display (a console, SSH) nothing is started: the only
    browsers left would be text ones (lynx, w3m) drawing over the app itself.
    """
    graphical = sys.platform in ("darwin", "win32") or any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY"))
    if graphical:
        with contextlib.suppress(webbrowser.Error):
            webbrowser.open(url)


class Accounts:
    """The saved profiles, and how to open or log in to one."""

    def __init__(self, *, open_url: Callable[[str], None] = open_in_browser) -> None:
        self.open_url = open_url

    def profiles(self) -> tuple[list[Profile], str | None]:
        """Every saved profile by name, and the default one's name."""
        config = config_mod.load()
        return sorted(config.profiles.values(), key=lambda p: p.name), config.default_profile

    def profile(self, name: str) -> Profile:
        return resolve(config_mod.load(), name)

    def open(self, name: str | None, *, token_now: bool = True) -> Session:
        """A session on `name` (the default profile for None).

        With `token_now`, raises `LoginRequired` when the keyring holds no token
        for it. Without, the keyring is only read by the first request, in the
        app's worker: it (and the D-Bus round trips behind it) must not delay
        painting the cache, and a missing token then arrives as an `AuthError`
        the app answers by offering a login. The token is never checked here: an
        offline start still shows the cache.
        """
        from tootui.client.cache import Cache
        from tootui.client.cached import CachedClient
        from tootui.drafts import DraftStore
        from tootui.outbox import Outbox

        profile = resolve(config_mod.load(), name)
        token = _token(profile) if token_now else None
        cache = Cache.for_profile(profile.name, max_bytes=config_mod.cache_max_bytes())
        client = CachedClient(cache, lambda: _connect(profile, token))
        return Session(profile, client, DraftStore.for_profile(profile.name),
                       Outbox.for_profile(profile.name))

    def login(self, instance: str, *, profile_name: str | None = None) -> BrowserLogin:
        """Begin a login on `instance` (checks the keyring before any request)."""
        from tootui.login import BrowserLogin

        return BrowserLogin(instance, profile_name=profile_name)


class SessionUnavailable(AuthError):
    """No token to send (none saved, or no keyring): said as it is, since the
    message already tells the user what to do."""

    def __str__(self) -> str:
        return self.detail


def _token(profile: Profile) -> str:
    """The profile's access token from the keyring, or `LoginRequired`."""
    from tootui.app_log import redact
    from tootui.keyring_store import KeyringStore

    token = KeyringStore().token(profile.name)
    if not token:
        raise LoginRequired(profile.name, relogin_message(profile.name))
    redact(token)
    return token


def _connect(profile: Profile, token: str | None) -> MastodonClient:
    """The network client, made on the first request (in a worker)."""
    from tootui.client.api import MastodonClient
    from tootui.keyring_store import KeyringUnavailable

    if token is None:
        try:
            token = _token(profile)
        except (LoginRequired, KeyringUnavailable) as exc:
            raise SessionUnavailable(str(exc)) from None
    return MastodonClient(profile.instance, token)
