"""What a draft can carry besides text, each set in a small dialog from compose:
a poll (`ctrl+o`), media with alt text (`ctrl+g`, a path typed or chosen from a
directory tree), a time to publish it later (`ctrl+t`). The dialogs only collect
values; the compose pane keeps them in the draft and the screen uploads and sends.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from tootui.i18n import N_, _
from tootui.models import MediaDraft, PollDraft
from tootui.ui.bindings import Scope, app_keymap, bindings_for, key_hint
from tootui.ui.file_picker import FilePicker, start_folder

MAX_POLL_OPTIONS = 4
POLL_DURATIONS: tuple[tuple[str, int], ...] = (
    (N_("5 minutes"), 300),
    (N_("30 minutes"), 1800),
    (N_("1 hour"), 3600),
    (N_("6 hours"), 21_600),
    (N_("1 day"), 86_400),
    (N_("3 days"), 259_200),
    (N_("7 days"), 604_800),
)
# Mastodon refuses a scheduled time less than five minutes ahead.
MIN_SCHEDULE_AHEAD = timedelta(minutes=5)
_RELATIVE = re.compile(r"^\s*(\d+)\s*([mhd])\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


def parse_when(text: str, now: datetime | None = None) -> datetime | None:
    """`30m`, `2h`, `1d`, or `YYYY-MM-DD HH:MM` (local time) as an aware datetime."""
    now = now or datetime.now(UTC)
    if match := _RELATIVE.match(text):
        amount, unit = int(match.group(1)), match.group(2).lower()
        return now + timedelta(**{_UNITS[unit]: amount})
    try:
        when = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        return None
    return when.astimezone(UTC)


class ComposeDialog(ModalScreen[object]):
    BINDINGS = bindings_for(Scope.DIALOG)

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, ".dialog-ok")
    async def _ok(self) -> None:
        # The button does what ctrl+s does: each dialog's own `action_submit`.
        await self.run_action("submit")


class PollEditor(ComposeDialog):
    """Options, duration and multiple choice; dismisses with a `PollDraft`."""

    def __init__(self, poll: PollDraft | None) -> None:
        super().__init__()
        self._poll = poll or PollDraft()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("Poll")
            for number in range(MAX_POLL_OPTIONS):
                value = self._poll.options[number] if number < len(self._poll.options) else ""
                yield Input(value, placeholder=_("Option {n}").format(n=number + 1),
                            classes="poll-option", max_length=50, compact=True)
            yield Select([(_(label), seconds) for label, seconds in POLL_DURATIONS],
                         value=self._poll.expires_in, allow_blank=False, id="poll-duration",
                         compact=True)
            yield Checkbox(_("Multiple choice"), self._poll.multiple, id="poll-multiple",
                           compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Add poll"), variant="primary", classes="dialog-ok", compact=True)
            yield Label(_("{keys} (leave options empty to remove)").format(
                keys=key_hint(app_keymap(self.app), ("dialog.submit", N_("add")),
                              ("dialog.close", N_("cancel")))), classes="dialog-hint")

    def action_submit(self) -> None:
        options = tuple(o.value.strip() for o in self.query(".poll-option").results(Input)
                        if o.value.strip())
        if len(options) == 1:
            self.notify(_("A poll needs at least two options."), severity="warning")
            return
        duration = self.query_one("#poll-duration", Select).value
        self.dismiss(PollDraft(
            options=options,
            expires_in=duration if isinstance(duration, int) else 86_400,
            multiple=self.query_one("#poll-multiple", Checkbox).value,
        ) if options else PollDraft())


class MediaEditor(ComposeDialog):
    """A file path and its alt text; dismisses with a `MediaDraft`."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("Attach media")
            yield Input(placeholder=_("Path to the file"), id="media-path", compact=True)
            yield Input(placeholder=_("Alt text: describe it for people who cannot see it"),
                        id="media-alt", max_length=1500, compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Choose a file…"), id="media-browse", compact=True)
                yield Button(_("Attach"), variant="primary", classes="dialog-ok", compact=True)
            yield Label(key_hint(app_keymap(self.app), ("dialog.submit", N_("attach")),
                                 ("dialog.close", N_("cancel"))), classes="dialog-hint")

    @on(Button.Pressed, "#media-browse")
    def _browse(self) -> None:
        path = self.query_one("#media-path", Input)

        def chosen(file: str | None) -> None:
            if file:
                path.value = file
                self.query_one("#media-alt", Input).focus()

        self.app.push_screen(FilePicker(start_folder(path.value)), chosen)

    def action_submit(self) -> None:
        path = self.query_one("#media-path", Input).value.strip()
        if not path:
            self.notify(_("Give the path of a file to attach."), severity="warning")
            return
        self.dismiss(MediaDraft(path=path,
                                description=self.query_one("#media-alt", Input).value.strip()))


class ScheduleEditor(ComposeDialog):
    """When to publish; dismisses with an aware datetime, or `False` to post now."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("Schedule")
            yield Input(placeholder=_("30m, 2h, 1d or YYYY-MM-DD HH:MM"), id="schedule-when",
                        compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Schedule"), variant="primary", classes="dialog-ok", compact=True)
            keymap = app_keymap(self.app)
            yield Label(" · ".join((key_hint(keymap, ("dialog.submit", N_("schedule"))),
                                    _("empty: post now"),
                                    key_hint(keymap, ("dialog.close", N_("cancel"))))),
                        classes="dialog-hint")

    def action_submit(self) -> None:
        text = self.query_one("#schedule-when", Input).value
        if not text.strip():
            self.dismiss(False)
            return
        when = parse_when(text)
        if when is None:
            self.notify(_("Write a time like 30m, 2h, 1d or 2026-12-24 18:00."),
                        severity="warning")
            return
        if when - datetime.now(UTC) < MIN_SCHEDULE_AHEAD:
            self.notify(_("Schedule at least five minutes ahead."), severity="warning")
            return
        self.dismiss(when)
