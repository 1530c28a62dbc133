"""`CachedClient`: `MastodonClient`'s methods, over the on-disk cache.

Every network method asks the server and keeps the answer (statuses, their
rendered text, timeline pages, notifications, threads, the instance). The `cached_*`
methods answer from the disk alone, without a request, so the UI can paint
what it showed last time before anything else happens, then ask the server
in a worker. The network client is only made on the first request (`connect`
is called then, in that worker): building it imports Mastodon.py and the
HTTP stack, and for the demo starts the embedded instance, none of which may
delay the first paint.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tootui.client.cache import Cache
from tootui.client.errors import ClientError, NetworkError
from tootui.client.keeper import RenderingKeeper
from tootui.client.streaming import (
    LiveStream,
    Sink,
    StatusArrived,
    StatusEdited,
    StatusRemoved,
    StreamEvent,
    StreamSource,
    StreamTiming,
    source_for,
)
from tootui.i18n import current_language
from tootui.models import (
    Account,
    Context,
    CustomEmoji,
    Draft,
    InstanceInfo,
    MediaAttachment,
    NotificationPage,
    Page,
    Poll,
    Preferences,
    Relationship,
    ScheduledPost,
    SearchResults,
    Status,
    StatusEdit,
    StatusSource,
    Translation,
    UserList,
)

if TYPE_CHECKING:
    from tootui.client.api import MastodonClient
    from tootui.render.status import RenderedStatus

log = logging.getLogger(__name__)

Renderer = Callable[[Status], "RenderedStatus"]


class CachedClient:
    """The same method set as `MastodonClient`, plus cache-only reads."""

    def __init__(self, cache: Cache, connect: Callable[[], MastodonClient], *,
                 stream_timing: StreamTiming | None = None) -> None:
        self.cache = cache
        self.stream_timing = stream_timing or StreamTiming()
        self._connect = connect
        self._client: MastodonClient | None = None
        self._connect_lock = threading.Lock()
        self._keeper: RenderingKeeper | None = None
        self._render_context = ""
        self._prerendered: dict[str, tuple[Status, RenderedStatus]] = {}
        self._offline_since: datetime | None = None

    @property
    def network(self) -> MastodonClient:
        """The network client, made on first use (call from a worker)."""
        with self._connect_lock:
            if self._client is None:
                self._client = self._connect()
            return self._client

    @property
    def connected(self) -> bool:
        return self._client is not None

    @property
    def offline_since(self) -> datetime | None:
        """When requests started failing to reach the server; None while it answers."""
        return self._offline_since

    def _net(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """Call the network client's `method`, keeping track of being offline."""
        try:
            result = getattr(self.network, method)(*args, **kwargs)
        except NetworkError:
            if self._offline_since is None:
                self._offline_since = datetime.now(UTC)
            raise
        except ClientError:
            self._offline_since = None  # the server answered, if only to refuse
            raise
        self._offline_since = None
        return result

    def close(self) -> None:
        if self._keeper is not None:
            self._keeper.close()
        with self._connect_lock:
            if self._client is not None:
                self._client.close()
                self._client = None
        self.cache.close()

    def __enter__(self) -> CachedClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- rendered text ---------------------------------------------------

    def attach_renderer(self, renderer: Renderer, local_domain: str | None) -> None:
        """Keep `renderer`'s output beside each status fetched from now on."""
        self._render_context = f"{current_language()}|{local_domain or ''}"
        if self._keeper is not None:
            self._keeper.close()
        self._keeper = RenderingKeeper(self.cache, renderer, self._render_context)

    def prerendered(self, status: Status) -> RenderedStatus | None:
        """The stored rendering of exactly this status, if the cache had one."""
        hit = self._prerendered.get(status.id)
        if hit is None:
            return None
        stored, rendered = hit
        return rendered if stored is status or stored == status else None

    def _load_renderings(self, statuses: tuple[Status, ...]) -> None:
        if not self._render_context or not statuses:
            return
        from tootui.render.stored import rendered_from_json

        found = self.cache.rendered([s.id for s in statuses], self._render_context)
        by_id = {s.id: s for s in statuses}
        for status_id, data in found.items():
            rendered = rendered_from_json(data)
            if rendered is not None:
                self._prerendered[status_id] = (by_id[status_id], rendered)

    def _keep(self, statuses: tuple[Status, ...] | list[Status]) -> None:
        """Store the statuses' renderings, on the keeper's thread: not the caller's time."""
        if self._keeper is not None:
            self._keeper.keep(statuses)

    # -- cache only: no request ------------------------------------------

    def cached_timeline(self, name: str = "home", *, limit: int = 200) -> Page | None:
        """The newest cached run of `name`, with its renderings ready."""
        page = self.cache.timeline(name, limit=limit)
        if page is not None:
            self._load_renderings(page.items)
        return page

    def cached_notifications(self, types: tuple[str, ...] = ()) -> NotificationPage | None:
        """The notifications of `types` (a filter) as last fetched, newest first."""
        return self.cache.notifications(types)

    def cached_context(self, status_id: str) -> Context | None:
        context = self.cache.context(status_id)
        if context is not None:
            self._load_renderings((*context.ancestors, *context.descendants))
        return context

    def cached_instance(self) -> InstanceInfo | None:
        return self.cache.instance()

    @property
    def last_timeline(self) -> str:
        """The timeline the user looked at last (what to paint first)."""
        return self.cache.meta("last_timeline") or "home"

    def remember_timeline(self, name: str) -> None:
        self.cache.set_meta("last_timeline", name)

    # -- reading ---------------------------------------------------------

    def verify_credentials(self) -> Account:
        account = self._net("verify_credentials")
        self.cache.put_account(account)
        return account

    def instance(self) -> InstanceInfo:
        info = self._net("instance")
        self.cache.put_instance(info)
        return info

    def timeline(self, name: str = "home", *, max_id: str | None = None,
                 min_id: str | None = None, limit: int = 40) -> Page:
        page = self._net("timeline", name, max_id=max_id, min_id=min_id, limit=limit)
        self.cache.store_page(name, page, max_id=max_id, min_id=min_id)
        self._keep(page.items)
        return page

    def notifications(self, *, types: tuple[str, ...] = (), max_id: str | None = None,
                      min_id: str | None = None, limit: int = 40) -> NotificationPage:
        page: NotificationPage = self._net("notifications", types=types, max_id=max_id,
                                           min_id=min_id, limit=limit)
        # A first page replaces the filter's list, an older one extends it; a
        # newer one is left to the next refresh (`cache_notifications` says why).
        if min_id is None:
            self.cache.store_notifications(types, page, max_id=max_id)
        return page

    def status(self, status_id: str) -> Status:
        return self._stored(self._net("status", status_id))

    def account(self, account_id: str) -> Account:
        account = self._net("account", account_id)
        self.cache.put_account(account)
        return account

    def lookup_account(self, acct: str) -> Account:
        account = self._net("lookup_account", acct)
        self.cache.put_account(account)
        return account

    def cached_account(self, account_id: str) -> Account | None:
        return self.cache.account(account_id)

    def context(self, status_id: str) -> Context:
        context = self._net("context", status_id)
        self.cache.put_context(status_id, context)
        self._keep([*context.ancestors, *context.descendants])
        return context

    # -- writing ---------------------------------------------------------

    def post_status(self, text: str, *, in_reply_to_id: str | None = None,
                    visibility: str | None = None, spoiler_text: str = "",
                    language: str | None = None,
                    idempotency_key: str | None = None) -> Status:
        return self._stored(self._net(
            "post_status", text, in_reply_to_id=in_reply_to_id, visibility=visibility,
            spoiler_text=spoiler_text, language=language, idempotency_key=idempotency_key))

    def favourite(self, status_id: str) -> Status:
        return self._stored(self._net("favourite", status_id))

    def unfavourite(self, status_id: str) -> Status:
        return self._stored(self._net("unfavourite", status_id))

    def reblog(self, status_id: str) -> Status:
        return self._stored(self._net("reblog", status_id))

    def unreblog(self, status_id: str) -> Status:
        return self._stored(self._net("unreblog", status_id))

    def bookmark(self, status_id: str) -> Status:
        return self._stored(self._net("bookmark", status_id))

    def unbookmark(self, status_id: str) -> Status:
        return self._stored(self._net("unbookmark", status_id))

    def reblog_as(self, status_id: str, visibility: str) -> Status:
        return self._stored(self._net("reblog_as", status_id, visibility))

    def pin(self, status_id: str) -> Status:
        return self._stored(self._net("pin", status_id))

    def unpin(self, status_id: str) -> Status:
        return self._stored(self._net("unpin", status_id))

    def send_draft(self, draft: Draft, *,
                   idempotency_key: str | None = None) -> Status | ScheduledPost:
        sent = self._net("send_draft", draft, idempotency_key=idempotency_key)
        return self._stored(sent) if isinstance(sent, Status) else sent

    def upload_media(self, path: str, description: str = "") -> MediaAttachment:
        return self._net("upload_media", path, description)

    def media_file(self, url: str) -> bytes:
        # Not through `_net`: media often lives on another host, whose failure
        # says nothing about whether the instance is reachable.
        return self.network.media_file(url)

    def edit_status(self, status_id: str, text: str, *, spoiler_text: str = "") -> Status:
        return self._stored(self._net("edit_status", status_id, text,
                                      spoiler_text=spoiler_text))

    def delete_status(self, status_id: str) -> Draft:
        deleted = self._net("delete_status", status_id)
        self.cache.forget_status(status_id)
        return deleted

    def vote(self, poll_id: str, choices: list[int]) -> Poll:
        return self._net("vote", poll_id, choices)

    def _stored(self, status: Status) -> Status:
        self.cache.put_statuses([status])
        self._keep([status])
        return status

    # -- read position and live updates ---------------------------------

    def markers(self, timelines: Sequence[str] = ("home", "notifications")) -> dict[str, str]:
        """The server's read positions; offline, the last ones known here."""
        try:
            found: dict[str, str] = self._net("markers", timelines)
        except NetworkError:
            found = {}
            for name in timelines:
                last = self.cache.meta(f"marker:{name}")
                if last:
                    found[name] = last
            if not found:
                raise
            return found
        for name, last in found.items():
            self.cache.set_meta(f"marker:{name}", last)
        return found

    def save_markers(self, positions: Mapping[str, str]) -> None:
        for name, last in positions.items():
            self.cache.set_meta(f"marker:{name}", last)
        self._net("save_markers", positions)

    def stream(self, name: str, sink: Sink, *, since_id: str | None = None) -> LiveStream:
        """As `MastodonClient.stream`; the network client is made on the stream's thread,
        and what arrives (or is caught up by polling) is kept."""
        def prepare() -> StreamSource:
            network = self.network
            # Asked afresh: the streaming URL may have moved since it was cached
            # (the demo instance takes a new port each run); offline, the cached
            # one is all there is.
            try:
                info = self.instance()
            except ClientError:
                cached = self.cache.instance()
                if cached is None:
                    raise
                info = cached
            return source_for(network, name, info, self.timeline)

        def keeping(event: StreamEvent) -> None:
            if isinstance(event, (StatusArrived, StatusEdited)):
                self._stored(event.status)
            elif isinstance(event, StatusRemoved):
                self.cache.forget_status(event.status_id)
            sink(event)

        return LiveStream(name, keeping, prepare, timing=self.stream_timing, since_id=since_id)

    # -- answers that are not kept ---------------------------------------
    # These change often or are only useful for a moment (a dialog, completion),
    # so they pass straight through, still tracking whether the server answers.

    def preferences(self) -> Preferences:
        return self._net("preferences")

    def lists(self) -> tuple[UserList, ...]:
        return self._net("lists")

    def followed_tags(self) -> tuple[str, ...]:
        return self._net("followed_tags")

    def tag_following(self, name: str) -> bool:
        return self._net("tag_following", name)

    def set_tag_following(self, name: str, follow: bool) -> bool:
        return self._net("set_tag_following", name, follow)

    def status_source(self, status_id: str) -> StatusSource:
        return self._net("status_source", status_id)

    def history(self, status_id: str) -> tuple[StatusEdit, ...]:
        return self._net("history", status_id)

    def translate(self, status_id: str, lang: str | None = None) -> Translation:
        return self._net("translate", status_id, lang)

    def search(self, query: str, *, resolve: bool = True, limit: int = 20) -> SearchResults:
        return self._net("search", query, resolve=resolve, limit=limit)

    def suggest_accounts(self, query: str, limit: int = 5) -> tuple[Account, ...]:
        return self._net("suggest_accounts", query, limit)

    def suggest_hashtags(self, query: str, limit: int = 5) -> tuple[str, ...]:
        return self._net("suggest_hashtags", query, limit)

    def custom_emojis(self) -> tuple[CustomEmoji, ...]:
        return self._net("custom_emojis")

    # Each answer is how the user now stands towards the account: kept, so a
    # profile opened offline (or before the network answers) can say it.

    def cached_relationship(self, account_id: str) -> Relationship | None:
        return self.cache.relationship(account_id)

    def _related(self, method: str, account_id: str) -> Relationship:
        relationship: Relationship = self._net(method, account_id)
        self.cache.put_relationship(relationship)
        return relationship

    def relationship(self, account_id: str) -> Relationship:
        return self._related("relationship", account_id)

    def follow(self, account_id: str) -> Relationship:
        return self._related("follow", account_id)

    def unfollow(self, account_id: str) -> Relationship:
        return self._related("unfollow", account_id)

    def mute(self, account_id: str) -> Relationship:
        return self._related("mute", account_id)

    def unmute(self, account_id: str) -> Relationship:
        return self._related("unmute", account_id)

    def block(self, account_id: str) -> Relationship:
        return self._related("block", account_id)

    def unblock(self, account_id: str) -> Relationship:
        return self._related("unblock", account_id)
