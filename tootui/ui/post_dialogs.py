"""The lists a post opens: links (`o`), media (`m`), its poll (`p`), details (`i`).

Mixed into the screen through `PostActions`. The dialogs only show and pick;
what is picked is acted on here: a link or an attachment opens in the browser
(the system's viewer for media), a vote goes to the server in a worker and
the post is redrawn with the new counts.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.style import Style
from rich.text import Text
from textual import work

from tootui.client.errors import ClientError
from tootui.i18n import N_, _
from tootui.models import MediaAttachment, Status, StatusEdit
from tootui.render import safe_url
from tootui.render.blurhash import average_colour
from tootui.render.extras import media_lines
from tootui.render.rendered import LinkTarget
from tootui.ui.messages import (
    AccountRequested,
    HashtagRequested,
    RequestFailed,
    StatusUpdated,
)
from tootui.ui.status_lines import one_line
from tootui.visibility import VISIBILITY_LABELS

if TYPE_CHECKING:
    from textual.screen import Screen

    from tootui.client.protocol import Client
    from tootui.ui.choice_list import ChoiceScreen

    _Base = Screen[None]
else:
    _Base = object

# Mastodon lets a boost be public, unlisted or private, never direct.
BOOST_VISIBILITIES = frozenset({"public", "unlisted", "private"})
_KIND_MARKS = {"link": "🔗", "mention": "@", "hashtag": "#"}


class PostDialogs(_Base):
    """Opens the dialogs of a post; the screen provides `client`."""

    client: Client

    def _on_ui(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.app.call_from_thread(callback, *args, **kwargs)

    # -- links -----------------------------------------------------------

    def _links(self, status: Status) -> None:
        from tootui.render.status import render_status

        links = render_status(status).links
        if not links:
            self.notify(_("This post has no links, mentions or hashtags."))
            return

        def chosen(target: LinkTarget | None) -> None:
            if target is None:
                return
            label = one_line(target.label)
            if target.kind == "mention":
                self.post_message(AccountRequested(label.lstrip("@"), target.url))
            elif target.kind == "hashtag":
                self.post_message(HashtagRequested(label.lstrip("#"), target.url))
            else:
                self._launch_browser(target.url)

        self.app.push_screen(links_screen(links), chosen)

    # -- media -------------------------------------------------------------

    def _media(self, status: Status) -> None:
        media = status.media_attachments
        if not media:
            self.notify(_("This post has no media."))
            return

        def chosen(index: int | None) -> None:
            if index is not None:
                from tootui.ui.media_view import MediaScreen

                self.app.push_screen(MediaScreen(media, index, client=self.client), viewed)

        def viewed(item: MediaAttachment | None) -> None:
            url = item and (item.url or item.remote_url)
            if url:
                # The system's viewer for the file type, through the browser.
                self._launch_browser(url)

        self.app.push_screen(media_screen(media), chosen)

    # -- boosting with a visibility ---------------------------------------

    def _boost_as(self, status: Status) -> None:
        if status.reblogged:
            self.notify(_("Already boosted: b undoes the boost."), severity="warning")
            return
        def chosen(visibility: str | None) -> None:
            if visibility is not None:
                self._send_boost(status, visibility)

        self.app.push_screen(boost_screen(), chosen)

    @work(thread=True, group="boost")
    def _send_boost(self, status: Status, visibility: str) -> None:
        try:
            updated = self.client.reblog_as(status.id, visibility)
        except ClientError as error:
            self.post_message(RequestFailed(error))
            return
        self.post_message(StatusUpdated(updated))

    # -- polls -------------------------------------------------------------

    def _vote(self, status: Status) -> None:
        poll = status.poll
        if poll is None:
            self.notify(_("This post has no poll."))
            return
        if poll.expired:
            self.notify(_("This poll has ended."), severity="warning")
            return
        if poll.voted:
            self.notify(_("You have already voted in this poll."), severity="warning")
            return

        def chosen(choices: list[int] | None) -> None:
            if choices:
                self._send_vote(status, choices)

        from tootui.ui.poll_vote import PollScreen

        self.app.push_screen(PollScreen(poll), chosen)

    @work(thread=True, group="vote")
    def _send_vote(self, status: Status, choices: list[int]) -> None:
        assert status.poll is not None
        try:
            poll = self.client.vote(status.poll.id, choices)
        except ClientError as error:
            self.post_message(RequestFailed(error))
            return
        self.post_message(StatusUpdated(replace(status, poll=poll)))
        self._on_ui(self.notify, _("Vote sent."))

    # -- details -------------------------------------------------------------

    @work(thread=True, group="details")
    def _details(self, status: Status) -> None:
        history: tuple[StatusEdit, ...] = ()
        if status.edited_at is not None:
            try:
                history = self.client.history(status.id)
            except ClientError as error:
                self.post_message(RequestFailed(error))
        from tootui.ui.post_details import DetailsScreen

        self._on_ui(self.app.push_screen, DetailsScreen(status, history))

    # Defaults until a screen shows profiles and hashtag timelines in the app:
    # their web pages. A subclass's handler runs first and may prevent_default().
    def on_account_requested(self, message: AccountRequested) -> None:
        self._launch_browser(message.url)

    def on_hashtag_requested(self, message: HashtagRequested) -> None:
        self._launch_browser(message.url)

    # -- the browser ---------------------------------------------------------

    @work(thread=True, group="browser")
    def _launch_browser(self, url: str) -> None:
        # A server's URL reaches a command line (xdg-open, the browser): only
        # http(s) with a host, nothing that could read as an option or a file.
        if safe_url(url) is None:
            self._on_ui(self.notify, _("Not opened: {url} is not a web link.")
                        .format(url=one_line(url)), severity="warning")
            return
        # Starting a browser can take a while: never on the UI thread.
        if not webbrowser.open(url):
            self._on_ui(self.notify, _("No browser could be started; the link is {url}")
                        .format(url=one_line(url)), severity="warning")


def link_label(target: LinkTarget) -> Text:
    label = Text(f"{_KIND_MARKS.get(target.kind, '🔗')} ")
    label.append(one_line(target.label) or one_line(target.url))
    if target.kind == "link" and target.label != target.url:
        label.append(f"  {one_line(target.url)}", style="dim")
    return label


def media_label(item: MediaAttachment, line: Text) -> Text:
    """The attachment's line (kind, alt text or its absence) after a colour swatch."""
    label = Text()
    colour = average_colour(item.blurhash)
    if colour is not None:
        label.append("██ ", style=Style(color="#{:02x}{:02x}{:02x}".format(*colour)))
    label.append_text(line)
    return label


