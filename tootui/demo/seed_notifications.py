"""Sample notifications for the demo user, so that a fresh `tootui --demo` has a
notifications tab to read: a post of theirs favourited (twice, one group),
boosted and replied to with a mention, two new followers, and the end of a
poll they voted in. Made by the sample's authors through the instance's own
rules (`posting`), then dated as if it happened over the last day.

They are apart from the sample timeline (`DemoServer(sample_notifications=True)`,
which `python -m tootui.demo` and `tootui demo-server` ask for): the demo
user's own post and the reply mentioning them belong in their home timeline,
and the instance that tests start keeps the nine sample posts alone there.
"""

from __future__ import annotations

import sqlite3

from tootui.demo import posting
from tootui.demo.ids import iso_from_ms, now_ms, snowflake
from tootui.demo.posting import Changes, NewStatus

SEEDED_NOTIFICATIONS_KEY = "seeded_notifications"
_MINUTE = 60_000
_HOUR = 60 * _MINUTE

OWN_POST = "第一次用终端客户端 tootui 刷长毛象,j/k 上下翻,和 tut 一个手感。中文换行也没乱!"
REPLY = "@demo 终端党 +1!可以试试按 T 翻译嘟文。"
POLL_POST = "手帐党投票:明年的手帐你们打算用哪种尺寸?"
POLL_OPTIONS = ("A6", "A5", "weeks")


def seed_notifications(db: sqlite3.Connection, demo_user: str = "demo", *,
                       now: int | None = None) -> None:
    """What happened to `demo_user` over the last day, oldest first, as notifications."""
    moment = now_ms() if now is None else now

    def who(username: str) -> int:
        found = posting.local_account_id(db, username)
        if found is None:
            raise LookupError(f"the sample has no account {username!r}")
        return found

    def at(minutes_ago: int) -> int:
        return moment - minutes_ago * _MINUTE

    demo = who(demo_user)
    dated: list[tuple[Changes, int]] = []  # each step's notifications, and when

    def in_hour(hours_ago: int, minute: int) -> int:
        # Mastodon groups favourites and follows by the clock hour they fall in:
        # a pair meant as one group must not straddle an hour, whatever time it is now.
        return (moment // _HOUR - hours_ago) * _HOUR + minute * _MINUTE

    def step(when: int) -> Changes:
        changes = Changes()
        dated.append((changes, when))
        return changes

    # A poll the demo user voted in; it ended an hour ago.
    poll_posted = at(25 * 60)
    poll = {
        "id": str(snowflake(poll_posted)),
        "expires_at": iso_from_ms(at(60)),
        "expired": False,
        "multiple": False,
        "votes_count": 0,
        "voters_count": 0,
        "options": [{"title": title, "votes_count": 0} for title in POLL_OPTIONS],
        "emojis": [],
    }
    poll_id = posting.create_status(
        db, who("mianhua"), NewStatus(POLL_POST, language="zh", poll=poll), Changes(),
        created_ms=poll_posted)
    for voter, choice in ((demo, 2), (who("juzi"), 1), (who("lanlan"), 2)):
        db.execute("INSERT INTO poll_votes (status_id, account_id, choice) VALUES (?, ?, ?)",
                   (poll_id, voter, choice))

    own = posting.create_status(db, demo, NewStatus(OWN_POST, language="zh"), Changes(),
                                created_ms=at(22 * 60))
    posting.favourite(db, who("juzi"), own, step(in_hour(21, 10)))
    posting.favourite(db, who("lanlan"), own, step(in_hour(21, 20)))
    posting.reblog(db, who("kafei"), own, step(at(20 * 60)), created_ms=at(20 * 60))
    posting.create_status(db, who("yezhiqiu"), NewStatus(REPLY, in_reply_to_id=own,
                                                          language="zh"),
                          step(at(18 * 60)), created_ms=at(18 * 60))
    posting.follow(db, who("ayu"), demo, step(in_hour(3, 10)))
    posting.follow(db, who("haitang"), demo, step(in_hour(3, 20)))
    for changes, created in dated:
        db.executemany("UPDATE notifications SET created_ms=? WHERE id=?",
                       [(created, nid) for nid in changes.notifications])
    # Mastodon tells the voters (and the author) when a poll ends; the
    # notification comes from the poll's author.
    db.execute("INSERT INTO notifications (account_id, from_account_id, type, status_id,"
               " created_ms) VALUES (?, ?, 'poll', ?, ?)",
               (demo, who("mianhua"), poll_id, at(60)))
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')",
               (SEEDED_NOTIFICATIONS_KEY,))

