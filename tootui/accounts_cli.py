"""The `login`, `logout` and `profiles` subcommands of `tootui`.

Every failure is one line on stderr and a non-zero exit: never a traceback,
never a token.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from tootui.i18n import _

if TYPE_CHECKING:
    pass

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
    from tootui.profiles import LoginRequired, ProfileError, resolve
    from tootui.sessions import Accounts

    accounts = Accounts()
    config = config_mod.load()
    at_terminal = sys.stdin.isatty() and sys.stdout.isatty()
    session, profile = None, None
    if not config.profiles:
        if not at_terminal:
            resolve(config, args.profile)  # scripts get the one-line "no account yet"
        from tootui.keyring_store import KeyringStore

        # Before the screen takes over: no keyring is a one-line error, not a login
        # that can't keep its token.
        KeyringStore().check_usable()
        if args.profile is not None:
            raise ProfileError(
                _("No profile named {name}: `tootui profiles` lists them.").format(
                    name=args.profile))
    else:
        try:
            # At a terminal the keyring is read after the cache is painted (a
            # missing token then offers a login in the app); scripts learn at once.
            session = accounts.open(args.profile, token_now=not at_terminal)
        except LoginRequired as needed:
            if not at_terminal:
                raise
            profile = config.profiles[needed.profile]  # log it in again, in the app
    from tootui.app_log import start_file_log
    from tootui.ui.app import create_session_app

    start_file_log()
    app = create_session_app(accounts, session, profile=profile)
    try:
        app.run()
    finally:
        app.close_client()
        if session is not None:
            session.close()
    return app.return_code or 0



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
