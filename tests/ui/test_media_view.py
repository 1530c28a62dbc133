"""`m`, enter: the media viewer downloads the attachment and draws it in the terminal.

The renderer is forced to colour half blocks (`TOOTUI_GRAPHICS`): what a test
terminal would be detected as must not decide what these tests see.
"""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest

from tests.ui.cached import record_requests
from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tests.ui.test_post_dialogs import api
from tootui.demo.server import DemoServer
from tootui.ui.app import TootuiApp
from tootui.ui.choice_list import ChoiceScreen
from tootui.ui.inline_image import load
from tootui.ui.media_view import MediaScreen

PNG = (Path(__file__).parents[2] / "tootui/demo/data/media/techo-weeks.png").read_bytes()
FILES = "/system/media_attachments/files/"
# Through `load`, as the app does: a plain import would query the terminal.
HalfcellImage = load().HalfcellImage


@pytest.fixture(autouse=True)
def halfcell(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOOTUI_GRAPHICS", "halfcell")


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    return opened


def _select_post_with_media(app: TootuiApp) -> str:
    """Select the sample's post with a picture; its preview URL's path."""
    timeline = main_screen(app).timeline
    index, status = next((i, s) for i, s in enumerate(timeline.statuses)
                         if s.original.media_attachments)
    timeline.select(index)
    preview_url = status.original.media_attachments[0].preview_url
    assert preview_url
    return preview_url


async def _open_viewer(pilot, app: TootuiApp) -> MediaScreen:  # type: ignore[no-untyped-def]
    await pilot.press("m")
    await settle(pilot)
    assert isinstance(app.screen, ChoiceScreen)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, MediaScreen)
    return app.screen


async def test_m_shows_the_picture_downloaded_from_the_server(
        demo_server: DemoServer, app: TootuiApp) -> None:
    seen = record_requests(demo_server)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        preview_url = _select_post_with_media(app)
        viewer = await _open_viewer(pilot, app)
        image = viewer.query_one(".viewer-image")
        assert isinstance(image, HalfcellImage)
        assert not viewer.query_one("#viewer-preview").display
        assert image.size.width > 20 and image.size.height > 5
        assert "▀" * 20 in screen_text(app)
        assert "Loading" not in screen_text(app)
    # The smaller preview file is what a terminal needs: the original is not fetched.
    files = [path for path in seen if path.startswith(FILES)]
    assert files == [preview_url.removeprefix(demo_server.url)]
    assert "/original/" not in " ".join(files)


async def test_a_missing_file_keeps_the_blurhash_and_says_why(
        demo_server: DemoServer, app: TootuiApp) -> None:
    seen = record_requests(demo_server)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _select_post_with_media(app)
        demo_server.faults.add(FILES, status=404, count=None)
        viewer = await _open_viewer(pilot, app)
        assert not viewer.query(".viewer-image")
        assert viewer.query_one("#viewer-preview").display
        shown = screen_text(app)
        assert "▀" * 20 in shown  # the blurhash preview
        assert "No picture. Not found on the server" in shown
        assert "Traceback" not in shown
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, MediaScreen)
    # The preview first, then the original, then it gives up.
    files = [path for path in seen if path.startswith(FILES)]
    assert [path.split("/")[5] for path in files] == ["small", "original"]


async def test_a_file_that_is_not_a_picture_is_said_so(
        demo_server: DemoServer, app: TootuiApp) -> None:
    broken = api(demo_server, "POST", "/api/v2/media",
                 files={"file": ("broken.png", PNG[:40], "image/png")},
                 data={"description": "half a file"})
    api(demo_server, "POST", "/api/v1/statuses",
        data={"status": "truncated", "media_ids[]": [broken["id"]]})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        viewer = await _open_viewer(pilot, app)
        assert not viewer.query(".viewer-image")
        assert "The file is not a picture tootui can read." in screen_text(app)
        assert "half a file" in screen_text(app)


async def test_left_and_right_step_through_the_attachments(
        demo_server: DemoServer, app: TootuiApp, browser: list[str]) -> None:
    first = api(demo_server, "POST", "/api/v2/media",
                files={"file": ("one.png", PNG, "image/png")}, data={"description": "first"})
    second = api(demo_server, "POST", "/api/v2/media",
                 files={"file": ("two.png", PNG + b"2", "image/png")},
                 data={"description": "second"})
    api(demo_server, "POST", "/api/v1/statuses",
        data={"status": "two", "media_ids[]": [first["id"], second["id"]]})
    seen = record_requests(demo_server)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        viewer = await _open_viewer(pilot, app)
        assert "Attachment 1 of 2" in screen_text(app)
        assert "first" in screen_text(app)
        await pilot.press("right")
        await settle(pilot)
        assert viewer.index == 1
        assert "Attachment 2 of 2" in screen_text(app) and "second" in screen_text(app)
        assert isinstance(viewer.query_one(".viewer-image"), HalfcellImage)
        await pilot.press("right")  # past the last: stays
        await settle(pilot)
        assert viewer.index == 1
        await pilot.press("left", "right")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert not isinstance(app.screen, MediaScreen)
    assert browser == [second["url"]]
    files = [path for path in seen if path.startswith(FILES)]
    # Each file once: stepping back to the first came from the session's memory.
    assert files == [first["preview_url"].removeprefix(demo_server.url),
                     second["preview_url"].removeprefix(demo_server.url)]


async def test_a_video_shows_its_still_and_points_to_the_external_viewer(
        demo_server: DemoServer, app: TootuiApp, browser: list[str]) -> None:
    video = api(demo_server, "POST", "/api/v2/media",
                files={"file": ("clip.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 32,
                                "video/mp4")})
    api(demo_server, "GET", f"/api/v1/media/{video['id']}")  # processed
    posted = api(demo_server, "POST", "/api/v1/statuses",
                 data={"status": "a clip", "media_ids[]": [video["id"]]})
    [clip] = posted["media_attachments"]
    seen = record_requests(demo_server)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        viewer = await _open_viewer(pilot, app)
        assert isinstance(viewer.query_one(".viewer-image"), HalfcellImage)
        shown = screen_text(app)
        assert "A video: press o to play it in a viewer." in shown
        assert "[no alt text]" in shown
        await pilot.press("o")
        await settle(pilot)
    # Its still was fetched, never the video itself; `o` hands the video on.
    assert [p for p in seen if p.startswith("/system/")] == [
        clip["preview_url"].removeprefix(demo_server.url)]
    assert "/thumbnails/" in clip["preview_url"]
    assert browser == [clip["url"]]


async def test_untrusted_alt_text_is_shown_inert(
        demo_server: DemoServer, app: TootuiApp) -> None:
    hostile = api(demo_server, "POST", "/api/v2/media",
                  files={"file": ("x.png", PNG, "image/png")},
                  data={"description": "[b]bold?[/b] \x1b[31mred\x1b[0m \u202eevil"})
    api(demo_server, "POST", "/api/v1/statuses",
        data={"status": "hostile alt", "media_ids[]": [hostile["id"]]})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        viewer = await _open_viewer(pilot, app)
        assert isinstance(viewer.query_one(".viewer-image"), HalfcellImage)
        shown = screen_text(app)
        assert "[b]bold?[/b]" in shown
        assert "red" in shown and "[31m" not in shown
        assert "\x1b" not in shown and "\u202e" not in shown
