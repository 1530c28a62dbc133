"""The compose pane: writing a new post or a reply.

It holds the draft and says when the user wants it sent or closed; the screen
does the sending, so a post that fails stays here, text intact, to try again.
Above the text: a counter that follows the server's rules (`post_length`),
and the options row (content warning, visibility, language).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from textual import on
from textual.app import ComposeResult, SuspendNotSupported
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, TextArea

from tootui.completion import Token, token_before
from tootui.i18n import _
from tootui.l10n import count, exact_count, exact_time
from tootui.models import Draft, InstanceInfo, MediaDraft, PollDraft, Preferences, Status
from tootui.post_length import DEFAULT_MAX_CHARACTERS, DEFAULT_URL_LENGTH, post_length
from tootui.ui.bindings import Scope, bindings_for
from tootui.ui.compose_extras import MediaEditor, PollEditor, ScheduleEditor
from tootui.ui.compose_options import ComposeOptions, language_problem
from tootui.ui.external_editor import EditorFailed, edit_text
from tootui.ui.status_lines import one_line
from tootui.visibility import reply_draft


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

    class CompletionWanted(Message):
        """The user is typing `token`: the screen may offer completions."""

        def __init__(self, token: Token) -> None:
            super().__init__()
            self.token = token

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._reply_to: Status | None = None
        # What the draft carries besides its text (reply target, visibility,
        # the status being edited); sending puts the text area's text in it.
        self._base = Draft()
        # One key per draft: sending again after a failure can't post twice,
        # because the server recognises the retry.
        self._idempotency_key = ""
        self._sending = False
        # The server's rules and the user's defaults; the screen sets them
        # once it has asked the server, until then Mastodon's own defaults.
        self._instance: InstanceInfo | None = None
        self.preferences: Preferences | None = None
        self._shown_visibility = "public"
        # Poll, media and schedule: set in their dialogs, sent with the text.
        self._poll: PollDraft | None = None
        self._media: list[MediaDraft] = []
        self._scheduled_at: datetime | None = None
        # The @/#/: token being typed and what the server offered for it.
        self._token: Token | None = None
        self._suggestions: list[str] = []
        # The title, re-read when the interface language changes.
        self._title: Callable[[], str] = lambda: ""

    def compose(self) -> ComposeResult:
        with Horizontal(id="compose-head"):
            # Titles, suggestions and attachments hold server names and file
            # names: plain text, never Textual markup (`[/b]` would crash it).
            yield Label(id="compose-title", markup=False)
            yield Label(id="compose-counter")
        yield ComposeOptions(id="compose-options")
        yield Label(id="compose-extras", markup=False)
        yield Label(id="compose-suggestions", markup=False)
        yield TextArea(id="compose-text", soft_wrap=True, show_line_numbers=False)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    @property
    def reply_to(self) -> Status | None:
        return self._reply_to

    @property
    def idempotency_key(self) -> str:
        """The key the draft is (or will be) sent with: kept with the draft on disk."""
        return self._idempotency_key

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#compose-text", TextArea)

    @property
    def instance(self) -> InstanceInfo | None:
        """The server's posting rules (None until they arrive: Mastodon's defaults)."""
        return self._instance

    @instance.setter
    def instance(self, instance: InstanceInfo | None) -> None:
        self._instance = instance
        if self.is_open:  # a draft offered before the rules came counts against them now
            self._update_counter()

    @property
    def options(self) -> ComposeOptions:
        return self.query_one(ComposeOptions)

    @property
    def max_characters(self) -> int:
        return self.instance.max_characters if self.instance else DEFAULT_MAX_CHARACTERS

    def length(self) -> int:
        """The draft's length as the server counts it (text and content warning)."""
        url_length = (self.instance.characters_reserved_per_url if self.instance
                      else DEFAULT_URL_LENGTH)
        spoiler, _visibility, _language = self.options.values()
        return post_length(self.text_area.text, spoiler, url_length=url_length)

    @on(TextArea.Changed)
    def _look_for_token(self) -> None:
        area = self.text_area
        row, column = area.cursor_location
        token = token_before(area.document.get_line(row), column)
        if token != self._token:
            self._token = token
            self.show_suggestions(token, [])
            if token is not None:
                self.post_message(self.CompletionWanted(token))

    def show_suggestions(self, token: Token | None, values: list[str]) -> None:
        """Offer `values` for `token`, unless the user has moved on since."""
        if token != self._token:
            return
        self._suggestions = values[:5] if token is not None else []
        label = self.query_one("#compose-suggestions", Label)
        if self._suggestions and token is not None:
            shown = "  ".join(token.completed(v).strip() for v in self._suggestions)
            label.update(_("tab: {suggestions}").format(suggestions=one_line(shown)))
        else:
            label.update("")
        label.display = bool(self._suggestions)

    def action_complete(self) -> None:
        """Put the first suggestion in place of the token; without one, tab moves on."""
        token = self._token
        if token is None or not self._suggestions or not self.text_area.has_focus:
            self.screen.focus_next()
            return
        area = self.text_area
        row, column = area.cursor_location
        area.replace(token.completed(self._suggestions[0]), (row, token.start), (row, column))

    @on(TextArea.Changed)
    @on(Input.Changed, "#compose-cw")
    def _update_counter(self) -> None:
        used, limit = self.length(), self.max_characters
        counter = self.query_one("#compose-counter", Label)
        # Translators: the compose pane's counter, e.g. "12/500 characters".
        counter.update(_("{used}/{limit} characters").format(
            used=exact_count(used), limit=exact_count(limit)))
        counter.set_class(used > limit, "-over")

    @on(TextArea.Changed)
    @on(Input.Changed, "#compose-cw")
    def _keep_draft(self) -> None:
        if self.is_open:
            self.post_message(self.Edited(self.current_draft(), self._idempotency_key,
                                          self._reply_to))

    def holds_other_writing(self, reply_to: Status | None) -> bool:
        """Whether opening on `reply_to` (None: a new post) would throw away text."""
        return (self.is_open and _id(self._reply_to) != _id(reply_to)
                and bool(self.text_area.text.strip()))

    def focus_text(self) -> None:
        """Put the focus in the text now: `focus()` would move it only behind the
        keys already queued, which are meant for the text (typed right after `c`)."""
        self.screen.set_focus(self.text_area)

    def open(self, reply_to: Status | None = None) -> None:
        """Start a new draft, a reply to `reply_to` if given, and focus it."""
        if self.is_open and _id(self._reply_to) == _id(reply_to) and self.text_area.text.strip():
            # Pressing the key again must not throw away what was written.
            self.focus_text()
            return
        if reply_to is None:
            self.open_draft(Draft(), title=lambda: _("New post"))
        else:
            self.open_draft(reply_draft(reply_to, f"@{one_line(reply_to.account.acct)} "),
                            reply_to=reply_to, title=lambda: _reply_title(reply_to))

    def open_draft(self, draft: Draft, *, title: str | Callable[[], str],
                   reply_to: Status | None = None) -> None:
        """Start writing `draft` (a reply-all, an edit, a redraft) under `title`
        (a function gives a title that follows the interface language)."""
        self._reply_to = reply_to
        self._base = draft
        self._idempotency_key = uuid.uuid4().hex
        self._sending = False
        self._title = title if callable(title) else lambda: title
        self.query_one("#compose-title", Label).update(self._title())
        prefs = self.preferences or Preferences()
        # A reply keeps its parent's narrower visibility; otherwise the user's default.
        self._shown_visibility = draft.visibility or prefs.visibility
        self.options.load(spoiler_text=draft.spoiler_text, visibility=self._shown_visibility,
                          language=draft.language or prefs.language)
        self.text_area.load_text(draft.text)
        self._poll, self._media = draft.poll, list(draft.media)
        self._scheduled_at = draft.scheduled_at
        self._show_extras()
        self._update_counter()
        self.add_class("-open")
        self.focus_text()
        self.text_area.move_cursor(self.text_area.document.end)

    def restore(self, draft: Draft, idempotency_key: str, reply_to: Status | None) -> None:
        """Open on a draft saved earlier, with its key, so a resend can't double-post."""
        def title() -> str:
            if draft.edit_id is not None:  # an edit given back (refused from the outbox)
                return _("Edit post")
            return _("New post") if reply_to is None else _reply_title(reply_to)

        self.open_draft(draft, title=title, reply_to=reply_to)
        self._idempotency_key = idempotency_key or self._idempotency_key

    def relanguaged(self) -> None:
        """The interface language changed: say again what is being written."""
        self.options.relanguaged()
        if self.is_open:
            self.query_one("#compose-title", Label).update(self._title())
            self._update_counter()
            self._show_extras()

    def current_draft(self) -> Draft:
        """What is written now, with its options, poll, media and schedule."""
        spoiler, chosen, language = self.options.values()
        visibility: str | None = chosen
        if self.preferences is None and chosen == self._shown_visibility:
            # The user's default is not known yet and they chose nothing:
            # let the server apply its own default rather than guess "public".
            visibility = self._base.visibility
        return replace(self._base, text=self.text_area.text, spoiler_text=spoiler,
                       visibility=visibility, language=language, poll=self._poll,
                       media=tuple(self._media), scheduled_at=self._scheduled_at)

    def close(self) -> None:
        """Hide the pane; the draft is dropped."""
        self.remove_class("-open")
        self._reply_to = None
        self._base = Draft()
        self._poll, self._media, self._scheduled_at = None, [], None
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
        if problem := language_problem(self.options.values()[2]):
            self.notify(problem, severity="warning")
            self.options.language_input.focus()
            return
        if self.length() > self.max_characters:
            self.notify(_("Too long: this server takes at most {n} characters.").format(
                n=count(self.max_characters)), severity="warning")
            return
        self._sending = True
        self.post_message(self.Submitted(self.current_draft(), self._idempotency_key))

    def action_close(self) -> None:
        self.close()

    # -- poll, media, schedule, editor -----------------------------------

    def _show_extras(self) -> None:
        parts: list[str] = []
        if self._poll is not None and self._poll.options:
            kind = _("multiple choice") if self._poll.multiple else _("one choice")
            parts.append(_("Poll: {options} ({kind})").format(
                options=" / ".join(one_line(o) for o in self._poll.options), kind=kind))
        for item in self._media:
            alt = one_line(item.description) or _("[no alt text]")
            parts.append(f"▣ {one_line(Path(item.path).name)}: {alt}")
        if self._scheduled_at is not None:
            parts.append(_("Scheduled for {when}").format(when=exact_time(self._scheduled_at)))
        label = self.query_one("#compose-extras", Label)
        label.update(" · ".join(parts))
        label.display = bool(parts)

    def action_poll(self) -> None:
        def done(poll: object) -> None:
            if isinstance(poll, PollDraft):
                self._poll = poll if poll.options else None
                self._show_extras()

        self.app.push_screen(PollEditor(self._poll), done)

    def action_attach(self) -> None:
        limit = self.instance.max_media_attachments if self.instance else 4
        if len(self._media) >= limit:
            self.notify(_("This server takes at most {n} attachments.").format(n=count(limit)),
                        severity="warning")
            return

        def done(item: object) -> None:
            if isinstance(item, MediaDraft):
                self._media.append(item)
                self._show_extras()

        self.app.push_screen(MediaEditor(), done)

    def action_schedule(self) -> None:
        def done(when: object) -> None:
            if isinstance(when, datetime):
                self._scheduled_at = when
            elif when is False:
                self._scheduled_at = None
            self._show_extras()

        self.app.push_screen(ScheduleEditor(), done)

    def action_external_editor(self) -> None:
        """Hand the text to `$EDITOR` (the terminal too) and take back what it saved."""
        try:
            with self.app.suspend():
                edited = edit_text(self.text_area.text)
        except SuspendNotSupported:
            self.notify(_("An external editor cannot run in this terminal."),
                        severity="warning")
            return
        except EditorFailed as error:
            # It names the editor command and a file: plain text, not markup.
            self.notify(str(error), severity="error", markup=False)
            return
        self.text_area.load_text(edited)
        self.text_area.move_cursor(self.text_area.document.end)


def _reply_title(parent: Status) -> str:
    return _("Reply to @{handle}").format(handle=one_line(parent.account.acct))


def _id(status: Status | None) -> str | None:
    return status.id if status is not None else None
