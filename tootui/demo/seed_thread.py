"""A long thread for the benchmarks: one post on top of the home timeline, many replies.

The root is written by an account the demo user follows, so it is the newest
post of the home timeline; the replies come from an account the demo user does
not follow, so they show in the thread and nowhere else. Replies answer one of
the few posts before them, so the thread has depth as real ones do.
Deterministic for a given size.
"""

from __future__ import annotations

import random
import sqlite3

from tootui.demo import posting
from tootui.demo.ids import now_ms
from tootui.demo.instance_state import DEMO_USERNAME
from tootui.demo.posting import Changes, NewStatus

ROOT_AUTHOR = ("threadstarter", "Thread Starter")
REPLY_AUTHOR = ("replyguy", "Reply Guy")


def reply_text(n: int) -> str:
    """The text of reply `n` (1-based), which benchmarks look for on screen."""
    return f"Thread reply {n:04d}: agreeing, with a small caveat about caches."


def seed_thread(db: sqlite3.Connection, size: int) -> int:
    """Add a thread of `size` posts (root and replies); returns the root's id."""
    accounts = {}
    for username, name in (ROOT_AUTHOR, REPLY_AUTHOR):
        found = posting.local_account_id(db, username)
        accounts[username] = found if found is not None else posting.create_account(
            db, username, display_name=name)
    demo = posting.local_account_id(db, DEMO_USERNAME)
    db.execute("INSERT OR IGNORE INTO follows (account_id, target_id) VALUES (?, ?)",
               (demo, accounts[ROOT_AUTHOR[0]]))
    changes = Changes()
    moment = now_ms()
    root = posting.create_status(
        db, accounts[ROOT_AUTHOR[0]],
        NewStatus(text=f"A thread of {size} posts: what makes a terminal client feel fast?",
                  language="en"),
        changes, created_ms=moment)
    posts = [root]
    rng = random.Random(size)
    for n in range(1, size):
        parent = rng.choice(posts[-4:])
        posts.append(posting.create_status(
            db, accounts[REPLY_AUTHOR[0]],
            NewStatus(text=reply_text(n), in_reply_to_id=parent, language="en"),
            changes, created_ms=moment + n))
    return root
