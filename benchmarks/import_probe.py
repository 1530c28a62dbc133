"""Run `tootui`, and write down what it had imported when a text first reached the screen.

Usage: python benchmarks/import_probe.py OUT TEXT [tootui args...]

Every module imported by the main thread (the UI's) is noted as it is found;
the screen (Textual draws on stderr) is watched from inside the process, and
at the first write that carries TEXT the names noted so far go to OUT, one a
line. Imports made by workers (the refresh that follows the first paint) are
not the UI's and are left out, so the answer does not depend on which thread
the scheduler ran first.
"""

import importlib.abc
import re
import sys
import threading

_ESCAPE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
out_path, marker = sys.argv[1], sys.argv[2]
imported: list[str] = []
main_thread = threading.main_thread()


class Noter(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):  # type: ignore[no-untyped-def]
        if threading.current_thread() is main_thread:
            imported.append(name)
        return None  # the usual finders do the importing


class Screen:
    """stderr as Textual uses it, watched for `marker`."""

    def __init__(self, stream):  # type: ignore[no-untyped-def]
        self._stream = stream
        self._done = False

    def write(self, data: str) -> int:
        if not self._done and marker in _ESCAPE.sub("", data):
            self._done = True
            with open(out_path, "w", encoding="utf-8") as out:
                out.write("\n".join(imported) + "\n")
        return self._stream.write(data)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._stream, name)


sys.meta_path.insert(0, Noter())
sys.stderr = sys.__stderr__ = Screen(sys.__stderr__)
sys.argv = ["tootui", *sys.argv[3:]]

from tootui.cli import main  # noqa: E402

sys.exit(main())
