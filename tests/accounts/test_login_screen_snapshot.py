"""Snapshots of the in-app login screen at 80x24: the first run, and a failure line.

Review the SVG when one changes (`--snapshot-update`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from tests.ui.test_dialog_snapshots import SIZE, Host
from tootui.i18n import set_language
from tootui.sessions import Accounts
from tootui.ui.login_screen import LoginFailed, LoginScreen

Compare = Callable[..., bool]


async def _pause(pilot: Pilot[Any]) -> None:
    await pilot.pause()


def test_first_run(snap_compare: Compare) -> None:
    set_language("en")
    assert snap_compare(Host(LoginScreen(Accounts())), terminal_size=SIZE, run_before=_pause)


def test_failure_is_one_line(snap_compare: Compare) -> None:
    async def fail(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        pilot.app.screen.post_message(LoginFailed(
            "Refusing plain http:// for example.social: tokens would travel unencrypted. "
            "Use https://example.social."))
        await pilot.pause()

    set_language("en")
    assert snap_compare(Host(LoginScreen(Accounts())), terminal_size=SIZE, run_before=fail)
