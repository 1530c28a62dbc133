"""Maintainer tool: the catalogue of argparse's own messages ("usage: ", "options").

argparse is in the standard library and translates its messages with gettext, but
no catalogue for them ships with Python. tootui keeps one per language as a second
domain, `argparse`, beside `tootui` (`tootui/locale/<lang>/LC_MESSAGES/argparse.po`),
and `tootui.argparse_text` makes argparse read it.

The messages are extracted from the running interpreter's `argparse.py`. Unlike
tootui's own catalogue, messages missing from this interpreter are kept: other
Python versions word some of them differently, and their users need those.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_python

from tootui import __version__

DOMAIN = "argparse"
KEYWORDS = {"_": None, "ngettext": (1, 2)}


def extract(source: Path | None = None) -> Catalog:
    """Every message argparse translates, as a template (msgstr empty)."""
    path = source or Path(argparse.__file__)
    template = Catalog(project="tootui", version=__version__, domain=DOMAIN)
    with path.open("rb") as code:
        for lineno, _func, message, _comments in extract_python(code, KEYWORDS, [], {}):
            # `_(title)` and the like: a variable, not a message.
            if message is None or (isinstance(message, tuple) and message[0] is None):
                continue
            if isinstance(message, tuple):
                message = tuple(m for m in message if m is not None)
            template.add(message, None, [("argparse.py", lineno)])
    return template


def add_new(catalog: Catalog, template: Catalog) -> int:
    """Add the template's messages `catalog` lacks, untranslated; keep the rest."""
    added = 0
    for message in template:
        if message.id and catalog.get(message.id) is None:
            empty = ("",) * catalog.num_plurals if isinstance(message.id, tuple) else ""
            catalog.add(message.id, empty)
            added += 1
    return added
