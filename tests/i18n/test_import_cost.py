"""The translation modules load nothing heavy: `tootui --help` must stay instant."""

from __future__ import annotations

import subprocess
import sys


def test_i18n_modules_import_neither_textual_nor_babel() -> None:
    code = (
        "import sys, tootui.i18n, tootui.l10n, tootui.language\n"
        "tootui.i18n.set_language('zh_CN')\n"
        "print(sorted(m for m in ('textual', 'babel', 'rich') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_translated_cli_help_loads_no_ui_and_no_client() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from tootui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main(['--lang', 'zh_CN', '--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('textual', 'rich', 'mastodon', 'keyring') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_a_timelines_ages_and_counts_load_no_babel() -> None:
    # Each status on the first screen shows them: Babel's CLDR data would load
    # before the first paint (tens of ms, 6 MB) for the languages tootui ships.
    code = (
        "import sys\n"
        "from datetime import UTC, datetime, timedelta\n"
        "from tootui import i18n, l10n\n"
        "for language in ('en', 'zh_CN'):\n"
        "    i18n.set_language(language)\n"
        "    now = datetime.now(UTC)\n"
        "    for age in (timedelta(minutes=3), timedelta(days=40)):\n"
        "        print(l10n.relative_time(now - age, now))\n"
        "    print(l10n.count(0), l10n.count(9999))\n"
        "print('babel' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split("\n") == [
        "3 min", "1 mth", "0 9,999", "3分钟前", "1个月前", "0 9,999", "False", ""]
