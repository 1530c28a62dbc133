"""`--demo-size N`: N more statuses, the same every time, for benchmarks.

A realistic mix of CJK and Latin text, links, mentions, hashtags, images,
polls, content warnings, boosts and long posts, all older than the sample so
the sample stays on top. Deterministic: status k is always the same post.
"""

from __future__ import annotations

import json
import random
import sqlite3

from tootui.demo import posting
from tootui.demo.ids import now_ms, snowflake
from tootui.demo.instance_state import DEMO_USERNAME
from tootui.demo.polls import make_poll
from tootui.demo.posting import Changes, NewStatus

GENERATED_KEY = "generated_size"
_AUTHORS = [
    ("xingchen", "星辰"),
    ("mori", "Mori 森"),
    ("ada", "Ada L."),
    ("laomao", "老猫"),
    ("river", "River Song"),
    ("tianqi", "天气预报员"),
    ("kumo", "くも"),
    ("bytes", "bytes & bits"),
    ("xiaoyu", "小雨"),
    ("noodle", "Noodle Enjoyer"),
    ("shanshui", "山水"),
    ("pixel", "Pixel 像素"),
]
_CJK = [
    "今天的晚霞特别好看,拍了好多张照片。",
    "地铁上看到一只柴犬,超级可爱!",
    "周末去爬山,腿已经不是自己的了。",
    "新买的键盘手感不错,就是有点吵。",
    "读完了一本书,推荐给大家。",
    "咖啡续命的一天。",
    "终于把拖了三个月的 bug 修好了。",
    "楼下的面包店关门了,好难过。",
    "下雨天适合在家写代码。",
    "有没有人推荐一下好用的笔记软件?",
]
_LATIN = [
    "Shipped a release today, fingers crossed.",
    "The river walk this morning was lovely.",
    "Reading about CRDTs again; they never stop being clever.",
    "Tea, rain and a long book.",
    "Anyone else still using a paper notebook for todo lists?",
    "Trying out a new bread recipe.",
    "Reminder: drink water and stretch.",
    "Federated timelines are a lot calmer than I expected.",
]
_TAGS = ["Mastodon", "fediverse", "摄影", "读书", "coding", "NeoDB", "猫", "Python"]
_LINKS = [
    "https://example.org/posts/2026/notes-on-federation",
    "https://www.example.com/a/very/long/path/to/some/article?id=42",
    "https://docs.joinmastodon.org/",
    "https://example.net/",
]


def _text(rng: random.Random, k: int) -> tuple[str, dict[str, object]]:
    """The text of post k and its extras (spoiler, poll, media, language)."""
    extras: dict[str, object] = {}
    cjk = rng.random() < 0.6
    pool = _CJK if cjk else _LATIN
    parts = [rng.choice(pool)]
    if rng.random() < 0.25:
        parts.append("@" + rng.choice(_AUTHORS)[0])
    if rng.random() < 0.3:
        parts.append(" ".join("#" + t for t in rng.sample(_TAGS, rng.randint(1, 3))))
    if rng.random() < 0.2:
        parts.append(rng.choice(_LINKS))
    if rng.random() < 0.05:
        parts.append("\n".join(rng.choice(pool) for _ in range(rng.randint(15, 40))))
    extras["language"] = "zh" if cjk else "en"
    if rng.random() < 0.08:
        extras["spoiler_text"] = "剧透" if cjk else "spoilers"
    if rng.random() < 0.04:
        extras["poll"] = make_poll(
            [f"选项 {i + 1}" for i in range(rng.randint(2, 4))], 86400, rng.random() < 0.5
        )
    if rng.random() < 0.1:
        extras["media"] = True
    return "\n".join(parts), extras


def generate(db: sqlite3.Connection, size: int, *, start: int = 0) -> None:
    """Add posts `start` .. `size - 1` (the earlier ones exist already)."""
    ids: dict[str, int] = {}
    for username, name in _AUTHORS:
        found = posting.local_account_id(db, username)
        ids[username] = (
            found if found is not None else posting.create_account(db, username, display_name=name)
        )
    demo = posting.local_account_id(db, DEMO_USERNAME)
    for account_id in ids.values():
        db.execute(
            "INSERT OR IGNORE INTO follows (account_id, target_id) VALUES (?, ?)",
            (demo, account_id),
        )
    oldest = db.execute("SELECT MIN(id) FROM statuses").fetchone()[0]
    moment = (oldest >> 16) - 60_000 if oldest is not None else now_ms()
    changes = Changes()
    recent: list[int] = []
    for k in range(start, size):
        rng = random.Random(k)
        moment -= rng.randint(20, 400) * 1000
        author = ids[_AUTHORS[k % len(_AUTHORS)][0]]
        if recent and rng.random() < 0.07:
            target = rng.choice(recent)
            boosted = db.execute(
                "SELECT 1 FROM statuses WHERE id=? AND account_id!=? AND NOT EXISTS (SELECT 1"
                " FROM statuses b WHERE b.reblog_of_id=? AND b.account_id=?)",
                (target, author, target, author),
            ).fetchone()
            if boosted:
                posting.reblog(db, author, target, changes, created_ms=moment)
                continue
        text, extras = _text(rng, k)
        media_ids = [_media(db, author, moment)] if extras.get("media") else []
        post = NewStatus(
            text=text,
            in_reply_to_id=rng.choice(recent) if recent and rng.random() < 0.1 else None,
            language=str(extras["language"]),
            spoiler_text=str(extras.get("spoiler_text", "")),
            poll=extras.get("poll"),  # type: ignore[arg-type]
            media_ids=media_ids,
        )
        recent.append(posting.create_status(db, author, post, changes, created_ms=moment))
        recent = recent[-50:]


def _media(db: sqlite3.Connection, account_id: int, moment: int) -> int:
    media_id = snowflake(moment)
    meta = {
        "original": {"width": 96, "height": 64, "size": "96x64", "aspect": 1.5},
        "small": {"width": 96, "height": 64, "size": "96x64", "aspect": 1.5},
    }
    db.execute(
        "INSERT INTO media (id, account_id, type, file, description, meta, blurhash)"
        " VALUES (?, ?, 'image', 'techo-weeks.png', ?, ?, NULL)",
        (media_id, account_id, "A page of a weekly planner", json.dumps(meta)),
    )
    return media_id
