"""Translation: a deterministic stand-in, labelled as such in `provider`.

The demo has no translation engine; it marks each paragraph with the language
pair so clients can show and test the flow.
"""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo.ids import parse_id
from tootui.demo.visibility import visible_status
from tootui.demo.web import (
    ApiError,
    current_account,
    json_response,
    make_view,
    not_found,
    params,
    state,
)

PROVIDER = "tootui demo (stand-in, not a real translation)"
LANGUAGES = {"zh": ["en", "ja"], "en": ["zh", "ja"], "ja": ["en", "zh"]}


def _mark(html: str, tag: str) -> str:
    return re.sub(r"<p>", f"<p>{tag} ", html) if "<p>" in html else f"{tag} {html}"


async def translate(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    with state(request).store.tx() as db:
        row = visible_status(db, me, parse_id(request.path_params["id"]))
        if row is None or row["reblog_of_id"] is not None:
            raise not_found()
        source = row["language"] or "en"
        target = p.text("lang") or ("zh" if source != "zh" else "en")
        if target == source or target not in LANGUAGES.get(source, []):
            raise ApiError(403, "This action is not allowed")
        tag = f"[{source}→{target}]"
        view = make_view(request, db, me)
        media = db.execute(
            "SELECT id, description FROM media WHERE status_id=? ORDER BY position", (row["id"],)
        ).fetchall()
        return json_response(
            {
                "content": _mark(view.fix(row["content"]), tag),
                "spoiler_text": f"{tag} {row['spoiler_text']}" if row["spoiler_text"] else "",
                "poll": None,
                "media_attachments": [
                    {"id": str(m["id"]), "description": f"{tag} {m['description'] or ''}".strip()}
                    for m in media
                ],
                "detected_source_language": source,
                "provider": PROVIDER,
            }
        )


async def translation_languages(request: Request) -> Response:
    return json_response(LANGUAGES)


routes = [
    Route("/api/v1/statuses/{id}/translate", translate, methods=["POST"]),
    Route("/api/v1/instance/translation_languages", translation_languages, methods=["GET"]),
]
