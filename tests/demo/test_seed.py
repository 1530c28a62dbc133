"""The sample timeline as the demo instance serves it."""

from __future__ import annotations

import itertools
from pathlib import Path

import requests

from tests.demo.api import api_for
from tootui.demo.ids import id_ms
from tootui.demo.server import DemoServer

SAMPLE = (Path(__file__).parents[2] / "tootui/demo/data/sample.json").read_text("utf-8")


def test_home_has_nine_posts_newest_first(demo_server: DemoServer) -> None:
    home = api_for(demo_server).home()
    assert len(home) == 9
    ids = [int(s["id"]) for s in home]
    assert ids == sorted(ids, reverse=True)
    times = [s["created_at"] for s in home]
    assert times == sorted(times, reverse=True)
    assert [s["account"]["username"] for s in home][:5] == [
        "yuzu",
        "lanlan",
        "mianhua",
        "haitang",
        "juzi",
    ]
    # created_at is the time inside the snowflake id, minutes to hours apart
    gaps = [(id_ms(a) - id_ms(b)) / 60_000 for a, b in itertools.pairwise(ids)]
    assert all(10 <= gap <= 180 for gap in gaps), gaps


def test_replies_point_at_their_parents(demo_server: DemoServer) -> None:
    home = api_for(demo_server).home()
    by_user = {s["account"]["username"]: s for s in home}
    assert home[0]["in_reply_to_id"] == by_user["lanlan"]["id"]
    assert home[0]["in_reply_to_account_id"] == by_user["lanlan"]["account"]["id"]
    assert by_user["haitang"]["in_reply_to_id"] == by_user["juzi"]["id"]
    assert by_user["lanlan"]["replies_count"] == 1
    assert home[0]["mentions"] == [
        {
            "id": by_user["lanlan"]["account"]["id"],
            "username": "lanlan",
            "url": f"{demo_server.url}/@lanlan",
            "acct": "lanlan",
        }
    ]


def test_status_html_is_mastodons(demo_server: DemoServer) -> None:
    home = api_for(demo_server).home()
    base = demo_server.url
    assert home[0]["content"] == (
        f'<p><span class="h-card" translate="no"><a href="{base}/@lanlan" class="u-url mention">'
        "@<span>lanlan</span></a></span> "
        "打工打魔怔了!不要再为熊老板卖命了!他获得了鲑鱼卵你又获得了什么!</p>"
    )
    post2 = home[2]["content"]
    assert post2.startswith("<p>天呐天呐") and post2.count("<br>") == 2 and post2.endswith("</p>")
    assert (
        '<a href="https://www.1101.com/store/techo/en/download/#detail-1-365keizoku"'
        ' target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">https://www.</span>'
        '<span class="ellipsis">1101.com/store/techo/en/downlo</span>'
        '<span class="invisible">ad/#detail-1-365keizoku</span></a>'
    ) in post2
    post4 = home[5]["content"]
    assert "&quot;跌丝袜&quot;" in post4
    assert '<span class="">b23.tv/tVKr9AZ</span><span class="invisible"></span>' in post4
    post5 = home[6]
    assert "================<br>Ref:<br>" in post5["content"]
    assert "<p>" not in post5["content"][3:]


def test_attachment_card_and_tags(demo_server: DemoServer) -> None:
    home = api_for(demo_server).home()
    (image,) = home[2]["media_attachments"]
    assert image["type"] == "image"
    assert image["description"] == "使用例图cr logo"
    picture = requests.get(image["url"], timeout=10)
    assert picture.status_code == 200 and picture.content.startswith(b"\x89PNG")
    card = home[5]["card"]
    assert card["url"] == "https://b23.tv/tVKr9AZ" and card["type"] == "link" and card["title"]
    post7 = home[8]
    assert [t["name"] for t in post7["tags"]] == ["neodb", "mastodon", "neogroup"]
    assert (
        f'<a href="{demo_server.url}/tags/NeoDB" class="mention hashtag" rel="tag">'
        "#<span>NeoDB</span></a>" in post7["content"]
    )
    assert all(not s["media_attachments"] for i, s in enumerate(home) if i != 2)


def test_long_post_fits_the_instance_limit(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    limit = api.get("/api/v2/instance").json()["configuration"]["statuses"]["max_characters"]
    assert limit > 1383
    assert (
        api.get("/api/v1/instance").json()["configuration"]["statuses"]["max_characters"] == limit
    )


def test_demo_user_follows_every_author(demo_server: DemoServer) -> None:
    me = api_for(demo_server).get("/api/v1/accounts/verify_credentials").json()
    assert me["username"] == "demo" and me["following_count"] == 9
    assert "source" in me and "role" in me
