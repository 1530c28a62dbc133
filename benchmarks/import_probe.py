"""Run `tootui` with `-X importtime`'s log going to a file, the screen to the terminal.

Usage: python -X importtime benchmarks/import_probe.py LOG [tootui args...]

Textual draws on stderr, where `-X importtime` also writes: here the screen
keeps the terminal (a duplicate of stderr) and the import log goes to LOG, so
the start-up benchmark can read what was imported by the time a status showed.
"""

import os
import sys

screen = os.dup(2)
log = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
os.dup2(log, 2)
sys.stderr = sys.__stderr__ = open(screen, "w", encoding="utf-8")  # noqa: SIM115
sys.argv = ["tootui", *sys.argv[2:]]

from tootui.cli import main  # noqa: E402

sys.exit(main())
