"""Media: v2 upload, processing status, description and focus; files kept on disk.

Images are ready at once (200). Other types answer 202 with `url: null`, as
Mastodon does while transcoding; the demo's "transcoding" is done after the
client's first `GET /api/v1/media/:id` (206), so polling clients see both states
without waiting on a clock.
"""

from __future__ import annotations

import json
import mimetypes
import secrets
import struct
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo import entities
from tootui.demo.ids import parse_id, snowflake
from tootui.demo.web import ApiError, current_account, json_response, make_view, params, state

_TYPES = {"image": "image", "video": "video", "audio": "audio"}
_EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/webp": "webp",
    "video/mp4": "mp4",
    "video/webm": "webm",
    "audio/mpeg": "mp3",
    "audio/ogg": "ogg",
}


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG, GIF or JPEG header."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return struct.unpack("<HH", data[6:10])
    if data.startswith(b"\xff\xd8"):
        pos = 2
        while pos + 9 < len(data) and data[pos] == 0xFF:
            marker, length = data[pos + 1], struct.unpack(">H", data[pos + 2 : pos + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
                return width, height
            pos += 2 + length
    return None


_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"ID3", "audio/mpeg"),
    (b"OggS", "audio/ogg"),
    (b"\x1aE\xdf\xa3", "video/webm"),
)


def _content_type(data: bytes, filename: str | None, declared: str | None) -> str:
    """Like Mastodon, trust the file's bytes over the declared type; then its name."""
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp":
        return "video/mp4"
    if declared in _EXTENSIONS:
        return declared
    guessed, _encoding = mimetypes.guess_type(filename or "")
    return guessed or declared or "application/octet-stream"


def _focus(value: Any) -> dict[str, float] | None:
    if not value:
        return None
    try:
        x, y = (max(-1.0, min(1.0, float(v))) for v in str(value).split(","))
    except ValueError as exc:
        raise ApiError(422, "Validation failed: Focus is invalid") from exc
    return {"x": x, "y": y}


def _meta(kind: str, size: tuple[int, int] | None, focus: dict[str, float] | None) -> Any:
    if size is None:
        return {"focus": focus} if focus else None
    width, height = size
    dims = {
        "width": width,
        "height": height,
        "size": f"{width}x{height}",
        "aspect": round(width / height, 6) if height else 1.0,
    }
    meta: dict[str, Any] = {"original": dims, "small": dict(dims)}
    if focus:
        meta["focus"] = focus
    return meta


async def upload(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    upload_file = p.get("file")
    if not isinstance(upload_file, UploadFile):
        raise ApiError(422, "Validation failed: File can't be blank")
    data = await upload_file.read()
    content_type = _content_type(data, upload_file.filename, upload_file.content_type)
    kind = _TYPES.get(content_type.split("/")[0], "unknown")
    if content_type not in _EXTENSIONS:
        raise ApiError(422, "Validation failed: File content type is invalid")
    st = state(request)
    st.media_dir.mkdir(parents=True, exist_ok=True)
    name = f"{secrets.token_hex(8)}.{_EXTENSIONS[content_type]}"
    (st.media_dir / name).write_bytes(data)
    focus = _focus(p.get("focus"))
    size = image_size(data) if kind == "image" else None
    media_id = snowflake()
    with st.store.tx() as db:
        db.execute(
            "INSERT INTO media (id, account_id, type, file, description, meta, processing)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                media_id,
                me,
                kind,
                name,
                p.get("description") or None,
                json.dumps(_meta(kind, size, focus)),
                int(kind != "image"),
            ),
        )
        return _answer(request, db, media_id, me, created=True)


def _answer(request: Request, db: Any, media_id: int, me: int | None, *, created: bool) -> Response:
    row = db.execute("SELECT * FROM media WHERE id=?", (media_id,)).fetchone()
    data = entities.media(make_view(request, db, me), row)
    if row["processing"]:
        data["url"] = None
        return json_response(data, 202 if created else 206)
    return json_response(data)


def _own_media(db: Any, request: Request, me: int | None) -> Any:
    row = db.execute(
        "SELECT * FROM media WHERE id=? AND account_id=?",
        (parse_id(request.path_params["id"]), me),
    ).fetchone()
    if row is None:
        raise ApiError(404, "Record not found")
    return row


async def get_media(request: Request) -> Response:
    me = current_account(request)
    with state(request).store.tx() as db:
        row = _own_media(db, request, me)
        response = _answer(request, db, row["id"], me, created=False)
        db.execute("UPDATE media SET processing=0 WHERE id=?", (row["id"],))
        return response


async def update_media(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    with state(request).store.tx() as db:
        row = _own_media(db, request, me)
        if p.get("description") is not None:
            db.execute(
                "UPDATE media SET description=? WHERE id=?", (p.text("description"), row["id"])
            )
        focus = _focus(p.get("focus"))
        if focus is not None:
            meta = json.loads(row["meta"]) if row["meta"] else {}
            meta["focus"] = focus
            db.execute("UPDATE media SET meta=? WHERE id=?", (json.dumps(meta), row["id"]))
        return _answer(request, db, row["id"], me, created=False)


routes = [
    Route("/api/v2/media", upload, methods=["POST"]),
    Route("/api/v1/media", upload, methods=["POST"]),
    Route("/api/v1/media/{id}", get_media, methods=["GET"]),
    Route("/api/v1/media/{id}", update_media, methods=["PUT"]),
]
