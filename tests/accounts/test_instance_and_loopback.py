"""What an instance name means, and the loopback listener's one-shot, state-checked redirect."""

from __future__ import annotations

import threading

import pytest
import requests

from tootui.loopback import LoopbackError, LoopbackListener
from tootui.profiles import InstanceError, default_profile_name, normalize_instance


@pytest.mark.parametrize(
    "text",
    ["example.social", "https://example.social/", "@alice@example.social", "alice@Example.Social",
     "  HTTPS://EXAMPLE.SOCIAL  "],
)
def test_one_instance_many_spellings(text: str) -> None:
    assert normalize_instance(text) == "https://example.social"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("http://127.0.0.1:3000/", "http://127.0.0.1:3000"),
        ("http://localhost:8080", "http://localhost:8080"),
        ("http://[::1]:9", "http://[::1]:9"),
        ("example.social:8443", "https://example.social:8443"),
    ],
)
def test_ports_and_loopback_http(text: str, expected: str) -> None:
    assert normalize_instance(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("http://example.social", "https://example.social"),
        ("http://10.0.0.1", "http://"),
        ("ftp://example.social", "not an instance"),
        ("https://example.social/some/path", "not an instance"),
        ("https://user:pw@example.social", "not an instance"),
        ("", "No instance"),
        ("https://example.social:99999", "not an instance"),
    ],
)
def test_refused_instances(text: str, says: str) -> None:
    with pytest.raises(InstanceError) as err:
        normalize_instance(text)
    assert says in str(err.value)
    assert "\n" not in str(err.value)


def test_profile_names_differ_by_account_and_instance() -> None:
    names = {
        default_profile_name("alice", "https://example.social"),
        default_profile_name("bob", "https://example.social"),
        default_profile_name("alice", "https://other.example"),
    }
    assert names == {"alice@example.social", "bob@example.social", "alice@other.example"}


def _wait_in_thread(listener: LoopbackListener) -> tuple[threading.Thread, dict[str, object]]:
    result: dict[str, object] = {}

    def wait() -> None:
        try:
            result["code"] = listener.wait_for_code(60)
        except LoopbackError as exc:
            result["error"] = str(exc)

    thread = threading.Thread(target=wait)
    thread.start()
    return thread, result


def test_listener_takes_one_matching_redirect_then_stops() -> None:
    with LoopbackListener("the-state") as listener:
        base = listener.redirect_uri
        assert base.startswith("http://127.0.0.1:") and base.endswith("/callback")
        thread, result = _wait_in_thread(listener)
        # Other paths (a favicon) don't end the wait.
        favicon = base.replace("/callback", "/favicon.ico")
        assert requests.get(favicon, timeout=10).status_code == 404
        page = requests.get(base, params={"code": "abc", "state": "the-state"}, timeout=10)
        assert page.status_code == 200
        thread.join(60)
        assert result == {"code": "abc"}
        with pytest.raises(requests.ConnectionError):
            requests.get(base, params={"code": "x", "state": "the-state"}, timeout=10)


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"code": "abc", "state": "forged"}, "did not match"),
        ({"code": "abc"}, "did not match"),
        ({"error": "access_denied", "error_description": "The user said no\x1b[31m",
          "state": "s"}, "The user said no"),
    ],
)
def test_listener_refuses_bad_redirects(params: dict[str, str], says: str) -> None:
    with LoopbackListener("s") as listener:
        thread, result = _wait_in_thread(listener)
        page = requests.get(listener.redirect_uri, params=params, timeout=10)
        assert page.status_code == 400
        thread.join(60)
    assert "code" not in result
    assert says in str(result["error"])
    assert "\x1b" not in str(result["error"])
