"""The interface language is process-wide state: every test here leaves it English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tootui.i18n import set_language


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def zh_cn() -> Iterator[None]:
    """Run the test with the Simplified Chinese catalogue active."""
    set_language("zh_CN")
    yield
