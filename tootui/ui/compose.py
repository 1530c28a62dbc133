"""The compose pane: writing a new post or a reply.

It holds the draft and says when the user wants it sent or closed; the screen
does the sending, so a post that fails stays here, text intact, to try again.
"""

from __future__ import annotations

import uuid

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Label, TextArea

from tootui.i18n import _
from tootui.l10n import exact_count
from tootui.models import Draft, Status
from tootui.post_length import DEFAULT_MAX_CHARACTERS, post_length
from tootui.ui.bindings import Scope, bindings_for
from tootui.ui.status_lines import one_line


class ComposePane(Vertical):
    """A text area with a title saying what is being written."""

    BINDINGS = bindings_for(Scope.COMPOSE)

    class Submitted(Message):
        """The user asked to send `draft`; `idempotency_key` identifies this draft."""

        def __init__(self, draft: Draft, idempotency_key: str) -> None:
            super().__init__()
            self.draft = draft
            self.idempotency_key = idempotency_key

    class Closed(Message):
        """The pane was closed, by the user or after sending."""

    class Edited(Message):
        """The draft changed (typing): the screen keeps it on disk."""

        def __init__(self, draft: Draft, idempotency_key: str, reply_to: Status | None) -> None:
            super().__init__()
            self.draft = draft
            self.idempotency_key = idempotency_key
            self.reply_to = reply_to

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._reply_to: Status | None = None
        # One key per draft: sending again after a failure can't post twice,
        # because the server recognises the retry.
        self._idempotency_key = ""
        self._sending = False
        #: The server's limit; whoever knows the instance may set it.
        self.max_characters = DEFAULT_MAX_CHARACTERS

    def compose(self) -> ComposeResult:
        with Horizontal(id="compose-header"):
            yield Label(id="compose-title")
            yield Label(id="compose-counter")
        yield TextArea(id="compose-text", soft_wrap=True, show_line_numbers=False)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._show_count()
        if self.is_open:
            self.post_message(self.Edited(self.current_draft(), self._idempotency_key,
                                          self._reply_to))

    def _show_count(self) -> None:
        used = post_length(self.text_area.text)
        counter = self.query_one("#compose-counter", Label)
        # Translators: the compose pane's counter, e.g. "12/500 characters".
        counter.update(_("{used}/{limit} characters").format(
            used=exact_count(used), limit=exact_count(self.max_characters)))
        counter.set_class(used > self.max_characters, "-over")

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    @property
    def reply_to(self) -> Status | None:
        return self._reply_to

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#compose-text", TextArea)

    def open(self, reply_to: Status | None = None) -> None:
        """Start a new draft, a reply to `reply_to` if given, and focus it."""
        if self.is_open and _id(self._reply_to) == _id(reply_to) and self.text_area.text.strip():
            # Pressing the key again must not throw away what was written.
            self.text_area.focus()
            return
        self._reply_to = reply_to
        self._idempotency_key = uuid.uuid4().hex
        self._sending = False
        self._show_title()
        if reply_to is None:
            self.text_area.load_text("")
        else:
            self.text_area.load_text(f"@{one_line(reply_to.account.acct)} ")
        self._show_count()
        self.add_class("-open")
        self.text_area.focus()
        self.text_area.move_cursor(self.text_area.document.end)

    def _show_title(self) -> None:
        title = self.query_one("#compose-title", Label)
        if self._reply_to is None:
            title.update(_("New post"))
        else:
            handle = one_line(self._reply_to.account.acct)
            title.update(_("Reply to @{handle}").format(handle=handle))

    def relanguaged(self) -> None:
        """The interface language changed: say again what is being written."""
        if self.is_open:
            self._show_title()
            self._show_count()

    def restore(self, draft: Draft, idempotency_key: str, reply_to: Status | None) -> None:
        """Open on a draft saved earlier, with its key, so a resend can't double-post."""
        self.open(reply_to)
        self.text_area.load_text(draft.text)
        self.text_area.move_cursor(self.text_area.document.end)
        self._idempotency_key = idempotency_key or self._idempotency_key

    def current_draft(self) -> Draft:
        """What is written now, as a `Draft`."""
        parent = self._reply_to
        return Draft(text=self.text_area.text, in_reply_to_id=_id(parent),
                     visibility=parent.visibility if parent is not None
                     and parent.visibility in _NARROW_VISIBILITIES else None)

    def close(self) -> None:
        """Hide the pane; the draft is dropped."""
        self.remove_class("-open")
        self._reply_to = None
        self._sending = False
        self.post_message(self.Closed())

    def sending_failed(self) -> None:
        """The server refused or could not be reached: let the user try again."""
        self._sending = False

    def action_send(self) -> None:
        if self._sending:
            return
        text = self.text_area.text
        if not text.strip():
            self.notify(_("Write something first."), severity="warning")
            return
        self._sending = True
        self.post_message(self.Submitted(self.current_draft(), self._idempotency_key))

    def action_close(self) -> None:
        self.close()


# A reply to a post few people can see must not reach more people than it did;
# a reply to a public post takes the user's own default (None).
_NARROW_VISIBILITIES = frozenset({"unlisted", "private", "direct"})


def _id(status: Status | None) -> str | None:
    return status.id if status is not None else None
