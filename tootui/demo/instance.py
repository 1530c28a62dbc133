"""Instance information (v1 and v2), preferences and custom emojis."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo.instance_state import InstanceState
from tootui.demo.oauth import VAPID_KEY
from tootui.demo.web import current_account, json_response, state

VERSION = "4.6.4"
TITLE = "tootui demo"
DESCRIPTION = "An embedded Mastodon-compatible instance for trying tootui without an account."
_MIME_TYPES = ["image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4", "audio/mpeg"]
_POLLS = {
    "max_options": 4,
    "max_characters_per_option": 50,
    "min_expiration": 300,
    "max_expiration": 2629746,
}


def _statuses_config(st: InstanceState) -> dict[str, int]:
    return {
        "max_characters": st.max_characters,
        "max_media_attachments": 4,
        "characters_reserved_per_url": 23,
    }


def _stats(st: InstanceState) -> tuple[int, int]:
    with st.store.tx() as db:
        users = db.execute("SELECT COUNT(*) FROM accounts WHERE domain IS NULL").fetchone()[0]
        statuses = db.execute("SELECT COUNT(*) FROM statuses").fetchone()[0]
    return int(users), int(statuses)


def _streaming_url(st: InstanceState) -> str:
    return "ws" + st.base_url.removeprefix("http")


async def instance_v2(request: Request) -> Response:
    st = state(request)
    users, _statuses = _stats(st)
    base = st.base_url
    data: dict[str, Any] = {
        "domain": st.domain,
        "title": TITLE,
        "version": VERSION,
        "source_url": "https://github.com/mastodon/mastodon",
        "description": DESCRIPTION,
        "usage": {"users": {"active_month": users}},
        "thumbnail": {
            "url": f"{base}/avatars/original/missing.png",
            "description": "A grey square: this demo instance has no picture of its own.",
        },
        "icon": [{"src": f"{base}/avatars/original/missing.png", "size": "8x8"}],
        "languages": ["zh", "en"],
        "configuration": {
            "urls": {
                "streaming": _streaming_url(st),
                "status": None,
                "about": f"{base}/about",
                "privacy_policy": None,
                "terms_of_service": None,
            },
            "vapid": {"public_key": VAPID_KEY},
            "accounts": {
                "max_display_name_length": 40,
                "max_note_length": 500,
                "max_avatar_description_length": 150,
                "max_header_description_length": 150,
                "max_featured_tags": 10,
                "max_pinned_statuses": 5,
                "max_profile_fields": 4,
                "profile_field_name_limit": 255,
                "profile_field_value_limit": 255,
            },
            "statuses": _statuses_config(st),
            "media_attachments": {
                "description_limit": 1500,
                "image_matrix_limit": 33177600,
                "image_size_limit": 16777216,
                "supported_mime_types": _MIME_TYPES,
                "video_frame_rate_limit": 120,
                "video_matrix_limit": 8294400,
                "video_size_limit": 103809024,
            },
            "polls": _POLLS,
            "translation": {"enabled": True},
            "timelines_access": {
                feed: {"local": "public", "remote": "public"}
                for feed in ("live_feeds", "hashtag_feeds", "trending_link_feeds")
            },
            "limited_federation": False,
        },
        "registrations": {
            "enabled": False,
            "approval_required": False,
            "reason_required": False,
            "message": None,
            "min_age": None,
            "url": None,
        },
        "api_versions": {"mastodon": 11},
        "wrapstodon": None,
        "contact": {"email": "", "account": None},
        "rules": [],
    }
    return json_response(data)


async def instance_v1(request: Request) -> Response:
    st = state(request)
    users, statuses = _stats(st)
    return json_response(
        {
            "uri": st.domain,
            "title": TITLE,
            "short_description": DESCRIPTION,
            "description": DESCRIPTION,
            "email": "",
            "version": VERSION,
            "urls": {"streaming_api": _streaming_url(st)},
            "stats": {"user_count": users, "status_count": statuses, "domain_count": 1},
            "thumbnail": f"{st.base_url}/avatars/original/missing.png",
            "languages": ["zh", "en"],
            "registrations": False,
            "approval_required": False,
            "invites_enabled": False,
            "configuration": {
                "accounts": {"max_featured_tags": 10},
                "statuses": _statuses_config(st),
                "media_attachments": {
                    "supported_mime_types": _MIME_TYPES,
                    "image_size_limit": 16777216,
                    "image_matrix_limit": 33177600,
                    "video_size_limit": 103809024,
                    "video_frame_rate_limit": 120,
                    "video_matrix_limit": 8294400,
                },
                "polls": _POLLS,
            },
            "contact_account": None,
            "rules": [],
        }
    )


# A few custom emoji, so that clients can list and complete them; the demo
# serves no images for them (a terminal never draws them).
DEMO_EMOJI = ("blobcat", "blobfox", "neodb")


async def custom_emojis(request: Request) -> Response:
    base = str(request.base_url).rstrip("/")
    return json_response([
        {"shortcode": code, "url": f"{base}/emoji/{code}.png",
         "static_url": f"{base}/emoji/{code}.png", "visible_in_picker": True, "category": None}
        for code in DEMO_EMOJI
    ])


def posting_source_key(account_id: int, name: str) -> str:
    """Where the demo keeps an account's posting default `name` (meta table)."""
    return f"source:{name}:{account_id}"


async def preferences(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        saved = {
            name: row[0]
            for name in ("privacy", "language")
            if me is not None and (row := db.execute(
                "SELECT value FROM meta WHERE key=?", (posting_source_key(me, name),)
            ).fetchone())
        }
    return json_response(
        {
            "posting:default:visibility": saved.get("privacy", "public"),
            "posting:default:sensitive": False,
            "posting:default:language": saved.get("language"),
            "posting:default:quote_policy": "public",
            "reading:expand:media": "default",
            "reading:expand:spoilers": False,
            "reading:autoplay:gifs": False,
        }
    )


routes = [
    Route("/api/v2/instance", instance_v2, methods=["GET"]),
    Route("/api/v1/instance", instance_v1, methods=["GET"]),
    Route("/api/v1/custom_emojis", custom_emojis, methods=["GET"]),
    Route("/api/v1/preferences", preferences, methods=["GET"]),
]
