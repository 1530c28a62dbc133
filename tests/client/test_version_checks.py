"""Mastodon.py's version checks never turn features off, whatever the server says.

Against the real demo instance, made to report the version strings of other
server families: Mastodon.py would read these as old (or as 1.0.0) and fall
back to v1 endpoints; through `MastodonClient` it must not.
"""

from __future__ import annotations

from typing import Any

import pytest
from mastodon import Mastodon

from tootui.client.api import MastodonClient

ODD_VERSIONS = [
    "0.17.3+git-1a2b3c4",  # GoToSocial
    "2.7.2 (compatible; Akkoma 3.13.2)",
    "2.7.2 (compatible; snac 2.75)",
    "3.0.0 (compatible; Misskey 2024.11.0)",
    "four point five",
    "",
]


@pytest.mark.parametrize("version", ODD_VERSIONS)
def test_odd_version_strings_keep_current_endpoints(
    version: str, demo_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tootui.demo.instance.VERSION", version)
    client = MastodonClient(demo_server.url, demo_server.create_token())
    api = client._api
    for needed in ("2.4.1", "3.1.4", "4.0.0", "4.3.0"):
        assert api.verify_minimum_version(needed), needed
        assert api.verify_minimum_version(needed, cached=True), needed
    # instance() picks v2 only when it believes the server is 4.0.0 or later.
    assert "domain" in api.instance()
    assert client.instance().version == version


def test_mastodon_py_alone_would_fall_back(
    demo_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The reason for the above: without tootui's setting, it does fall back.
    monkeypatch.setattr("tootui.demo.instance.VERSION", "0.17.3+git-1a2b3c4")
    api = Mastodon(api_base_url=demo_server.url, version_check_mode="none")
    assert not api.verify_minimum_version("4.0.0")
    assert "domain" not in api.instance()
