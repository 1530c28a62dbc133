"""Snapshots of the dialogs a post and the compose pane open, at 80x24, in
English and in Chinese (whose labels take two cells a character).

Each dialog is shown over an empty host app with tootui's stylesheet and fixed
content, so a snapshot changes only when the dialog does. Review the SVG when
one changes (`pytest tests/ui/test_dialog_snapshots.py --snapshot-update`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DirectoryTree

from tests.demo.api import api_for
from tootui.client.api import MastodonClient
from tootui.config import Profile
from tootui.demo.server import DemoServer
from tootui.i18n import _, set_language
from tootui.models import Account, MediaAttachment, Poll, PollOption, Status, StatusEdit
from tootui.ui.choice_list import ChoiceScreen
from tootui.ui.compose_extras import MediaEditor, PollEditor, ScheduleEditor
from tootui.ui.confirm import ConfirmScreen
from tootui.ui.file_picker import FilePicker
from tootui.ui.media_view import MediaScreen
from tootui.ui.navigation import type_filter_screen
from tootui.ui.poll_vote import PollScreen
from tootui.ui.post_details import DetailsScreen
from tootui.ui.post_dialogs import boost_screen, media_screen
from tootui.ui.profile_switch import profile_screen

SIZE = (80, 24)
Compare = Callable[..., bool]
STYLESHEET = Path(__file__).parents[2] / "tootui" / "ui" / "app.tcss"


class Host(App[None]):
    CSS_PATH = str(STYLESHEET)

    def __init__(self, dialog: Screen[Any]) -> None:
        super().__init__()
        self._dialog = dialog

    def on_mount(self) -> None:
        self.push_screen(self._dialog)


AT = datetime(2026, 12, 3, 21, 38, tzinfo=UTC)
EDITED = Status(id="9", account=Account(id="1", username="yuzu", acct="yuzu"),
                created_at=AT, edited_at=AT.replace(hour=22), visibility="unlisted",
                language="zh", application_name="tootui",
                url="https://demo.invalid/@yuzu/9", content_html="<p>tea, then coffee</p>")
HISTORY = (StatusEdit(AT, "<p>tea</p>"),
           StatusEdit(AT.replace(hour=22), "<p>tea, then coffee</p>", "drinks"))
PROFILES = [Profile("demo", "https://demo.invalid", "demo@demo.invalid", "1"),
            Profile("yuzu", "https://demo.invalid", "yuzu@demo.invalid", "1")]
POLL = Poll(id="1", options=(PollOption("tea", 3), PollOption("coffee", 5)), votes_count=8)
DIALOGS: dict[str, Callable[[], Screen[Any]]] = {
    # Callers pass these texts translated; _() here gives each language its own.
    "confirm": lambda: ConfirmScreen(_("Delete this post? This cannot be undone."),
                                     yes=_("Delete")),
    "poll-single": lambda: PollScreen(POLL),
    "poll-multiple": lambda: PollScreen(Poll(id="2", multiple=True,
                                             options=(PollOption("a"), PollOption("b")))),
    "links": lambda: ChoiceScreen(_("Links in this post"), [
        (Text("🔗 example.com/article"), 1), (Text("# NeoDB"), 2), (Text("@ yuzu"), 3)]),
    "media": lambda: MediaScreen([MediaAttachment(
        id="1", type="image", description="a cat on a mat",
        blurhash="LKO2?U%2Tw=w]~RBVZRi};RPxuwH")]),
    # An alt text longer than the room left: it scrolls, the keys stay in view.
    "media-long-alt": lambda: MediaScreen([MediaAttachment(
        id="1", type="image", description=" ".join(["A page of a weekly planner."] * 30),
        blurhash="LKO2?U%2Tw=w]~RBVZRi};RPxuwH")]),
    "poll-editor": lambda: PollEditor(None),
    "media-editor": MediaEditor,
    "schedule-editor": ScheduleEditor,
    "details": lambda: DetailsScreen(EDITED, HISTORY),
    "media-list": lambda: media_screen((
        MediaAttachment(id="1", type="image", description="a cat on a mat",
                        blurhash="LKO2?U%2Tw=w]~RBVZRi};RPxuwH"),
        MediaAttachment(id="2", type="video"))),
    "boost-as": boost_screen,
    "notification-types": type_filter_screen,
    "profile-switch": lambda: profile_screen(PROFILES, "demo", "yuzu"),
}


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    """The tests after these expect English, whatever these switched to."""
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Exact times are shown in the local zone: the same one on every machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


async def _pause(pilot: Pilot[Any]) -> None:
    await pilot.pause()


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_dialog(snap_compare: Compare, name: str) -> None:
    set_language("en")
    assert snap_compare(Host(DIALOGS[name]()), terminal_size=SIZE, run_before=_pause)


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_dialog_in_chinese(snap_compare: Compare, name: str) -> None:
    set_language("zh_CN")
    assert snap_compare(Host(DIALOGS[name]()), terminal_size=SIZE, run_before=_pause)


@pytest.fixture
def fixed_cells() -> Iterator[None]:
    """Cells of 10 x 20 pixels, whatever terminal runs the tests: the picture's shape
    in cells follows them."""
    from textual_image import _terminal

    from tootui.ui.inline_image import load

    load()
    measured = _terminal.get_cell_size()
    _terminal.get_cell_size._result = _terminal.CellSize(10, 20)  # type: ignore[attr-defined]
    yield
    _terminal.get_cell_size._result = measured  # type: ignore[attr-defined]


async def _drawn(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_media_picture(snap_compare: Compare, demo_server: DemoServer,
                       fixed_cells: None) -> None:
    """The sample's picture downloaded from the demo and drawn in half blocks (the
    renderer is forced: the test terminal's detection must not decide it)."""
    set_language("en")
    [picture] = [m for s in api_for(demo_server).home(limit=40) for m in s["media_attachments"]]
    item = MediaAttachment(id="1", type="image", url=picture["url"],
                           preview_url=picture["preview_url"],
                           description="A page of a weekly planner: a grid of days",
                           blurhash=picture["blurhash"])
    with MastodonClient(demo_server.url, None) as client:
        screen = MediaScreen([item, item], 1, client=client, renderer="halfcell")
        assert snap_compare(Host(screen), terminal_size=SIZE, run_before=_drawn)


def test_file_picker(snap_compare: Compare, monkeypatch: pytest.MonkeyPatch) -> None:
    # A relative folder: the tree's top line is the path, the same on every machine.
    monkeypatch.chdir(Path(__file__).parents[1] / "fixtures")
    picker = FilePicker(Path("picker"))

    async def listed(pilot: Pilot[Any]) -> None:
        tree = pilot.app.screen.query_one(DirectoryTree)
        while len(tree.root.children) < 2:
            await pilot.pause(0.05)
        await pilot.pause()

    assert snap_compare(Host(picker), terminal_size=SIZE, run_before=listed)
