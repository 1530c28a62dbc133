"""Writing a long post in the user's own editor (`ctrl+e` in compose).

The text goes to a private temporary file, `$VISUAL` or `$EDITOR` (else `vi`)
runs on it with the terminal handed over (`App.suspend`), and what the file
holds afterwards comes back. The file is removed whatever happens.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from tootui.client.errors import one_line


class EditorFailed(Exception):
    """The editor could not run, or exited with an error; `str()` says which."""


def editor_command() -> list[str]:
    """The user's editor as argv: `$VISUAL`, then `$EDITOR`, then `vi`."""
    value = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        return shlex.split(value) or ["vi"]
    except ValueError:
        return [value]


def edit_text(text: str, command: list[str] | None = None) -> str:
    """Run the editor on `text`; the edited text (one trailing newline dropped)."""
    command = command or editor_command()
    handle, name = tempfile.mkstemp(prefix="tootui-", suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        try:
            result = subprocess.run([*command, str(path)], check=False)
        except OSError as error:
            raise EditorFailed(one_line(f"{command[0]}: {error.strerror or error}")) from error
        if result.returncode != 0:
            raise EditorFailed(one_line(f"{command[0]} exited with {result.returncode}"))
        edited = path.read_text(encoding="utf-8", errors="replace")
    finally:
        path.unlink(missing_ok=True)
    return edited[:-1] if edited.endswith("\n") else edited
