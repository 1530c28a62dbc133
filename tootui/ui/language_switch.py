"""Switching the interface language inside the app, and remembering the choice.

The choice is offered as a list in the command palette (`ctrl+l`, or "Interface language"
in `ctrl+p`). Choosing switches `_` at once, asks every screen to redraw what it
translated (`LanguageChanged`) and refreshes the bindings so that the footer
recomposes; then it writes `language` to `config.toml` in a worker, so the next
start speaks the same language.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.command import SimpleCommand
from textual.message import Message

from tootui.i18n import _, current_language
from tootui.language import AUTO, AUTO_LABEL, LANGUAGE_NAMES, LANGUAGE_SETTINGS, activate


class LanguageChanged(Message):
    """The interface language changed: redraw whatever was translated."""


def language_commands(choose: Callable[[str], None]) -> list[SimpleCommand]:
    """One palette entry per `language` setting, each named in its own language."""
    commands = []
    help_text: str | None
    for setting in LANGUAGE_SETTINGS:
        if setting == AUTO:
            name = _(AUTO_LABEL)
            help_text = _("From LANGUAGE, LC_ALL, LC_MESSAGES or LANG")
        else:
            name = LANGUAGE_NAMES[setting]
            help_text = _("The current language") if setting == current_language() else None
        commands.append(SimpleCommand(name, lambda s=setting: choose(s), help_text))
    return commands


def switch_language(app: App[Any], setting: str) -> None:
    """Speak `setting` ("auto", "en", "zh_CN") from now on, and remember it."""
    activate(setting, None, os.environ)
    for screen in app.screen_stack:
        screen.post_message(LanguageChanged())
        screen.refresh_bindings()
    app.run_worker(lambda: _remember(app, setting), name="remember-language",
                   group="remember-language", thread=True, exclusive=True)


def _remember(app: App[Any], setting: str) -> None:
    # Read afresh and change one key: profiles saved since the start are kept.
    from tootui import config as config_mod

    try:
        settings = config_mod.load()
        settings.language = setting
        config_mod.save(settings)
    except (config_mod.ConfigError, OSError) as error:
        app.call_from_thread(
            app.notify, _("The language was not saved: {error}").format(error=error),
            severity="warning",
        )
