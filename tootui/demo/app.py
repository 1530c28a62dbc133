"""The Starlette application: every API area's routes, errors and middleware."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from tootui.demo import (
    accounts,
    blocks,
    conversations,
    filters,
    grouped_notifications,
    instance,
    lists,
    markers,
    media,
    notifications,
    oauth,
    polls,
    scheduled,
    search,
    status_edits,
    statuses,
    streaming,
    tags,
    timelines,
    translation,
    websocket,
)
from tootui.demo.instance_state import InstanceState
from tootui.demo.middleware import FaultInjection, RateLimitHeaders
from tootui.demo.seed import copy_media
from tootui.demo.web import ApiError, error_response, json_response, state


async def media_file(request: Request) -> Response:
    media_dir = state(request).media_dir
    name = request.path_params["file"]
    path = media_dir / name
    if "/" in name or name.startswith(".") or not path.is_file():
        raise ApiError(404, "Not Found")
    return FileResponse(path)


def _packaged_image(request: Request, name: str) -> Response:
    media_dir = state(request).media_dir
    path = media_dir / name
    if not path.is_file():
        copy_media(name, media_dir)
    return FileResponse(path)


async def placeholder_image(request: Request) -> Response:
    """Avatars and headers nobody uploaded: Mastodon's `missing.png`."""
    return _packaged_image(request, "missing.png")


async def media_still(request: Request) -> Response:
    """The preview of any video or sound: the demo makes no thumbnails of its own."""
    return _packaged_image(request, "video-still.png")


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = "Not Found" if exc.status_code == 404 else str(exc.detail)
    return json_response({"error": message}, exc.status_code)


def _lifespan(st: InstanceState) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        task = asyncio.create_task(scheduled.ticker(st))
        try:
            yield
        finally:
            task.cancel()

    return lifespan


def create_app(st: InstanceState) -> Starlette:
    routes = [
        *oauth.routes,
        *instance.routes,
        *filters.routes,
        *accounts.routes,
        *blocks.routes,
        *conversations.routes,
        *statuses.routes,
        *status_edits.routes,
        *timelines.routes,
        *translation.routes,
        *websocket.routes,
        *notifications.routes,
        *grouped_notifications.routes,
        *lists.routes,
        *markers.routes,
        *media.routes,
        *polls.routes,
        *scheduled.routes,
        *search.routes,
        *streaming.routes,
        *tags.routes,
        Route("/system/media_attachments/files/{id}/{size}/{file}", media_file, methods=["GET"]),
        Route("/system/media_attachments/thumbnails/{id}/{size}/{file}", media_still,
              methods=["GET"]),
        Route("/avatars/original/missing.png", placeholder_image, methods=["GET"]),
        Route("/headers/original/missing.png", placeholder_image, methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        lifespan=_lifespan(st),
        exception_handlers={ApiError: _api_error, HTTPException: _http_error},
        middleware=[
            Middleware(RateLimitHeaders),
            Middleware(FaultInjection, faults=st.faults, revoke_tokens=st.revoke_tokens),
        ],
    )
    app.state.demo = st
    return app
