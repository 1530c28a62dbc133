from __future__ import annotations

from collections.abc import Iterator

import pytest

from tootui.render.status import clear_cache


@pytest.fixture(autouse=True)
def _fresh_render_cache() -> Iterator[None]:
    """Tests that reuse ids must not see each other's cached renderings."""
    clear_cache()
    yield
    clear_cache()
