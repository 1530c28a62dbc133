"""Run the real `tootui` command in a subprocess, and play the browser for its login.

The subprocess inherits the test's environment (its HOME, XDG dirs, keyring
backend and private D-Bus); the "browser" is plain HTTP to the demo instance's
authorize endpoint, with the redirect delivered by hand to tootui's listener.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from dataclasses import dataclass

import requests

_TIMEOUT = 60


@dataclass
class Finished:
    returncode: int
    stdout: str
    stderr: str


def start(*args: str, stdin: bool = False) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tootui", *args],
        stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ),
    )


def run(*args: str) -> Finished:
    proc = start(*args)
    out, err = proc.communicate(timeout=_TIMEOUT)
    return Finished(proc.returncode, out, err)


def read_authorize_url(proc: subprocess.Popen[str], base_url: str) -> tuple[str, str]:
    """Read tootui's output up to the authorize address it prints; return (url, text so far)."""
    assert proc.stdout is not None
    seen: list[str] = []
    while True:
        line = proc.stdout.readline()
        if not line:
            err = proc.stderr.read() if proc.stderr else ""
            raise AssertionError(f"tootui ended before printing an address: {seen!r} {err!r}")
        seen.append(line)
        if line.startswith(f"{base_url.rstrip('/')}/oauth/authorize?"):
            return line.strip(), "".join(seen)


def finish(proc: subprocess.Popen[str], stdin_text: str | None = None) -> Finished:
    out, err = proc.communicate(stdin_text, timeout=_TIMEOUT)
    return Finished(proc.returncode, out, err)


def approve_in_browser(url: str) -> requests.Response:
    """What a browser does: load the authorize page, follow its redirect to tootui."""
    approved = requests.get(url, allow_redirects=False, timeout=_TIMEOUT)
    assert approved.status_code == 302, approved.text
    return requests.get(approved.headers["Location"], allow_redirects=False, timeout=_TIMEOUT)


def code_shown_for(url: str) -> str:
    """The out-of-band page's code, as the user would copy it."""
    page = requests.get(url, allow_redirects=False, timeout=_TIMEOUT)
    assert page.status_code == 200, page.text
    match = re.search(r"<code>([^<]+)</code>", page.text)
    assert match, page.text
    return html.unescape(match.group(1))


def login_pasting_code(base_url: str, *extra: str) -> Finished:
    """`tootui login --no-browser BASE_URL`, pasting the code the instance shows."""
    proc = start("login", base_url, "--no-browser", *extra, stdin=True)
    url, _ = read_authorize_url(proc, base_url)
    return finish(proc, code_shown_for(url) + "\n")
