"""Compose extras: a poll, media with alt text, a scheduled post, and $EDITOR."""

from __future__ import annotations

import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DirectoryTree, Input

from tests.ui.conftest import SIZE, error_notes, main_screen, screen_text, settle
from tests.ui.test_drafts import wait_until
from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.ui.app import TootuiApp
from tootui.ui.compose_extras import parse_when
from tootui.ui.external_editor import EditorFailed, edit_text
from tootui.ui.file_picker import FilePicker, start_folder

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf0000000301010018dd8db0000000"
    "0049454e44ae426082"
)


async def test_a_poll_is_sent_with_its_options_duration_and_kind(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"which one?", "ctrl+o")
        await pilot.pause()
        await pilot.press(*"red", "tab", *"blue", "tab", "tab", "tab")  # to the duration
        await pilot.press("enter", "down", "enter")  # from "1 day" to "3 days"
        await pilot.press("tab", "space", "ctrl+s")
        await pilot.pause()
        assert "Poll: red / blue (multiple choice)" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not error_notes(app)
        newest = server_view.timeline("home", limit=1).items[0]
        assert newest.poll is not None
        assert [o.title for o in newest.poll.options] == ["red", "blue"]
        assert newest.poll.multiple
        assert newest.poll.expires_at is not None and newest.created_at is not None
        hours = (newest.poll.expires_at - newest.created_at) / timedelta(hours=1)
        assert round(hours) == 24 * 3


async def test_media_is_uploaded_with_its_alt_text(
    app: TootuiApp, server_view: MastodonClient, tmp_path: Path
) -> None:
    picture = tmp_path / "cat.png"
    picture.write_bytes(PNG)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"my cat", "ctrl+g")
        await pilot.pause()
        await pilot.press(*str(picture), "tab", *"a cat asleep", "ctrl+s")
        await pilot.pause()
        assert "cat.png: a cat asleep" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not error_notes(app)
        newest = server_view.timeline("home", limit=1).items[0]
        assert "my cat" in newest.content_html
        assert [m.description for m in newest.media_attachments] == ["a cat asleep"]
        assert main_screen(app).timeline.statuses[0].id == newest.id


async def test_media_chosen_from_the_file_picker(
    app: TootuiApp, server_view: MastodonClient, tmp_path: Path
) -> None:
    folder = tmp_path / "pictures"
    (folder / "a-folder").mkdir(parents=True)
    picture = folder / "cat.png"
    picture.write_bytes(PNG)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # The picker opens at the folder of what was typed so far.
        await pilot.press("c", *"picked", "ctrl+g", *f"{folder}/")
        await pilot.click("#media-browse")
        await pilot.pause()
        assert isinstance(app.screen, FilePicker)
        tree = app.screen.query_one(DirectoryTree)
        await wait_until(pilot, lambda: len(tree.root.children) == 2)
        assert [str(n.label) for n in tree.root.children] == ["a-folder", "cat.png"]
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, FilePicker)
        assert app.screen.query_one("#media-path", Input).value == str(picture)
        await pilot.press(*"a cat", "ctrl+s")  # the alt text field has the focus
        await pilot.pause()
        assert "cat.png: a cat" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not error_notes(app)
        newest = server_view.timeline("home", limit=1).items[0]
        assert "picked" in newest.content_html
        assert [m.description for m in newest.media_attachments] == ["a cat"]


async def test_the_file_picker_starts_at_home_without_a_folder_typed(
    app: TootuiApp, tmp_path: Path
) -> None:
    assert start_folder(str(tmp_path / "missing" / "x.png")) == Path.home()
    assert start_folder(str(tmp_path / "x.png")) == tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "ctrl+g")
        await pilot.click("#media-browse")
        await pilot.pause()
        assert isinstance(app.screen, FilePicker)
        assert app.screen.query_one(DirectoryTree).path == Path.home()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, FilePicker)
        assert app.screen.query_one("#media-path", Input).value == ""


async def test_a_missing_file_keeps_the_draft(app: TootuiApp, tmp_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"keep me", "ctrl+g")
        await pilot.pause()
        await pilot.press(*str(tmp_path / "gone.png"), "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        compose = main_screen(app).compose_pane
        assert compose.is_open and compose.text_area.text == "keep me"
        assert any("gone.png" in note for note in error_notes(app))


async def test_a_scheduled_post_waits_on_the_server(
    demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient
) -> None:
    before = server_view.timeline("home", limit=1).items[0].id
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"good morning", "ctrl+t")
        await pilot.pause()
        await pilot.press(*"2h", "ctrl+s")
        await pilot.pause()
        assert "Scheduled for" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not error_notes(app)
        assert not main_screen(app).compose_pane.is_open
        assert server_view.timeline("home", limit=1).items[0].id == before
    with sqlite3.connect(demo_server.db_path) as db:
        rows = db.execute("SELECT params FROM scheduled_statuses").fetchall()
    assert len(rows) == 1 and "good morning" in rows[0][0]



async def test_the_compose_footer_lists_schedule_with_its_key(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "^t Schedule" in footer and "^s Send" in footer
        app.set_keymap({"compose.schedule": "ctrl+r"})
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "^r Schedule" in footer and "^t" not in footer
        # The key the footer names opens the schedule dialog.
        await pilot.press("ctrl+r", *"2h", "ctrl+s")
        await pilot.pause()
        assert "Scheduled for" in screen_text(app)


def test_schedule_times_parse() -> None:
    now = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    assert parse_when("30m", now) == now + timedelta(minutes=30)
    assert parse_when(" 2H ", now) == now + timedelta(hours=2)
    assert parse_when("1d", now) == now + timedelta(days=1)
    assert parse_when("2026-12-24 18:00", now) is not None
    assert parse_when("tomorrow-ish", now) is None


def test_edit_text_runs_the_editor_on_the_text(tmp_path: Path) -> None:
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text() + ' and more\\n')\n"
    )
    assert edit_text("some text", [sys.executable, str(script)]) == "some text and more"
    assert not list(Path(tmp_path).glob("tootui-*"))


def test_a_failing_editor_says_so() -> None:
    with pytest.raises(EditorFailed, match="exited with 3"):
        edit_text("x", [sys.executable, "-c", "raise SystemExit(3)"])
    with pytest.raises(EditorFailed):
        edit_text("x", ["/nonexistent/editor"])


async def test_the_dialog_button_does_what_ctrl_s_does(
    app: TootuiApp, server_view: MastodonClient
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", *"pick", "ctrl+o")
        await pilot.pause()
        await pilot.press(*"yes", "tab", *"no")
        await pilot.click(".dialog-ok")
        await pilot.pause()
        assert "Poll: yes / no (one choice)" in screen_text(app)
