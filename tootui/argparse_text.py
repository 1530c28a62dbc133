"""argparse's own words ("usage:", "options", its error messages) in tootui's language.

argparse translates its messages with `gettext.gettext`, which it binds into its
module as `_` (and `ngettext`) on import: gettext's global domain, in the language
of the environment, with no catalogue shipped for it. tootui's language can come
from `--lang` or the config instead, so `use_tootui_language()` points those two
names at tootui's own catalogue of argparse's messages (the `argparse` domain
beside `tootui` in `tootui/locale/`; see `tootui/locale/argparse_catalogue.py`),
read in whatever language `tootui.i18n` speaks at the moment a message is shown.
"""

from __future__ import annotations

import argparse
import gettext
import re
from functools import cache
from typing import Any

from tootui.i18n import LOCALE_DIR, _, current_language

DOMAIN = "argparse"


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True)


def argparse_gettext(message: str) -> str:
    """argparse's `_`: `message` in the current interface language."""
    return _catalogue(current_language()).gettext(message) if message else message


def argparse_ngettext(singular: str, plural: str, n: int) -> str:
    """argparse's `ngettext`, in the current interface language."""
    return _catalogue(current_language()).ngettext(singular, plural, n)


def use_tootui_language() -> None:
    """Make argparse speak the language `tootui.i18n` speaks (idempotent)."""
    argparse._ = argparse_gettext  # type: ignore[attr-defined]
    argparse.ngettext = argparse_ngettext  # type: ignore[attr-defined]


# -- wrapping by terminal cells -------------------------------------------------

# A run of characters that stays together (a Latin word with its punctuation),
# a single wide (CJK) character, which may break on either side, or a space run.
_TOKEN = re.compile(r"\s+|[^\s\u1100-\uffef]+|.", re.S)


def wrap_cells(text: str, width: int) -> list[str]:
    """`text` wrapped to `width` terminal cells: CJK takes two and breaks anywhere."""
    from wcwidth import wcswidth

    lines: list[str] = []
    line, used = "", 0
    for token in _TOKEN.findall(" ".join(text.split())):
        size = max(wcswidth(token), 0)
        if token.isspace():
            if line:
                line, used = line + " ", used + 1
            continue
        if used + size > width and line.strip():
            lines.append(line.rstrip())
            line, used = "", 0
        line, used = line + token, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


class CellWidthHelpFormatter(argparse.HelpFormatter):
    """argparse's help, wrapped by terminal cells rather than by characters.

    argparse measures with `len()`, so a Chinese help line (two cells a character)
    would run past the terminal's edge and the usage's continuation lines would sit
    left of the program name. Only the two wrapping hooks and the usage indent change.
    """

    class _Section(argparse.HelpFormatter._Section):
        # argparse writes "heading:" with an ASCII colon; Chinese wants "：".
        def format_help(self) -> str:
            text: str = super().format_help()
            heading = self.heading
            if isinstance(heading, str) and f"{heading}:\n" in text:
                # Translators: a section heading in --help, such as "options:".
                text = text.replace(f"{heading}:\n", _("{heading}:").format(heading=heading)
                                    + "\n", 1)
            return text

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_cells(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap_cells(text, width - len(indent)))

    def _format_usage(self, usage: str | None, actions: Any, groups: Any,
                      prefix: str | None) -> str:
        text = super()._format_usage(usage, actions, groups, prefix)
        shown = argparse_gettext("usage: ") if prefix is None else prefix
        if shown.isascii():
            # A cell per character; and argparse formats a usage at every start (for
            # the subcommands' prog), which should not wait for wcwidth's tables.
            return text
        from wcwidth import wcswidth

        extra = max(wcswidth(shown), 0) - len(shown)
        if extra <= 0:
            return text
        first, *rest = text.split("\n")
        return "\n".join([first, *((" " * extra + line) if line.strip() else line
                                   for line in rest)])


class ArgumentParser(argparse.ArgumentParser):
    """An `ArgumentParser` whose help is wrapped by cells (its subparsers inherit it)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", CellWidthHelpFormatter)
        super().__init__(*args, **kwargs)
