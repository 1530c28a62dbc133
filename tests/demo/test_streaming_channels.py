"""Every stream the issue names, over SSE and over WebSocket, with each event.

`user`, `public`, `public:local`, `hashtag` and `list`; `update`, `delete`,
`notification` and `status.update`. Faults end or refuse streams.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.demo.api import Api
from tests.demo.wsclient import WsClient
from tootui.demo.server import DemoServer

REAL_STREAMING = Path(__file__).resolve().parents[1] / "fixtures/real/streaming"


def _sse(server: DemoServer, token: str, path: str, **params: str) -> requests.Response:
    response = requests.get(
        f"{server.url}/api/v1/streaming/{path}",
        headers={"Authorization": f"Bearer {token}"},
        params=params,
        stream=True,
        timeout=10,
    )
    assert response.status_code == 200, response.text
    return response


def _opened(response: requests.Response) -> Iterator[tuple[str, str]]:
    """(event, data) pairs; heartbeats are skipped. Reads the opener comment
    first, before returning: only then has the server subscribed, so only then
    is it safe to post."""
    lines = response.iter_lines(chunk_size=1, decode_unicode=True)
    assert next(lines) == ":)"

    def events() -> Iterator[tuple[str, str]]:
        event = ""
        for line in lines:
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: "):
                yield event, line[6:]

    return events()


def _ws(server: DemoServer, token: str, query: str = "") -> WsClient:
    url = "ws" + server.url.removeprefix("http") + f"/api/v1/streaming?access_token={token}"
    return WsClient(url + (f"&{query}" if query else ""))


@pytest.fixture
def people(demo_server: DemoServer) -> tuple[Api, Api, str]:
    demo = Api(demo_server, demo_server.create_token())
    juzi = Api(demo_server, demo_server.create_token("juzi"))
    juzi_id = juzi.get("/api/v1/accounts/verify_credentials").json()["id"]
    return demo, juzi, juzi_id


def _edit(api: Api, status_id: str, text: str) -> dict[str, Any]:
    response = api.session.put(
        f"{api.base}/api/v1/statuses/{status_id}", data={"status": text}, timeout=10
    )
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


def test_list_stream_over_sse(demo_server: DemoServer, people: tuple[Api, Api, str]) -> None:
    demo, juzi, juzi_id = people
    made = demo.post("/api/v1/lists", data={"title": "friends"}).json()
    demo.post(f"/api/v1/lists/{made['id']}/accounts", data={"account_ids[]": juzi_id})
    with _sse(demo_server, demo_server.create_token(), "list", list=made["id"]) as response:
        events = _opened(response)
        demo.post("/api/v1/statuses", data={"status": "not on the list"})
        posted = juzi.post("/api/v1/statuses", data={"status": "list member speaks"}).json()
        kind, data = next(events)
        assert kind == "update" and json.loads(data)["id"] == posted["id"]
        _edit(juzi, posted["id"], "list member corrects")
        kind, data = next(events)
        edited = json.loads(data)
        assert kind == "status.update" and edited["id"] == posted["id"]
        assert edited["edited_at"] and "corrects" in edited["content"]
        juzi.delete(f"/api/v1/statuses/{posted['id']}")
        assert next(events) == ("delete", posted["id"])


def test_sse_headers_as_mastodon_sends_them(demo_server: DemoServer) -> None:
    real = REAL_STREAMING / "sse-user-update.headers.txt"
    recorded = dict(
        line.split(": ", 1) for line in real.read_text("utf-8").splitlines()[1:] if ": " in line
    )
    with _sse(demo_server, demo_server.create_token(), "user") as response:
        for name in ("Content-Type", "Cache-Control", "Access-Control-Allow-Origin"):
            assert response.headers[name].split(";")[0] == recorded[name], name


def test_list_stream_needs_an_own_list(demo_server: DemoServer) -> None:
    token = demo_server.create_token()
    refused = requests.get(
        f"{demo_server.url}/api/v1/streaming/list", params={"list": "999"},
        headers={"Authorization": f"Bearer {token}"}, timeout=10,
    )
    assert refused.status_code == 400


def test_public_local_over_sse(demo_server: DemoServer, people: tuple[Api, Api, str]) -> None:
    demo, _juzi, _ = people
    with _sse(demo_server, demo_server.create_token(), "public/local") as response:
        events = _opened(response)
        demo.post("/api/v1/statuses", data={"status": "quiet", "visibility": "unlisted"})
        loud = demo.post("/api/v1/statuses", data={"status": "loud"}).json()
        kind, data = next(events)
        assert kind == "update" and json.loads(data)["id"] == loud["id"]


def test_public_stream_by_query_and_edits(
    demo_server: DemoServer, people: tuple[Api, Api, str]
) -> None:
    _demo, juzi, _ = people
    response = requests.get(
        f"{demo_server.url}/api/v1/streaming", params={"stream": "public"},
        headers={"Authorization": f"Bearer {demo_server.create_token()}"},
        stream=True, timeout=10,
    )
    with response:
        events = _opened(response)
        posted = juzi.post("/api/v1/statuses", data={"status": "for everyone"}).json()
        assert next(events)[0] == "update"
        _edit(juzi, posted["id"], "for everyone, edited")
        kind, data = next(events)
        assert kind == "status.update" and json.loads(data)["id"] == posted["id"]


def test_user_stream_sees_edits_and_notifications(
    demo_server: DemoServer, people: tuple[Api, Api, str]
) -> None:
    demo, juzi, _ = people
    mine = demo.post("/api/v1/statuses", data={"status": "like me"}).json()
    with _sse(demo_server, demo_server.create_token(), "user") as response:
        events = _opened(response)
        juzi.post(f"/api/v1/statuses/{mine['id']}/favourite")
        kind, data = next(events)
        note = json.loads(data)
        assert kind == "notification" and note["type"] == "favourite"
        assert note["status"]["id"] == mine["id"]
        _edit(demo, mine["id"], "like me more")
        kind, data = next(events)
        assert kind == "status.update" and json.loads(data)["id"] == mine["id"]


def test_every_stream_over_one_websocket(
    demo_server: DemoServer, people: tuple[Api, Api, str]
) -> None:
    demo, juzi, juzi_id = people
    made = demo.post("/api/v1/lists", data={"title": "ws"}).json()
    demo.post(f"/api/v1/lists/{made['id']}/accounts", data={"account_ids[]": juzi_id})
    client = _ws(demo_server, demo_server.create_token(), "stream=user")
    try:
        assert client.accepted
        for message in (
            {"type": "subscribe", "stream": "list", "list": made["id"]},
            {"type": "subscribe", "stream": "public:local"},
            {"type": "subscribe", "stream": "hashtag", "tag": "Multi"},
        ):
            client.send_json(message)
        # Messages are read in order: the answer to a bad one means all are in.
        client.send_json({"type": "subscribe", "stream": "nonsense"})
        assert client.receive_json() == {"error": "Unknown stream type", "status": 400}
        # A status that every one of the four streams wants: one message each.
        posted = juzi.post("/api/v1/statuses", data={"status": "everywhere #multi"}).json()
        streams = []
        for _ in range(4):
            message = client.receive_json()
            assert message["event"] == "update"
            assert json.loads(message["payload"])["id"] == posted["id"]
            streams.append(message["stream"])
        assert sorted(streams) == [["hashtag", "multi"], ["list", made["id"]], ["public:local"],
                                   ["user"]]
        _edit(juzi, posted["id"], "everywhere, edited #multi")
        edits = [client.receive_json() for _ in range(4)]
        assert {m["event"] for m in edits} == {"status.update"}
        juzi.post(f"/api/v1/statuses/{posted['id']}/favourite")
        demo.post(f"/api/v1/statuses/{posted['id']}/favourite")
        juzi.delete(f"/api/v1/statuses/{posted['id']}")
        deletes = [client.receive_json() for _ in range(4)]
        assert {(m["event"], m["payload"]) for m in deletes} == {("delete", posted["id"])}
    finally:
        client.close()


def test_websocket_notification_event(
    demo_server: DemoServer, people: tuple[Api, Api, str]
) -> None:
    demo, juzi, _ = people
    mine = demo.post("/api/v1/statuses", data={"status": "boost me"}).json()
    client = _ws(demo_server, demo_server.create_token(), "stream=user:notification")
    try:
        juzi.post(f"/api/v1/statuses/{mine['id']}/reblog")
        message = client.receive_json()
        assert message["stream"] == ["user:notification"] and message["event"] == "notification"
        assert json.loads(message["payload"])["type"] == "reblog"
    finally:
        client.close()


def test_end_stream_fault_closes_a_websocket(demo_server: DemoServer) -> None:
    demo_server.faults.add("/api/v1/streaming", status=0, end_stream=True)
    client = _ws(demo_server, demo_server.create_token(), "stream=public")
    try:
        assert client.accepted and client.receive_json() is None
    finally:
        client.close()
    again = _ws(demo_server, demo_server.create_token(), "stream=public")
    again.close()
    assert again.accepted


def test_error_fault_refuses_a_websocket(demo_server: DemoServer) -> None:
    demo_server.faults.add("/api/v1/streaming", status=503)
    refused = _ws(demo_server, demo_server.create_token(), "stream=public")
    refused.close()
    assert refused.accepted is False


def test_deletes_go_only_where_the_status_went(
    demo_server: DemoServer, people: tuple[Api, Api, str]
) -> None:
    demo, juzi, _ = people
    with (
        _sse(demo_server, demo_server.create_token(), "public") as public,
        _sse(demo_server, demo_server.create_token(), "hashtag", tag="gone") as tagged,
        _sse(demo_server, demo_server.create_token(), "user") as user,
    ):
        on_public, on_tag, on_user = _opened(public), _opened(tagged), _opened(user)
        private = juzi.post(
            "/api/v1/statuses", data={"status": "friends only #gone", "visibility": "private"}
        ).json()
        loud = juzi.post("/api/v1/statuses", data={"status": "everyone #gone"}).json()
        untagged = demo.post("/api/v1/statuses", data={"status": "no tag"}).json()
        for posted in (private, loud, untagged):
            demo_or_juzi = demo if posted is untagged else juzi
            assert demo_or_juzi.delete(f"/api/v1/statuses/{posted['id']}").status_code == 200
        def ids(events: Iterator[tuple[str, str]], count: int) -> list[tuple[str, str]]:
            return [(kind, data if kind == "delete" else json.loads(data)["id"])
                    for kind, data in (next(events) for _ in range(count))]

        assert ids(on_user, 6) == [
            ("update", private["id"]), ("update", loud["id"]), ("update", untagged["id"]),
            ("delete", private["id"]), ("delete", loud["id"]), ("delete", untagged["id"]),
        ]
        # The private post never reached the public or hashtag streams, nor its delete.
        assert ids(on_public, 4) == [
            ("update", loud["id"]), ("update", untagged["id"]),
            ("delete", loud["id"]), ("delete", untagged["id"]),
        ]
        assert ids(on_tag, 2) == [("update", loud["id"]), ("delete", loud["id"])]
