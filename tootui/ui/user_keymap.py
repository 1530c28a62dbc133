"""The `[keymap]` table of config.toml: binding id = keys, applied as the app starts."""

from __future__ import annotations

from tootui.i18n import _
from tootui.ui.bindings import KEYS


def configured_keymap() -> tuple[dict[str, str], str | None]:
    """The keymap of config.toml for `App.set_keymap`, and a problem to show (one line).

    Ids that no binding has are left out and named, so a typo is not a key that
    silently does nothing. A file that can't be read gives no keymap and no
    problem here: where it is parsed for the session, its problem is reported.
    """
    from tootui import config as config_mod
    from tootui import paths

    try:
        wanted = config_mod.load().keymap
    except config_mod.ConfigError:
        return {}, None
    known = {spec.id for spec in KEYS}
    unknown = sorted(set(wanted) - known)
    keymap = {spec_id: keys for spec_id, keys in wanted.items() if spec_id in known}
    if not unknown:
        return keymap, None
    return keymap, _("{file}: keymap: no key binding has the id {ids}; it is ignored").format(
        file=paths.config_file(), ids=", ".join(unknown))
