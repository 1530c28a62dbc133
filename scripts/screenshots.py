"""Make the README's screenshots: the real app on the embedded demo instance, as SVG.

    .venv/bin/python scripts/screenshots.py     # writes docs/*.svg

Each picture is Textual's own screenshot of the app driven with Pilot, the
same way the tests drive it, at 100x30 in English.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (100, 30)


async def main() -> None:
    from tootui.client.api import MastodonClient
    from tootui.client.oauth import demo_login
    from tootui.demo.server import DemoServer
    from tootui.i18n import set_language
    from tootui.ui.app import create_app

    set_language("en")
    out = ROOT / "docs"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # Nothing of the user's own config, cache or keyring is read.
        for name in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME",
                     "XDG_STATE_HOME"):
            os.environ[name] = str(Path(tmp) / name.lower())
        with DemoServer(Path(tmp) / "demo") as server, \
                MastodonClient(server.url, demo_login(server.url)) as client:
            # Someone mentions the demo user, so the notifications have a post in them.
            with MastodonClient(server.url, server.create_token("juzi")) as juzi:
                juzi.post_status("@demo 今晚一起做铁板鱿鱼吗？")
            app = create_app(client, account_label="demo@localhost", theme="textual-dark")
            async with app.run_test(size=SIZE) as pilot:
                async def settle() -> None:
                    await pilot.pause()
                    await app.workers.wait_for_complete()
                    await pilot.pause()

                async def shot(name: str) -> None:
                    await settle()
                    app.save_screenshot(filename=f"{name}.svg", path=str(out))

                await settle()
                await shot("timeline")
                await pilot.press("j", "enter")
                await shot("thread")
                await pilot.press("c", *"Trying tootui: fast, and it keeps my drafts.")
                await shot("compose")
                await pilot.press("escape")
                await app.main_screen.open_timeline("notifications")  # as `g` does
                await shot("notifications")
    print(f"wrote {out}/timeline.svg, thread.svg, compose.svg, notifications.svg")


if __name__ == "__main__":
    asyncio.run(main())
