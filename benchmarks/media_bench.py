"""What the media viewer costs: loading textual-image, decoding a picture, drawing it.

Loading and decoding run in the viewer's worker; drawing (textual-image scales the
picture to the cells on every render) runs on the UI thread, so it is the one a
keypress can wait behind.

    .venv/bin/python benchmarks/media_bench.py
"""

from __future__ import annotations

import io
import statistics
import time

from rich.console import Console


def _jpeg(width: int, height: int) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.effect_noise((width, height), 64).convert("RGB").save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def main() -> None:
    import textual.app  # noqa: F401  the app has Textual loaded before `m`

    from tootui.ui.inline_image import decode, load

    start = time.perf_counter()
    load()
    print(f"load textual-image and Pillow (Textual loaded): {_ms(start):.0f} ms")
    for width, height in ((640, 480), (1280, 960), (4000, 3000)):
        data = _jpeg(width, height)
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            picture = decode(data)
            runs.append(_ms(start))
        print(f"decode a {width}x{height} JPEG ({len(data) // 1024} KB) to "
              f"{picture.size[0]}x{picture.size[1]}: median {statistics.median(runs):.0f} ms")
    from textual_image.renderable.halfcell import Image as Halfcell

    picture = decode(_jpeg(1280, 960))
    for columns, rows in ((72, 20), (150, 45)):
        console = Console(width=columns, file=io.StringIO(), color_system="truecolor")
        runs = []
        for _ in range(10):
            start = time.perf_counter()
            console.print(Halfcell(picture, "auto", "auto"), height=rows)
            runs.append(_ms(start))
        print(f"draw in half blocks at {columns}x{rows} cells: "
              f"median {statistics.median(runs):.1f} ms")


if __name__ == "__main__":
    main()
