"""`MastodonClient`: blocking calls to one server for one account, in our models.

Built on Mastodon.py, configured so that it never decides for us: no version
checks (servers that report versions it can't parse, such as Pleroma's
"2.7.2 (compatible; ...)", must not lose features), a 429 raises instead of
sleeping inside the call (the UI waits on these threads), and every request
has a timeout. Each method returns tootui models and raises only
`tootui.client.errors.ClientError`s. Call it from worker threads, never from
the UI's event loop. The on-disk cache will wrap an object with these same
methods, so callers depend on the method set, not on this class.
"""

from __future__ import annotations

import io
import mimetypes
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tootui.client import media_files, transport
from tootui.client.api_timelines import TimelineCalls
from tootui.client.coerce import as_datetime, as_id, as_str, items, mapping
from tootui.client.convert import (
    account_from_json,
    context_from_json,
    emoji_from_json,
    instance_from_json,
    media_from_json,
    poll_from_json,
    status_from_json,
    statuses_from_json,
    tag_from_json,
)
from tootui.client.convert_entities import (
    edits_from_json,
    preferences_from_json,
    relationship_from_json,
    relationships_from_json,
    source_from_json,
    translation_from_json,
)
from tootui.client.errors import ClientError, NotFoundError
from tootui.client.media_files import MediaMemory
from tootui.client.streaming import (
    LiveStream,
    Sink,
    StreamSource,
    StreamTiming,
    source_for,
)
from tootui.client.versions import assume_current_server, skip_typed_entities
from tootui.models import (
    Account,
    Context,
    CustomEmoji,
    Draft,
    InstanceInfo,
    MediaAttachment,
    Notification,
    Poll,
    Preferences,
    Relationship,
    ScheduledPost,
    SearchResults,
    Status,
    StatusEdit,
    StatusSource,
    Translation,
)

if TYPE_CHECKING:
    import requests
    from mastodon import Mastodon

T = TypeVar("T")


