"""Choosing a file to attach from a directory tree, for those who would rather
not type its path: the media dialog's "Choose a file…" opens it at the folder
of the path typed so far (else the home folder), and it dismisses with the
chosen file's path, or None."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Label

from tootui.i18n import N_, _
from tootui.ui.bindings import Scope, app_keymap, bindings_for, key_hint


def start_folder(typed: str) -> Path:
    """The folder of a path typed so far, if there is one, else the home folder."""
    path = Path(typed.strip()).expanduser() if typed.strip() else Path.home()
    for candidate in (path, path.parent):
        if candidate.is_dir():
            return candidate
    return Path.home()


class FilePicker(ModalScreen[str | None]):
    BINDINGS = bindings_for(Scope.DIALOG)

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self._folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("Choose a file")
            yield DirectoryTree(self._folder, id="file-tree")
            yield Label(key_hint(app_keymap(self.app), ("dialog.choose", N_("open or choose")),
                                 ("dialog.close", N_("cancel"))), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#file-tree").focus()

    def action_choose(self) -> None:
        # Only reached through a key remapped from `enter`: the tree takes `enter` itself.
        self.query_one("#file-tree", DirectoryTree).action_select_cursor()

    def action_close(self) -> None:
        self.dismiss(None)

    @on(DirectoryTree.FileSelected, "#file-tree")
    def _chosen(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss(str(event.path))
