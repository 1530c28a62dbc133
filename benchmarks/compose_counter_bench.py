"""How long the compose counter takes per keystroke, for short and full posts.

Usage: python benchmarks/compose_counter_bench.py

The counter recounts the whole draft on every change (`post_length`: URLs,
remote mentions, grapheme clusters), so its cost at the server's limit is what
a keystroke pays. Prints microseconds per count for a few draft shapes.
"""

from __future__ import annotations

import time

from tootui.post_length import post_length

DRAFTS = {
    "short latin (40 chars)": "Reading a good book on a rainy afternoon",
    "500 chars, links and mentions": (
        "@alice@example.social see https://example.com/a/very/long/path?x=1 " * 7
    )[:500],
    "5000 CJK chars": "鲑鱼卵" * 1667,
    "5000 chars with emoji sequences": ("👩\u200d💻 e\u0301 🇨🇳 " * 700)[:5000],
}


def main() -> None:
    for name, text in DRAFTS.items():
        rounds = 200
        start = time.perf_counter()
        for _ in range(rounds):
            post_length(text)
        per = (time.perf_counter() - start) / rounds * 1e6
        print(f"{name:34} {per:9.1f} µs per count  (length {post_length(text)})")


if __name__ == "__main__":
    main()
