"""Two Mastodon-compatible servers for the client's integration tests.

One is our embedded demo instance; the other is the PyPI package
`mastodon-mock` (pinned in the test extras), written by people who never saw
our client, so the two can't quietly agree on a wrong shape. Both run on
127.0.0.1 in a background thread for one test. On each, the viewer `demo`
follows `juzi` and has a home timeline of at least nine statuses.

Where mastodon-mock 0.6.1 departs from Mastodon (checked against Mastodon's
controllers and the recorded responses in tests/fixtures/real/), the tests
here don't lean on it, and our demo follows Mastodon:

* a timeline page shorter than `limit` has no `next` link (Mastodon gives
  `next` on every non-empty timeline page), and the links carry a clamped or
  default `limit` (Mastodon repeats `limit` only as given);
* seeded replies have `in_reply_to_account_id: null`, so threads are built
  through the API here;
* `pinned` appears on other people's statuses (Mastodon: only your own);
* grouped notifications' `most_recent_notification_id` is a string (an
  integer on real servers);
* it accepts replies to unknown statuses, one-option polls, unknown media
  ids and unknown visibilities, lets you pin others' posts and boost private
  ones, and answers 403 (not 404) for deleting others' posts.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tootui.demo.server import DemoServer

SERVERS = ("tootui-demo", "mastodon-mock")
VIEWER = "demo"
FRIEND = "juzi"


@dataclass(frozen=True)
class Instance:
    """A running server: its URL and tokens for the viewer and a followed friend."""

    name: str
    url: str
    token: str
    friend_token: str


@contextmanager
def running(name: str, tmp_path: Path) -> Iterator[Instance]:
    if name == "tootui-demo":
        with DemoServer(tmp_path / "demo") as demo:
            yield Instance(name, demo.url, demo.create_token(VIEWER), demo.create_token(FRIEND))
        return
    with _mastodon_mock() as url:
        yield Instance(name, url, f"{VIEWER}-token", f"{FRIEND}-token")


@contextmanager
def _mastodon_mock() -> Iterator[str]:
    # Imported here so the demo half of the suite runs even where it is missing.
    from mastodon_mock.config import SeedAccount, SeedConfig, SeedFollow, SeedStatus
    from mastodon_mock.testing.server import MockServer

    people = (VIEWER, FRIEND, "yuzu")
    seed = SeedConfig(
        accounts=[
            SeedAccount(username=who, display_name=who.title(), access_token=f"{who}-token")
            for who in people
        ],
        follows=[SeedFollow(follower=VIEWER, following=who) for who in people[1:]],
        statuses=[
            SeedStatus(account=people[1 + n % 2], text=f"seeded status {n} #seeded")
            for n in range(10)
        ],
    )
    with MockServer(seed=seed, host="127.0.0.1") as server:
        yield server.base_url
