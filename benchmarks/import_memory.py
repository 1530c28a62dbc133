"""Where tootui's memory goes: the resident set after each group of imports, in load order.

Usage: python benchmarks/import_memory.py

One process imports, group by group, what a session with 40 statuses loads,
in the order it loads it (Textual and the first screen, then, in the first
worker, the keyring, the HTTP stack and Mastodon.py, then the HTML renderer),
and prints VmRSS after each group and what the group added. A module shared by
two groups counts for the first. The rest of memory_bench.py's peak is the
session's data, threads and allocator (what no import accounts for).
"""

from __future__ import annotations

import importlib
import sys

GROUPS = [
    ("Textual (textual.app, the floor's import)", ["textual.app"]),
    ("tootui's first screen (tootui.cli, tootui.ui.app)", ["tootui.cli", "tootui.ui.app"]),
    ("keyring (jaraco, importlib_metadata, email)", ["keyring", "keyring.backend"]),
    ("urllib3, idna, http.client", ["urllib3", "idna"]),
    ("requests (without charset_normalizer)", ["requests"]),
    ("dateutil, decorator", ["dateutil.parser", "decorator"]),
    ("Mastodon.py (without cryptography)", ["mastodon"]),
    ("tootui.client.api", ["tootui.client.api", "tootui.client.oauth"]),
    ("bs4, markdownify (without soupsieve)", ["bs4", "markdownify"]),
    ("tootui.render.html", ["tootui.render.html"]),
]
LEFT_OUT = [("cryptography, as Mastodon.py would import it",
             ["cryptography.hazmat.primitives.asymmetric.ec",
              "cryptography.hazmat.primitives.serialization"]),
            ("charset_normalizer", ["charset_normalizer"]),
            ("soupsieve", ["soupsieve"])]


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def show(groups: list[tuple[str, list[str]]]) -> None:
    before = rss_mb()
    for label, modules in groups:
        for name in modules:
            importlib.import_module(name)
        now = rss_mb()
        print(f"{label:<52} {now:6.1f} MB  +{now - before:4.1f}", flush=True)
        before = now


def main() -> None:
    print(f"{'python, started':<52} {rss_mb():6.1f} MB")
    show(GROUPS)
    # The refusal is for Mastodon.py's, requests' and bs4's imports: these, made here, go through.
    print(f"{len(sys.modules)} modules. What tootui.client.optional_imports leaves out, "
          "imported on top:")
    show(LEFT_OUT)


if __name__ == "__main__":
    main()
