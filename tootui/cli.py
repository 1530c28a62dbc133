"""The `tootui` command line: a thin dispatcher to the modules that do the work."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from tootui import __version__
from tootui.demo.faults import checked_spec
from tootui.i18n import _


def _whole_number(value: str) -> int:
    """`int(value)`; otherwise argparse's own "invalid int value", as `type=int` says it."""
    from tootui.argparse_text import argparse_gettext

    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            argparse_gettext("invalid %(type)s value: %(value)r") % {"type": "int", "value": value}
        ) from None


def port_number(value: str) -> int:
    """argparse `type=` for `--port`: a TCP port, or 0 for any free one.

    Checked here so that a mistyped port is a usage error, not a traceback from
    `socket.bind` once the server starts.
    """
    port = _whole_number(value)
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            _("expected a port from 1 to 65535 (0: any free port), not {value!r}").format(
                value=value))
    return port


def status_count(value: str) -> int:
    """argparse `type=` for `--demo-size`: how many statuses, 0 or more."""
    count = _whole_number(value)
    if count < 0:
        raise argparse.ArgumentTypeError(
            _("expected a number of statuses, 0 or more, not {value!r}").format(value=value))
    return count


def build_parser() -> argparse.ArgumentParser:
    from tootui.argparse_text import ArgumentParser

    parser: argparse.ArgumentParser = ArgumentParser(
        prog="tootui", description=_("A fast, keyboard-driven terminal Mastodon client.")
    )
    parser.add_argument("--version", action="version", version=f"tootui {__version__}",
                        help=_("show the version and exit"))
    parser.add_argument("--demo", action="store_true", help=_("run on the embedded demo instance"))
    parser.add_argument("--reset", action="store_true",
                        help=_("with --demo: start the demo afresh"))
    parser.add_argument("--demo-size", type=status_count, default=0, metavar="N",
                        help=_("seed N extra generated statuses into the demo instance"))
    parser.add_argument("--demo-seed", metavar="FILE",
                        help=_("load extra statuses (Mastodon JSON) into the demo instance"))
    parser.add_argument("--demo-faults", type=checked_spec, metavar="SPEC",
                        help=_("inject failures into the demo instance (see README)"))
    parser.add_argument("--profile", metavar="NAME", help=_("the account profile to use"))
    parser.add_argument("--lang", metavar="LANG", help=_(
        "interface language: auto, en or zh_CN (default: the config, else auto)"))
    sub = parser.add_subparsers(dest="command")
    demo = sub.add_parser("demo-server", help=_("run the embedded demo instance in the foreground"))
    demo.add_argument("--port", type=port_number, default=0,
                      help=_("port to listen on (default: free)"))
    demo.add_argument("--reset", action="store_true", help=_("start the demo afresh"))
    demo.add_argument("--demo-size", type=status_count, default=0, metavar="N")
    demo.add_argument("--demo-seed", metavar="FILE")
    demo.add_argument("--demo-faults", type=checked_spec, metavar="SPEC")
    from tootui.accounts_cli import add_subcommands

    add_subcommands(sub)
    return parser


def choose_startup_language(argv: Sequence[str]) -> str:
    """Speak what `--lang`, the config's `language` or the environment ask for.

    Done before the parser is built, because its help text is translated. A config
    file that cannot be read does not stop this: the language then comes from
    `--lang` or the environment, and the command reports the file's problem itself.
    """
    from tootui import config as config_mod
    from tootui.argparse_text import use_tootui_language
    from tootui.language import activate, lang_from_argv

    use_tootui_language()
    try:
        configured: str | None = config_mod.load().language
    except config_mod.ConfigError:
        configured = None
    return activate(configured, lang_from_argv(argv), os.environ)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    choose_startup_language(argv)
    args = build_parser().parse_args(argv)
    if args.command == "demo-server":
        from tootui.demo.cli import run_demo_server

        return run_demo_server(args)
    if args.demo:
        from tootui.demo_session import run_demo

        return run_demo(args)
    from tootui.accounts_cli import run, run_account

    if args.command is not None:
        return run(args)
    return run_account(args)