class MastodonClient(TimelineCalls):
    """One server, one access token; methods block, so call them from workers."""

    def __init__(self, base_url: str, access_token: str | None, *,
                 timeout: float = transport.DEFAULT_TIMEOUT,
                 stream_timing: StreamTiming | None = None) -> None:
        from mastodon import Mastodon  # lazily: not on the path to the first paint

        self.base_url = base_url.rstrip("/")
        self.stream_timing = stream_timing or StreamTiming()
        self._token = access_token or ""
        self._memory = transport.ResponseMemory()
        self._session = transport.new_session(self._memory)
        self._media = MediaMemory()
        self._api: Mastodon = Mastodon(
            access_token=access_token,
            api_base_url=self.base_url,
            version_check_mode="none",
            ratelimit_method="throw",
            request_timeout=timeout,
            session=self._session,
            user_agent=transport.USER_AGENT,
        )
        assume_current_server(self._api)
        # Mastodon.py would ask the instance whether a public timeline is open
        # before each call; the call's own answer (401, 403) says it as well.
        self._api.timeline_is_available = lambda *args, **kwargs: True  # type: ignore[method-assign]
        skip_typed_entities(self._api)

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> MastodonClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _call(self, method: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        try:
            return method(*args, **kwargs)
        except ClientError:
            raise
        except Exception as exc:
            # Mastodon.py's own errors, and whatever a malformed answer makes
            # it raise while parsing: the caller only ever sees ClientError.
            raise transport.client_error(
                exc, self._memory, secrets=(self._token,)
            ) from exc

    # reading

    def verify_credentials(self) -> Account:
        return account_from_json(self._call(self._api.account_verify_credentials))

    def instance(self) -> InstanceInfo:
        """The server's limits, from `/api/v2/instance`, or v1 on older servers."""
        try:
            return instance_from_json(self._call(self._api.instance_v2))
        except NotFoundError:
            return instance_from_json(self._call(self._api.instance_v1))

    def preferences(self) -> Preferences:
        """The user's posting defaults (visibility, language) set on the server."""
        return preferences_from_json(mapping(self._call(self._api.preferences)))

    def status(self, status_id: str) -> Status:
        return status_from_json(self._call(self._api.status, status_id))

    def context(self, status_id: str) -> Context:
        return context_from_json(self._call(self._api.status_context, status_id))

    # writing

    def post_status(self, text: str, *, in_reply_to_id: str | None = None,
                    visibility: str | None = None, spoiler_text: str = "",
                    language: str | None = None,
                    idempotency_key: str | None = None) -> Status:
        """Post; the same `idempotency_key` sent twice makes one status, not two."""
        return status_from_json(self._call(
            self._api.status_post,
            text,
            in_reply_to_id=in_reply_to_id,
            visibility=visibility,
            spoiler_text=spoiler_text or None,
            language=language,
            idempotency_key=idempotency_key,
        ))

    def upload_media(self, path: str, description: str = "") -> MediaAttachment:
        """Upload the file at `path` (read here, in the worker) with its alt text."""
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise ClientError(f"{Path(path).name}: {error.strerror or error}") from error
        return media_from_json(mapping(self._call(
            self._api.media_post, io.BytesIO(data),
            mime_type=mimetypes.guess_type(path)[0] or "application/octet-stream",
            description=description or None, file_name=Path(path).name,
        )))

    def media_file(self, url: str) -> bytes:
        """An attachment's file (or its preview), from this session's memory or the web."""
        data = self._media.get(url)
        if data is None:
            data = media_files.download(self._session, url)
            self._media.put(url, data)
        return data

    def send_draft(self, draft: Draft, *,
                   idempotency_key: str | None = None) -> Status | ScheduledPost:
        """Post everything a draft holds: media (uploaded first), poll, schedule."""
        media_ids = [self.upload_media(item.path, item.description).id for item in draft.media]
        poll = None
        if draft.poll is not None:
            poll = self._api.make_poll(list(draft.poll.options), draft.poll.expires_in,
                                       multiple=draft.poll.multiple)
        result = mapping(self._call(
            self._api.status_post,
            draft.text,
            in_reply_to_id=draft.in_reply_to_id,
            media_ids=media_ids or None,
            visibility=draft.visibility,
            spoiler_text=draft.spoiler_text or None,
            language=draft.language,
            idempotency_key=idempotency_key,
            scheduled_at=draft.scheduled_at,
            poll=poll,
        ))
        if "scheduled_at" in result and "content" not in result:
            return ScheduledPost(id=as_id(result.get("id")) or "",
                                 scheduled_at=as_datetime(result.get("scheduled_at")))
        return status_from_json(result)

    def _action(self, method: Callable[..., Any], status_id: str) -> Status:
        # A boost answers with the new wrapper status; callers want the
        # original they acted on, with its new counts and flags.
        return status_from_json(self._call(method, status_id)).original

    def favourite(self, status_id: str) -> Status:
        return self._action(self._api.status_favourite, status_id)

    def unfavourite(self, status_id: str) -> Status:
        return self._action(self._api.status_unfavourite, status_id)

    def reblog(self, status_id: str) -> Status:
        return self._action(self._api.status_reblog, status_id)

    def reblog_as(self, status_id: str, visibility: str) -> Status:
        """Boost with a visibility of its own: public, unlisted or private."""
        return self._action(
            lambda sid: self._api.status_reblog(sid, visibility=visibility), status_id)

    def unreblog(self, status_id: str) -> Status:
        return self._action(self._api.status_unreblog, status_id)

    def bookmark(self, status_id: str) -> Status:
        return self._action(self._api.status_bookmark, status_id)

    def unbookmark(self, status_id: str) -> Status:
        return self._action(self._api.status_unbookmark, status_id)

    def pin(self, status_id: str) -> Status:
        return self._action(self._api.status_pin, status_id)

    def unpin(self, status_id: str) -> Status:
        return self._action(self._api.status_unpin, status_id)

    # own posts

    def status_source(self, status_id: str) -> StatusSource:
        """The text as the author typed it (not the server's HTML), for editing."""
        return source_from_json(mapping(self._call(self._api.status_source, status_id)))

    def edit_status(self, status_id: str, text: str, *, spoiler_text: str = "") -> Status:
        return status_from_json(self._call(
            self._api.status_update, status_id, text, spoiler_text=spoiler_text
        ))

    def delete_status(self, status_id: str) -> Draft:
        """Delete; returns what was deleted as a draft, for "delete and redraft"."""
        data = mapping(self._call(self._api.status_delete, status_id))
        visibility = as_str(data.get("visibility")) or None
        return Draft(
            text=as_str(data.get("text")),
            in_reply_to_id=as_id(data.get("in_reply_to_id")),
            spoiler_text=as_str(data.get("spoiler_text")),
            visibility=visibility,
            language=as_str(data.get("language")) or None,
        )

    def history(self, status_id: str) -> tuple[StatusEdit, ...]:
        """Every version of an edited status, oldest first."""
        return edits_from_json(self._call(self._api.status_history, status_id))

    def vote(self, poll_id: str, choices: list[int]) -> Poll:
        """Vote for the options at `choices` (indices); returns the poll with its new counts."""
        return poll_from_json(mapping(self._call(self._api.poll_vote, poll_id, choices)))

    def translate(self, status_id: str, lang: str | None = None) -> Translation:
        return translation_from_json(mapping(
            self._call(self._api.status_translate, status_id, lang=lang)
        ))

    # search

    def search(self, query: str, *, resolve: bool = True, limit: int = 20) -> SearchResults:
        """Accounts, hashtags and statuses for `query` (`/api/v2/search`);
        `resolve` lets the server look up a remote account or post URL."""
        found = mapping(self._call(self._api.search_v2, query, resolve=resolve, limit=limit))
        tags = (tag_from_json(mapping(tag)) for tag in items(found.get("hashtags")))
        return SearchResults(
            accounts=tuple(account_from_json(mapping(a)) for a in items(found.get("accounts"))),
            hashtags=tuple(tag for tag in tags if tag is not None),
            statuses=statuses_from_json(found.get("statuses")),
        )

    # completion in the compose pane

    def suggest_accounts(self, query: str, limit: int = 5) -> tuple[Account, ...]:
        """Accounts whose name starts like `query`, for @mention completion."""
        found = self._call(self._api.account_search, query, limit=limit)
        return tuple(account_from_json(mapping(item)) for item in items(found))

    def suggest_hashtags(self, query: str, limit: int = 5) -> tuple[str, ...]:
        """Hashtag names like `query`, for #hashtag completion."""
        found = mapping(self._call(self._api.search_v2, query, resolve=False,
                                   result_type="hashtags", limit=limit))
        names = (as_str(mapping(tag).get("name")) for tag in items(found.get("hashtags")))
        return tuple(name for name in names if name)

    def custom_emojis(self) -> tuple[CustomEmoji, ...]:
        """The server's custom emoji, for :emoji: completion."""
        found = (emoji_from_json(mapping(item))
                 for item in items(self._call(self._api.custom_emojis)))
        return tuple(emoji for emoji in found if emoji is not None)

    # read position and live updates

    def markers(self, timelines: Sequence[str] = ("home", "notifications")) -> dict[str, str]:
        """Where the user stopped reading each timeline (`last_read_id`), as the server keeps it."""
        found = mapping(self._call(self._api.markers_get, list(timelines)))
        positions = {str(name): as_id(mapping(marker).get("last_read_id"))
                     for name, marker in found.items()}
        return {name: last for name, last in positions.items() if last}

    def save_markers(self, positions: Mapping[str, str]) -> None:
        """Keep the read position of each timeline given (`home`, `notifications`)."""
        names = list(positions)
        self._call(self._api.markers_set, names, [positions[name] for name in names])

    def new_notifications(self, min_id: str | None = None) -> tuple[Notification, ...]:
        """Notifications newer than `min_id`, newest first (catching up after a
        reconnection, polling without streaming): grouped where the server groups,
        as the tab's own pages are, so one server is asked one way."""
        return self.notifications(min_id=min_id, limit=40).items

    def stream(self, name: str, sink: Sink, *, since_id: str | None = None) -> LiveStream:
        """Timeline `name` kept live (not started yet); see `tootui.client.streaming`."""
        def prepare() -> StreamSource:
            return source_for(self, name, self.instance(), self.timeline)

        return LiveStream(name, sink, prepare, timing=self.stream_timing, since_id=since_id)

    def open_stream(self, url: str, params: Sequence[tuple[str, str]],
                    timeout: tuple[float, float]) -> requests.Response:
        """An open event stream on this client's session; the caller reads and closes it."""
        return self._session.get(
            url, params=list(params), stream=True, timeout=timeout,
            headers={"Authorization": f"Bearer {self._token}", "Accept": "text/event-stream"},
        )

    # accounts

    def relationship(self, account_id: str) -> Relationship:
        found = relationships_from_json(
            self._call(self._api.account_relationships, [account_id])
        )
        if not found:
            raise NotFoundError(status=404)
        return found[0]

    def _relate(self, method: Callable[..., Any], account_id: str) -> Relationship:
        return relationship_from_json(mapping(self._call(method, account_id)))

    def follow(self, account_id: str) -> Relationship:
        return self._relate(self._api.account_follow, account_id)

    def unfollow(self, account_id: str) -> Relationship:
        return self._relate(self._api.account_unfollow, account_id)

    def mute(self, account_id: str) -> Relationship:
        return self._relate(self._api.account_mute, account_id)

    def unmute(self, account_id: str) -> Relationship:
        return self._relate(self._api.account_unmute, account_id)

    def block(self, account_id: str) -> Relationship:
        return self._relate(self._api.account_block, account_id)

    def unblock(self, account_id: str) -> Relationship:
        return self._relate(self._api.account_unblock, account_id)
