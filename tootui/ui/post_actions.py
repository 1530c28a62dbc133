"""What the screen does for a `PostActionRequested`: the actions beyond the toggles.

Reply to all, edit, delete (and redraft), pin, follow, mute, block, copy the
link, open in the browser and translate. `PostActions` is mixed into the
screen that owns the client and the compose pane: the widgets only post the
intent; the client calls run here in thread workers, and what comes back is
posted as a message or handed to the UI thread. Actions that cannot be undone
(delete, block) ask first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.worker import get_current_worker

from tootui.client.errors import ClientError
from tootui.completion import Token
from tootui.i18n import _
from tootui.l10n import exact_time
from tootui.models import (
    Account,
    Draft,
    ScheduledPost,
    Status,
)
from tootui.ui.confirm import ConfirmScreen
from tootui.ui.messages import (
    PostAction,
    PostActionRequested,
    RequestFailed,
    StatusDeleted,
    StatusPosted,
    StatusUpdated,
)
from tootui.ui.post_dialogs import PostDialogs
from tootui.ui.status_lines import one_line
from tootui.ui.status_list import StatusList
from tootui.ui.translations import Translations
from tootui.visibility import reply_draft

if TYPE_CHECKING:
    from textual.screen import Screen

    from tootui.client.protocol import Client
    from tootui.outbox import Outbox, OutboxEntry
    from tootui.ui.compose import ComposePane

    _Base = Screen[None]
else:
    _Base = object


# Actions that open the compose pane with text of their own.
_FILL_COMPOSE = frozenset({PostAction.REPLY_ALL, PostAction.EDIT, PostAction.REDRAFT})


class PostActions(PostDialogs, _Base):
    """Handlers for post actions; the screen provides `client` and `compose_pane`."""

    client: Client

    if TYPE_CHECKING:
        # Declared for the type checker only: the screen's own property is the one used.
        @property
        def compose_pane(self) -> ComposePane: ...

        @property
        def composing(self) -> bool: ...

        async def fill_compose(self, fill: Callable[[ComposePane], object]) -> None: ...

    # The screen's: puts a failed request in the outbox if it may pass (None if not).
    _queue: Callable[[Callable[[Outbox, ClientError], OutboxEntry], ClientError],
                     OutboxEntry | None]
    _me: Account | None = None
    _translations: Translations | None = None
    _emoji: tuple[str, ...] | None = None

    # Handlers go by name, not `@on`: `on` registers through the message pump's
    # metaclass, which a plain mixin does not have.
    def on_post_action_requested(self, message: PostActionRequested) -> None:
        status = message.status.original
        handlers: dict[PostAction, Callable[[Status], Any]] = {
            PostAction.BOOST_AS: self._boost_as,
            PostAction.REPLY_ALL: self._reply_all,
            PostAction.EDIT: self._edit,
            PostAction.DELETE: lambda s: self._ask_delete(s, redraft=False),
            PostAction.REDRAFT: lambda s: self._ask_delete(s, redraft=True),
            PostAction.PIN: self._pin,
            PostAction.FOLLOW: lambda s: self._relate(PostAction.FOLLOW, s.account),
            PostAction.MUTE: lambda s: self._relate(PostAction.MUTE, s.account),
            PostAction.BLOCK: lambda s: self._relate(PostAction.BLOCK, s.account),
            PostAction.COPY_LINK: self._copy_link,
            PostAction.OPEN_IN_BROWSER: self._open_in_browser,
            PostAction.TRANSLATE: self._translate,
            PostAction.LINKS: self._links,
            PostAction.MEDIA: self._media,
            PostAction.VOTE: self._vote,
            PostAction.DETAILS: self._details,
        }
        if message.action in _FILL_COMPOSE and self._compose_busy():
            self._say_compose_busy()
            return
        handlers[message.action](status)

    def _compose_busy(self) -> bool:
        """Something is being written: filling the pane now would throw it away."""
        return self.composing and bool(self.compose_pane.text_area.text.strip())

    def _say_compose_busy(self) -> None:
        self.notify(_("Send or close the post you are writing first."), severity="warning")

    # -- helpers ---------------------------------------------------------

    def _status_lists(self) -> list[StatusList]:
        return list(self.query(StatusList))

    def _me_account(self) -> Account:
        """The user's own account, asked once (from a worker thread)."""
        if self._me is None:
            self._me = self.client.verify_credentials()
        return self._me

    def _own(self, status: Status) -> bool:
        """True for the user's own post; says so in the status bar otherwise."""
        if status.account.id == self._me_account().id:
            return True
        self._on_ui(self.notify, _("That is not your post."), severity="warning")
        return False

    def _failed(self, error: ClientError) -> None:
        self.post_message(RequestFailed(error))

    # -- completion ----------------------------------------------------

    def on_compose_pane_completion_wanted(self, message: ComposePane.CompletionWanted) -> None:
        self._suggest(message.token)

    @work(thread=True, exclusive=True, group="complete")
    def _suggest(self, token: Token) -> None:
        try:
            if token.kind == "@":
                values = [a.acct for a in self.client.suggest_accounts(token.query)]
            elif token.kind == "#":
                values = list(self.client.suggest_hashtags(token.query))
            else:
                if self._emoji is None:
                    self._emoji = tuple(e.shortcode for e in self.client.custom_emojis())
                query = token.query.lower()
                values = [code for code in self._emoji if code.lower().startswith(query)]
        except ClientError:
            return  # no suggestions is not worth a toast
        if not get_current_worker().is_cancelled:
            self._on_ui(self.compose_pane.show_suggestions, token, values)

    # -- replying and editing --------------------------------------------

    @work(thread=True, group="post-action")
    def _reply_all(self, status: Status) -> None:
        try:
            me = self._me_account()
        except ClientError as error:
            self._failed(error)
            return
        handles: list[str] = []
        for acct in (status.account.acct, *(m.acct for m in status.mentions)):
            handle = one_line(acct)
            if handle and handle != me.acct and handle not in handles:
                handles.append(handle)
        text = "".join(f"@{handle} " for handle in handles)
        title = _("Reply to all: {handles}").format(
            handles=" ".join(f"@{h}" for h in handles) or _("yourself"))
        self._on_ui(self.fill_compose, lambda pane: pane.open_draft(
            reply_draft(status, text), title=title, reply_to=status))

    @work(thread=True, group="post-action")
    def _edit(self, status: Status) -> None:
        try:
            if not self._own(status):
                return
            source = self.client.status_source(status.id)
        except ClientError as error:
            self._failed(error)
            return
        draft = Draft(text=source.text, in_reply_to_id=status.in_reply_to_id,
                      spoiler_text=source.spoiler_text, visibility=status.visibility,
                      language=status.language, edit_id=status.id)
        self._on_ui(self.fill_compose,
                    lambda pane: pane.open_draft(draft, title=lambda: _("Edit post")))

    @work(thread=True, exclusive=True, group="post")
    def send_edit(self, draft: Draft) -> None:
        """Send an edited draft; its `edit_id` names the status it replaces."""
        assert draft.edit_id is not None
        try:
            status = self.client.edit_status(draft.edit_id, draft.text,
                                             spoiler_text=draft.spoiler_text)
        except ClientError as error:
            # Like a post: an edit that may pass later waits in the outbox.
            if self._queue(lambda box, why: box.add_edit(draft, why), error) is None:
                self.post_message(RequestFailed(error, posting=True))
            return
        self.post_message(StatusUpdated(status))
        self._on_ui(self._edited)

    @work(thread=True, exclusive=True, group="post")
    def send_rich_draft(self, draft: Draft, idempotency_key: str) -> None:
        """Send a draft with media, a poll or a schedule (uploads come first)."""
        try:
            result = self.client.send_draft(draft, idempotency_key=idempotency_key)
        except ClientError as error:
            # Kept with its key (and its poll, media and schedule) for the retry.
            if self._queue(lambda box, why: box.add_post(draft, idempotency_key, why),
                           error) is None:
                self.post_message(RequestFailed(error, posting=True))
            return
        if isinstance(result, Status):
            self.post_message(StatusPosted(result))
        else:
            self._on_ui(self._scheduled, result)

    def _scheduled(self, scheduled: ScheduledPost) -> None:
        self.compose_pane.close()
        self.notify(_("Scheduled for {when}.").format(when=exact_time(scheduled.scheduled_at)))

    def _edited(self) -> None:
        self.compose_pane.close()
        self.notify(_("Post edited."))

    # -- deleting ----------------------------------------------------------

    @work(thread=True, group="post-action")
    def _ask_delete(self, status: Status, *, redraft: bool) -> None:
        try:
            if not self._own(status):
                return
        except ClientError as error:
            self._failed(error)
            return
        question = (_("Delete this post and write it again?") if redraft
                    else _("Delete this post? This cannot be undone."))

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(status, redraft=redraft)

        self._on_ui(self.app.push_screen, ConfirmScreen(question, yes=_("Delete")), answered)

    @work(thread=True, group="post-action")
    def _delete(self, status: Status, *, redraft: bool) -> None:
        try:
            draft = self.client.delete_status(status.id)
        except ClientError as error:
            self._failed(error)
            return
        self.post_message(StatusDeleted(status.id))
        if redraft:
            self._on_ui(self.fill_compose,
                        lambda pane: pane.open_draft(draft, title=lambda: _("Redraft")))

    def on_status_deleted(self, message: StatusDeleted) -> None:
        for pane in self._status_lists():
            pane.remove_status(message.status_id)
        self.notify(_("Post deleted."))

    # -- pinning -----------------------------------------------------------

    @work(thread=True, group="post-action")
    def _pin(self, status: Status) -> None:
        try:
            if not self._own(status):
                return
            call = self.client.unpin if status.pinned else self.client.pin
            updated = call(status.id)
        except ClientError as error:
            self._failed(error)
            return
        self.post_message(StatusUpdated(updated))
        note = _("Pinned to your profile.") if updated.pinned else _("Unpinned.")
        self._on_ui(self.notify, note)

    # -- follow, mute, block -----------------------------------------------

    @work(thread=True, group="post-action")
    def _relate(self, action: PostAction, account: Account) -> None:
        client = self.client
        handle = "@" + one_line(account.acct)
        try:
            if account.id == self._me_account().id:
                self._on_ui(self.notify, _("That is your own account."), severity="warning")
                return
            now = client.relationship(account.id)
            if action is PostAction.FOLLOW:
                if now.following or now.requested:
                    client.unfollow(account.id)
                    note = _("Unfollowed {handle}.")
                else:
                    after = client.follow(account.id)
                    note = (_("Follow request sent to {handle}.") if after.requested
                            and not after.following else _("Followed {handle}."))
            elif action is PostAction.MUTE:
                if now.muting:
                    client.unmute(account.id)
                    note = _("Unmuted {handle}.")
                else:
                    client.mute(account.id)
                    note = _("Muted {handle}.")
            elif now.blocking:
                client.unblock(account.id)
                note = _("Unblocked {handle}.")
            else:
                self._on_ui(self._ask_block, account, handle)
                return
        except ClientError as error:
            self._failed(error)
            return
        self._on_ui(self.notify, note.format(handle=handle))

    def _ask_block(self, account: Account, handle: str) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self._block(account, handle)

        question = _("Block {handle}? They will not see your posts, nor you theirs.").format(
            handle=handle)
        self.app.push_screen(ConfirmScreen(question, yes=_("Block")), answered)

    @work(thread=True, group="post-action")
    def _block(self, account: Account, handle: str) -> None:
        try:
            self.client.block(account.id)
        except ClientError as error:
            self._failed(error)
            return
        self._on_ui(self.notify, _("Blocked {handle}.").format(handle=handle))

    # -- links ---------------------------------------------------------------

    def _copy_link(self, status: Status) -> None:
        url = status.url or status.uri
        if not url:
            self.notify(_("This post has no link."), severity="warning")
            return
        # OSC 52: the terminal puts it on the clipboard, over SSH too.
        self.app.copy_to_clipboard(url)
        self.notify(_("Link copied: {url}").format(url=one_line(url)))

    def _open_in_browser(self, status: Status) -> None:
        url = status.url or status.uri
        if not url:
            self.notify(_("This post has no link."), severity="warning")
            return
        self._launch_browser(url)

    # -- translation -------------------------------------------------------

    def _translate(self, status: Status) -> None:
        if self._translations is None:
            self._translations = Translations()
        original = self._translations.untranslate(status.id)
        if original is not None:
            self.post_message(StatusUpdated(original))
            return
        self._fetch_translation(status)

    @work(thread=True, group="translate")
    def _fetch_translation(self, status: Status) -> None:
        assert self._translations is not None
        try:
            translation = self.client.translate(status.id)
        except ClientError as error:
            self._failed(error)
            return
        shown = self._translations.translated(status, translation)
        self.post_message(StatusUpdated(shown))
