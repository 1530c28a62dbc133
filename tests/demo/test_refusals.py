"""Refusals with Mastodon's status codes and words, where a mock might guess.

Mastodon looks up statuses to edit, delete or read the source of among the
caller's own (others' are a 404), refuses pins through StatusPinValidator
(422), boosts of private posts through its policy (403), following
yourself through FollowService (404), and replies to what you can't see
through set_thread (404, its own words).
"""

from __future__ import annotations

from tests.demo.api import Api
from tootui.demo.server import DemoServer


def test_others_statuses_are_not_found_for_changes(demo_server: DemoServer) -> None:
    api = Api(demo_server, demo_server.create_token())
    juzi = Api(demo_server, demo_server.create_token("juzi"))
    theirs = juzi.post("/api/v1/statuses", data={"status": "theirs"}).json()
    url = f"{demo_server.url}/api/v1/statuses/{theirs['id']}"
    edited = api.session.put(url, data={"status": "mine now"}, timeout=10)
    assert (edited.status_code, edited.json()) == (404, {"error": "Record not found"})
    assert api.get(f"/api/v1/statuses/{theirs['id']}/source").status_code == 404
    assert api.delete(f"/api/v1/statuses/{theirs['id']}").status_code == 404
    assert api.get(f"/api/v1/statuses/{theirs['id']}").json()["content"] == "<p>theirs</p>"


def test_pins_are_validated(demo_server: DemoServer) -> None:
    api = Api(demo_server, demo_server.create_token())
    juzi = Api(demo_server, demo_server.create_token("juzi"))
    theirs = juzi.post("/api/v1/statuses", data={"status": "theirs"}).json()
    refused = api.post(f"/api/v1/statuses/{theirs['id']}/pin")
    assert refused.status_code == 422
    assert refused.json() == {"error": "Validation failed: Someone else's post cannot be pinned"}
    unpinned = api.post(f"/api/v1/statuses/{theirs['id']}/unpin")
    assert unpinned.status_code == 200 and unpinned.json()["id"] == theirs["id"]
    direct = api.post("/api/v1/statuses", data={"status": "@juzi psst", "visibility": "direct"})
    refused = api.post(f"/api/v1/statuses/{direct.json()['id']}/pin")
    assert refused.status_code == 422 and "only visible to mentioned users" in refused.text
    boost = api.post(f"/api/v1/statuses/{theirs['id']}/reblog").json()
    refused = api.post(f"/api/v1/statuses/{boost['id']}/pin")
    assert refused.json() == {"error": "Validation failed: A boost cannot be pinned"}


def test_boosting_a_private_post_is_forbidden(demo_server: DemoServer) -> None:
    api = Api(demo_server, demo_server.create_token())
    juzi = Api(demo_server, demo_server.create_token("juzi"))
    private = juzi.post("/api/v1/statuses", data={"status": "followers", "visibility": "private"})
    refused = api.post(f"/api/v1/statuses/{private.json()['id']}/reblog")
    assert (refused.status_code, refused.json()) == (403, {"error": "This action is not allowed"})


def test_following_yourself_is_not_found(demo_server: DemoServer) -> None:
    api = Api(demo_server, demo_server.create_token())
    me = api.get("/api/v1/accounts/verify_credentials").json()["id"]
    refused = api.post(f"/api/v1/accounts/{me}/follow")
    assert (refused.status_code, refused.json()) == (404, {"error": "Record not found"})


def test_replying_to_what_you_cannot_see(demo_server: DemoServer) -> None:
    api = Api(demo_server, demo_server.create_token())
    juzi = Api(demo_server, demo_server.create_token("juzi"))
    hidden = juzi.post("/api/v1/statuses", data={"status": "@yuzu psst", "visibility": "direct"})
    for parent in ("99999999", hidden.json()["id"]):
        refused = api.post("/api/v1/statuses", data={"status": "re", "in_reply_to_id": parent})
        assert refused.status_code == 404
        assert refused.json() == {
            "error": "The post you are trying to reply to does not appear to exist."
        }


def test_a_lone_surrogate_in_json_is_a_bad_request_not_a_crash(demo_server: DemoServer) -> None:
    api = Api(demo_server, demo_server.create_token())
    url = f"{demo_server.url}/api/v1/statuses"
    body = '{"status": "a\\ud800b", "spoiler_text": "cw"}'
    refused = api.session.post(url, data=body.encode(),
                               headers={"Content-Type": "application/json"}, timeout=10)
    assert (refused.status_code, refused.json()) == (400, {"error": "Error while parsing JSON"})
    fine = api.session.post(url, data=b'{"status": "a\\ud83d\\ude00b"}',
                            headers={"Content-Type": "application/json"}, timeout=10)
    assert fine.status_code == 200 and fine.json()["content"] == "<p>a\U0001f600b</p>"
