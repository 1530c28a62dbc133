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

One module is deferred rather than refused: Mastodon.py compiles a URL pattern of
15 KB when it is imported (17 ms and 2 MB), for `get_status_length`, which tootui
does not call (`post_length` counts posts). The module gets a stand-in that
compiles the pattern the first time anything uses it.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

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


DEFERRED = "mastodon._url_regex"


class _Deferred:
    """Stands for an object (a compiled pattern) until an attribute of it is used."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self._make: Callable[[], Any] | None = make
        self._made: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._make is not None:
            self._made, self._make = self._make(), None
        return getattr(self._made, name)


class _DeferringLoader:
    """Runs the module only when its `url_regex` is first used."""

    def __init__(self, spec: ModuleSpec) -> None:
        self._spec = spec

    def create_module(self, spec: ModuleSpec) -> None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        def make() -> Any:
            import importlib.util

            real = importlib.util.module_from_spec(self._spec)
            assert self._spec.loader is not None
            self._spec.loader.exec_module(real)
            return real.url_regex

        module.url_regex = _Deferred(make)  # type: ignore[attr-defined]


class _Refuser:
    """Answers "not installed" to an import in REFUSED made by one of its importers,
    and defers DEFERRED."""

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname == DEFERRED:
            return self._deferred(fullname, path)
        importers = REFUSED.get(fullname)
        if importers is None:
            return None
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_globals.get("__name__") in importers:
                raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
            frame = frame.f_back  # type: ignore[assignment]
        return None

    def _deferred(self, fullname: str, path: Sequence[str] | None) -> ModuleSpec | None:
        from importlib.machinery import ModuleSpec, PathFinder

        real = PathFinder.find_spec(fullname, path)
        if real is None:
            return None
        # A loader by protocol, not by importlib.abc, which nothing else imports at start.
        loader: Any = _DeferringLoader(real)
        return ModuleSpec(fullname, loader, origin=real.origin)


def install() -> None:
    """Put the refusal first on the import path, once."""
    if not any(isinstance(finder, _Refuser) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Refuser())
        # requests and bs4 say so once, on stderr: the terminal Textual draws on.
        warnings.filterwarnings("ignore", message="Unable to find acceptable character detection")
        warnings.filterwarnings("ignore", message="The soupsieve package is not installed")
