"""The Textual theme: the one `config.toml` names at start, and remembering a new choice.

The theme is chosen in the command palette ("Theme"); whatever sets `App.theme`
publishes `theme_changed_signal`, and the new name is written to `config.toml`
in a worker (read afresh, one key changed, like the language), so the next
start looks the same. A name that no theme has is reported once, with the file
and the key, and the default theme is used.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.theme import Theme

from tootui.i18n import _


def configured_theme() -> str:
    """The `theme` of `config.toml`; the default when the file can't be read
    (the app still starts; the file's problem is reported where it is parsed)."""
    from tootui import config as config_mod

    try:
        return config_mod.load().theme
    except config_mod.ConfigError:
        return config_mod.Config.theme


def apply_theme(app: App[Any], name: str) -> str | None:
    """Use theme `name` if there is one; else say why not (one line), keeping the default."""
    if name in app.available_themes:
        app.theme = name
        return None
    from tootui import paths

    return _("{file}: theme: there is no theme named “{name}”; using “{default}”").format(
        file=paths.config_file(), name=name, default=app.theme)


class ThemeKeeper:
    """Writes the app's theme to `config.toml` whenever it changes from `saved`."""

    def __init__(self, app: App[Any], saved: str) -> None:
        self._app = app
        self._saved = saved

    def start(self) -> None:
        self._app.theme_changed_signal.subscribe(self._app, self._changed)

    def _changed(self, theme: Theme) -> None:
        if theme.name == self._saved:
            return
        self._saved = theme.name
        self._app.run_worker(lambda: self._remember(theme.name), name="remember-theme",
                             group="remember-theme", thread=True, exclusive=True)

    def _remember(self, name: str) -> None:
        # Read afresh and change one key: profiles saved since the start are kept.
        from tootui import config as config_mod

        try:
            settings = config_mod.load()
            settings.theme = name
            config_mod.save(settings)
        except (config_mod.ConfigError, OSError) as error:
            self._app.call_from_thread(
                self._app.notify, _("The theme was not saved: {error}").format(error=error),
                severity="warning")
