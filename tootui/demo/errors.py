"""The one error the demo instance's starters raise, light enough for the UI to import."""

from __future__ import annotations


class DemoStartError(RuntimeError):
    """The demo instance could not start (or is not running)."""
