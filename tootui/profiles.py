"""Profiles: which instance a name means, and opening a logged-in session for one.

The app opens profiles through `tootui.sessions.Accounts` (a new session per
switch, nothing global patched); `load_session` is the plain client for one.
"""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from tootui import config as config_mod
from tootui.config import Config, Profile
from tootui.i18n import _

if TYPE_CHECKING:  # the keyring and the client load with the first session, not before
    from tootui.client.api import MastodonClient
    from tootui.keyring_store import KeyringStore

_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


class InstanceError(ValueError):
    """The text given for an instance can't be used; `str()` says why, in one line."""


class ProfileError(Exception):
    """No usable profile; `str()` names it and says what to run."""


class LoginRequired(ProfileError):
    """The profile has no token, or the server rejected it: log in again."""

    def __init__(self, profile: str, message: str) -> None:
        super().__init__(message)
        self.profile = profile


def is_loopback_host(host: str) -> bool:
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def normalize_instance(text: str) -> str:
    """`example.social`, `https://example.social/` and `@alice@example.social` → one base URL.

    Plain `http://` is accepted only for this machine (127.0.0.1, localhost).
    """
    raw = text.strip()
    if not raw:
        raise InstanceError(_("No instance given: name one, like example.social."))
    if "://" not in raw and "@" in raw:
        # An account address: the instance is what follows the last @.
        raw = raw.rsplit("@", 1)[1]
    if "://" not in raw:
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        host, port, parts = "", None, urlsplit("")
    shown = "".join(ch for ch in text.strip() if ch.isprintable())[:100]
    if (
        parts.scheme not in ("https", "http")
        or not host
        or parts.username is not None
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
    ):
        raise InstanceError(
            _("{text} is not an instance address: use a name like example.social.").format(
                text=shown)
        )
    if parts.scheme == "http" and not is_loopback_host(host):
        raise InstanceError(
            _("Refusing plain http:// for {host}: tokens would travel unencrypted. "
              "Use https://{host}.").format(host=host)
        )
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    return f"{parts.scheme}://{netloc}"


def instance_domain(base_url: str) -> str:
    """The host (and port, if any) of a normalised base URL, as in `alice@HOST`."""
    return urlsplit(base_url).netloc


def default_profile_name(username: str, base_url: str) -> str:
    """`alice@example.social`: two accounts, or one name on two instances, differ."""
    return f"{username}@{instance_domain(base_url)}"


def resolve(config: Config, name: str | None) -> Profile:
    """The profile called `name`, or the default one."""
    if name is None:
        name = config.default_profile
        if name is None:
            if len(config.profiles) == 1:
                return next(iter(config.profiles.values()))
            if not config.profiles:
                raise ProfileError(
                    _("No account yet: run `tootui login INSTANCE`, or try `tootui --demo`.")
                )
            raise ProfileError(
                _("Several profiles and no default: pick one with --profile NAME, or set one "
                  "with `tootui profiles default NAME`.")
            )
    profile = config.profiles.get(name)
    if profile is None:
        raise ProfileError(
            _("No profile named {name}: `tootui profiles` lists them.").format(name=name)
        )
    return profile


def relogin_message(profile: str) -> str:
    """What to tell the user when `profile`'s token is missing or was rejected."""
    return _("Profile {name} needs logging in again: run `tootui login --profile {name}`.").format(
        name=profile
    )


def load_session(
    profile_name: str | None,
    *,
    config: Config | None = None,
    store: KeyringStore | None = None,
    verify: bool = False,
) -> tuple[MastodonClient, Profile]:
    """A client for `profile_name` (or the default profile), its token read from the keyring.

    With `verify`, the token is checked against the server first. Raises
    `LoginRequired` naming the profile when there is no token or it was rejected.
    """
    from tootui.client.api import MastodonClient
    from tootui.client.errors import AuthError
    from tootui.keyring_store import KeyringStore

    config = config if config is not None else config_mod.load()
    profile = resolve(config, profile_name)
    store = store if store is not None else KeyringStore()
    token = store.token(profile.name)
    if not token:
        raise LoginRequired(profile.name, relogin_message(profile.name))
    client = MastodonClient(profile.instance, token)
    if verify:
        try:
            client.verify_credentials()
        except AuthError:
            raise LoginRequired(profile.name, relogin_message(profile.name)) from None
    return client, profile
