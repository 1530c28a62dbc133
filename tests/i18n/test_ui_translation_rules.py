"""Rules that keep every screen translatable, checked over the UI's source.

Binding descriptions are stored in English and translated where shown (see
tootui/ui/bindings.py): Textual's own `Footer` would show them in English.
"""

from __future__ import annotations

import re
from pathlib import Path

import tootui.ui

UI_DIR = Path(tootui.ui.__file__).parent
_PLAIN_FOOTER = re.compile(r"(?<![\w.])Footer\(")


def test_screens_use_the_translated_footer() -> None:
    offenders = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(UI_DIR.rglob("*.py"))
        if path.name != "footer.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _PLAIN_FOOTER.search(line)
    ]
    assert not offenders, "yield TranslatedFooter (tootui/ui/footer.py):\n" + "\n".join(offenders)


def test_the_rule_catches_a_plain_footer() -> None:
    assert _PLAIN_FOOTER.search("        yield Footer(compact=True)")
    assert not _PLAIN_FOOTER.search("        yield TranslatedFooter(compact=True)")
