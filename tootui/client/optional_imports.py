"""Optional dependencies of the HTTP stack that tootui never uses, left unimported.

Mastodon.py imports `cryptography` when it is installed (keyring brings it, for
SecretStorage) to make Web Push keys, which tootui does not use; requests and
BeautifulSoup import `charset_normalizer` or `chardet` to guess the encoding of
bytes, and tootui only decodes JSON (requests reads its encoding from the bytes)
and hands BeautifulSoup text; BeautifulSoup imports `soupsieve` for CSS
selectors, which tootui's renderer does not use. Those imports were 11 of the
74 MB of a session with 40 statuses (benchmarks/RESULTS.md). The refusal is for
those importers only, found on the importing thread's own stack, so SecretStorage,
or anything else, still imports `cryptography` as usual; no other thread is affected.
"""

from __future__ import annotations

import sys
import warnings
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importlib.abc would cost the first paint 6 ms: a finder needs no base class
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType

_DETECTORS = frozenset({"requests", "requests.compat", "bs4.dammit"})
REFUSED: dict[str, frozenset[str]] = {
    "cryptography": frozenset({"mastodon.compat"}),
    "charset_normalizer": _DETECTORS,
    "chardet": _DETECTORS,
    "cchardet": _DETECTORS,
    "soupsieve": frozenset({"bs4.css"}),
}


class _Refuser:
    """Answers "not installed" to an import in REFUSED made by one of its importers."""

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        importers = REFUSED.get(fullname)
        if importers is None:
            return None
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_globals.get("__name__") in importers:
                raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
            frame = frame.f_back  # type: ignore[assignment]
        return None


def install() -> None:
    """Put the refusal first on the import path, once."""
    if not any(isinstance(finder, _Refuser) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Refuser())
        # requests and bs4 say so once, on stderr: the terminal Textual draws on.
        warnings.filterwarnings("ignore", message="Unable to find acceptable character detection")
        warnings.filterwarnings("ignore", message="The soupsieve package is not installed")