# The lists a post opens, made here so that what a snapshot shows is what `o`, `m`
# and `ctrl+b` show. The dialogs' modules load when one opens: they are not on the
# way to the first paint.

def links_screen(links: Sequence[LinkTarget]) -> ChoiceScreen[LinkTarget]:
    """The post's links, mentions and hashtags (`o`)."""
    from tootui.ui.choice_list import ChoiceScreen

    return ChoiceScreen(_("Links in this post"), [(link_label(t), t) for t in links])


def media_screen(media: Sequence[MediaAttachment]) -> ChoiceScreen[int]:
    """The post's attachments with their alt text (`m`); chooses an attachment's index."""
    from tootui.ui.choice_list import ChoiceScreen

    choices = [(media_label(item, line), index)
               for index, (item, line) in enumerate(zip(media, media_lines(media),
                                                        strict=True))]
    return ChoiceScreen(_("Media in this post"), choices, choose=N_("show"))


def boost_screen() -> ChoiceScreen[str]:
    """The visibilities a boost may have (`ctrl+b`)."""
    from tootui.ui.choice_list import ChoiceScreen

    choices: list[tuple[Text | str, str]] = [
        (_(label), value) for value, label in VISIBILITY_LABELS if value in BOOST_VISIBILITIES]
    return ChoiceScreen(_("Boost as"), choices, choose=N_("boost"), close=N_("cancel"))
