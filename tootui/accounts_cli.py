"""The `login`, `logout` and `profiles` subcommands of `tootui`.

Every failure is one line on stderr and a non-zero exit: never a traceback,
never a token.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from tootui.client.errors import AuthError
from tootui.i18n import _

if TYPE_CHECKING:
    from tootui.client.api import MastodonClient

EXIT_FAILED = 1


def add_subcommands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `login`, `logout` and `profiles` on the main parser's subparsers."""
    login = sub.add_parser("login", help=_("log in to an account on an instance"))
    login.add_argument("instance", nargs="?", metavar="INSTANCE",
                       help=_("the instance, e.g. example.social or @you@example.social"))
    login.add_argument("--no-browser", action="store_true",
                       help=_("don't open a browser: paste the code shown by the instance"))
    login.add_argument("--profile", dest="login_profile", metavar="NAME",
                       help=_("the name to save the profile under (default: user@instance)"))
    login.set_defaults(handler=_login)

    logout = sub.add_parser("logout", help=_("revoke a profile's token and forget it"))
    logout.add_argument("target", nargs="?", metavar="PROFILE",
                        help=_("the profile (default: the default profile)"))
    logout.set_defaults(handler=_logout)

    profiles = sub.add_parser("profiles", help=_("list profiles, or change them"))
    actions = profiles.add_subparsers(dest="profiles_action")
    default = actions.add_parser("default", help=_("make a profile the default"))
    default.add_argument("name", metavar="NAME")
    remove = actions.add_parser("remove", help=_("remove a profile and its token"))
    remove.add_argument("name", metavar="NAME")
    profiles.set_defaults(handler=_profiles)


def run(args: argparse.Namespace) -> int:
    """Run the subcommand `args` selected."""
    handler: Callable[[argparse.Namespace], int] = args.handler
    return guarded(handler, args)


def run_account(args: argparse.Namespace) -> int:
    """`tootui [--profile NAME]`: the app on a saved profile (the default one without NAME)."""
    return guarded(_start_app, args)


def guarded(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run `handler`, turning the failures a user can fix into one line on stderr."""
    try:
        return handler(args)
    except KeyboardInterrupt:
        fail(_("Interrupted."))
        return 130
    except Exception as exc:
        if isinstance(exc, _user_errors()):
            fail(str(exc))
            return EXIT_FAILED
        if not isinstance(exc, OSError):
            raise
        # A full disk or an unwritable config dir: say which file, not a traceback.
        fail(_("Could not use {file}: {reason}").format(
            file=exc.filename or "?", reason=exc.strerror or type(exc).__name__))
        return EXIT_FAILED


def _user_errors() -> tuple[type[Exception], ...]:
    """The failures a user can fix. Imported only when one happened: the keyring
    and the network stack stay off the path to the first paint."""
    from tootui.client.errors import ClientError
    from tootui.config import ConfigError
    from tootui.keyring_store import KeyringUnavailable
    from tootui.loopback import LoopbackError
    from tootui.profiles import InstanceError, ProfileError

    return (ConfigError, KeyringUnavailable, InstanceError, ProfileError, ClientError,
            LoopbackError)


def fail(message: str) -> None:
    print(" ".join(message.split()), file=sys.stderr)


def _start_app(args: argparse.Namespace) -> int:
    from tootui import config as config_mod
    from tootui.app_log import start_file_log
    from tootui.client.cache import Cache
    from tootui.client.cached import CachedClient
    from tootui.drafts import DraftStore
    from tootui.outbox import Outbox
    from tootui.profiles import resolve
    from tootui.ui.app import create_app

    config = config_mod.load()
    profile = resolve(config, args.profile)
    start_file_log()
    # The token is read on the first request, in a worker: the keyring (and
    # the D-Bus round trips behind it) must not delay painting the cache.
    cached = CachedClient(Cache.for_profile(profile.name, max_bytes=config.cache_max_mb << 20),
                          lambda: _connect(profile.name))
    app = create_app(cached, account_label=profile.account,
                     local_domain=profile.account.rsplit("@", 1)[-1],
                     drafts=DraftStore.for_profile(profile.name),
                     outbox=Outbox.for_profile(profile.name))
    try:
        app.run()
    finally:
        cached.close()
    return app.return_code or 0


class SessionUnavailable(AuthError):
    """No token to send (none saved, or no keyring): said as it is, since the
    message already tells the user what to run."""

    def __str__(self) -> str:
        return self.detail


def _connect(profile_name: str) -> MastodonClient:
    """The profile's network client; a missing token or keyring becomes a `ClientError`."""
    from tootui.keyring_store import KeyringUnavailable
    from tootui.profiles import ProfileError, load_session

    try:
        return load_session(profile_name)[0]
    except (ProfileError, KeyringUnavailable) as exc:
        raise SessionUnavailable(str(exc)) from None


def _login(args: argparse.Namespace) -> int:
    from tootui.login import run_login

    profile = run_login(
        args.instance,
        profile_name=args.login_profile or args.profile,
        use_browser=not args.no_browser,
    )
    print(_("Logged in as {account} (profile {name}).").format(
        account=f"@{profile.account}", name=profile.name))
    if sys.stdin.isatty() and sys.stdout.isatty():
        # A person at a terminal goes straight to the home timeline; scripts just log in.
        args.profile = profile.name
        return _start_app(args)
    return 0


def _logout(args: argparse.Namespace) -> int:
    from tootui.login import logout

    profile = logout(args.target or args.profile)
    print(_("Logged out of {name}.").format(name=profile.name))
    return 0


def _profiles(args: argparse.Namespace) -> int:
    from tootui import config as config_mod
    from tootui.keyring_store import KeyringStore
    from tootui.profiles import resolve

    config = config_mod.load()
    if args.profiles_action is None:
        if not config.profiles:
            print(_("No profiles yet: run `tootui login INSTANCE`."))
            return 0
        default = resolve(config, None).name if config.default_profile or len(
            config.profiles) == 1 else None
        for name in sorted(config.profiles):
            profile = config.profiles[name]
            mark = "*" if name == default else " "
            print(f"{mark} {name}  @{profile.account}  {profile.instance}")
        return 0
    profile = resolve(config, args.name)
    if args.profiles_action == "default":
        config.default_profile = profile.name
        config_mod.save(config)
        print(_("{name} is now the default profile.").format(name=profile.name))
        return 0
    store = KeyringStore()
    del config.profiles[profile.name]
    if config.default_profile == profile.name:
        config.default_profile = None
    config_mod.save(config)
    store.delete_token(profile.name)
    if not config.profiles_on(profile.instance):
        # The last profile on that instance: its app's secret has no use left.
        store.delete_client_secret(profile.instance)
    print(_("Removed profile {name}.").format(name=profile.name))
    return 0
