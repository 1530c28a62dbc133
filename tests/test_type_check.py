"""The package type-checks: mypy, at the level `pyproject.toml` sets, finds nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_mypy_finds_no_error() -> None:
    # The configuration (files, strictness) is pyproject.toml's; no cache, so a
    # stale one from another checkout can't hide an error.
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", "/dev/null"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
