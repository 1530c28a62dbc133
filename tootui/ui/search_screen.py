"""Search (`/`): accounts, hashtags and posts, found by the server, to open.

A modal over the main screen: the query goes to the server (`Client.search`)
in a worker when the user presses `enter`; the answer fills one list, in three
sections. Choosing a result dismisses the screen with it (an `Account`, a
`Tag` or a `Status`); the screen that opened it decides what opening means.
The last query and its results are kept in a `SearchMemory`, so `/` again
shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tootui.client.errors import ClientError
from tootui.i18n import N_, _, ngettext
from tootui.l10n import count, relative_time
from tootui.models import Account, SearchResults, Status, Tag
from tootui.ui.bindings import Scope, app_keymap, bindings_for, key_hint
from tootui.ui.status_lines import one_line

if TYPE_CHECKING:
    from tootui.client.protocol import Client

SearchPick = Account | Tag | Status

_MIN_LABEL_WIDTH = 20


class ResultList(OptionList):
    """The results, whose labels are cut to its width: says when that width changes.

    A screen shown again from its memory fills the list before the list has a
    size; the labels are cut again once it has one (and when the terminal resizes).
    """

    class WidthChanged(Message):
        """The list's width changed: labels cut to the old one must be cut again."""

    _width = 0

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            self.post_message(self.WidthChanged())


@dataclass
class SearchMemory:
    """The last query and what it found, kept by the screen that opens searches."""

    query: str = ""
    results: SearchResults | None = None


class SearchScreen(ModalScreen[SearchPick | None]):
    """An input and the results of the last search, to pick one from."""

    BINDINGS = bindings_for(Scope.SEARCH)

    class Found(Message):
        """The server answered the search for `query`."""

        def __init__(self, query: str, results: SearchResults) -> None:
            super().__init__()
            self.query = query
            self.results = results

    class Failed(Message):
        """The search for `query` failed; `error` says why in one line."""

        def __init__(self, query: str, error: ClientError) -> None:
            super().__init__()
            self.query = query
            self.error = error

    def __init__(self, client: Client, memory: SearchMemory | None = None) -> None:
        super().__init__()
        self._client = client
        self._memory = memory if memory is not None else SearchMemory()
        self._picks: dict[str, SearchPick] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="search", classes="dialog") as box:
            box.border_title = _("Search")
            yield Input(self._memory.query, id="search-input",
                        placeholder=_("Accounts, #hashtags or words in posts"))
            # `enter` is the input's own key (and the list's), not one of the table's.
            yield Label(" · ".join((_("enter: search"), key_hint(
                app_keymap(self.app), ("search.results", N_("results")),
                ("search.close", N_("close"))))), id="search-status", classes="dialog-hint")
            yield ResultList(id="search-results")

    def on_mount(self) -> None:
        self.query_one("#search-input", Input).focus()
        if self._memory.results is not None:
            self._show(self._memory.query, self._memory.results)

    @property
    def results_list(self) -> ResultList:
        return self.query_one("#search-results", ResultList)

    def _label_width(self) -> int:
        return max(self.results_list.scrollable_content_region.width - 2, _MIN_LABEL_WIDTH)

    def _say(self, text: str) -> None:
        self.query_one("#search-status", Label).update(text)

    # -- asking the server ---------------------------------------------------

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        query = event.value.strip()
        if not query:
            return
        self._say(_("Searching for “{query}”…").format(query=one_line(query)))
        self._search(query)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        try:
            results = self._client.search(query)
        except ClientError as error:
            self.post_message(self.Failed(query, error))
            return
        # A newer query replaced this one: its answer would overwrite the newer list.
        if not get_current_worker().is_cancelled:
            self.post_message(self.Found(query, results))

    def on_search_screen_found(self, message: Found) -> None:
        self._memory.query, self._memory.results = message.query, message.results
        self._show(message.query, message.results)
        if message.results:
            self.results_list.focus()

    def on_search_screen_failed(self, message: Failed) -> None:
        self._say(_("The search failed: {error}").format(error=message.error))

    # -- showing the results ---------------------------------------------

    def _show(self, query: str, results: SearchResults) -> None:
        results_list = self.results_list
        width = self._label_width()
        self._picks = {}
        options: list[Option] = []
        sections: tuple[tuple[str, tuple[SearchPick, ...]], ...] = (
            (_("Accounts"), results.accounts),
            (_("Hashtags"), results.hashtags),
            (_("Posts"), results.statuses),
        )
        for number, (title, picks) in enumerate(sections):
            if not picks:
                continue
            options.append(Option(Text(f"{title} ({count(len(picks))})", style="bold"),
                                  disabled=True))
            for index, pick in enumerate(picks):
                option_id = f"{number}-{index}"
                self._picks[option_id] = pick
                options.append(Option(pick_label(pick, width), id=option_id))
        results_list.set_options(options)
        total = len(self._picks)
        if total:
            found = ngettext("{n} result for “{query}”", "{n} results for “{query}”",
                             total).format(n=count(total), query=one_line(query))
            again = key_hint(app_keymap(self.app), ("search.query", N_("search again")))
            self._say(" · ".join((found, _("enter: open"), again)))
            results_list.highlighted = 1  # the first result, under its heading
        else:
            self._say(_("Nothing found for “{query}”.").format(query=one_line(query)))

    def on_result_list_width_changed(self, message: ResultList.WidthChanged) -> None:
        width = self._label_width()
        for option_id, pick in self._picks.items():
            self.results_list.replace_option_prompt(option_id, pick_label(pick, width))

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        pick = self._picks.get(event.option_id or "")
        if pick is not None:
            self.dismiss(pick)

    # -- keys ----------------------------------------------------------------

    def action_close(self) -> None:
        self.dismiss(None)

    def action_focus_results(self) -> None:
        if self._picks:
            self.results_list.focus()

    def action_focus_query(self) -> None:
        self.query_one("#search-input", Input).focus()


def pick_label(pick: SearchPick, width: int) -> Text:
    """One result as the list shows it, each line cut to `width` cells."""
    if isinstance(pick, Account):
        label = Text(one_line(pick.name), style="bold")
        label.append(f"  @{one_line(pick.acct)}", style="dim")
        label.truncate(width, overflow="ellipsis")
        return label
    if isinstance(pick, Tag):
        label = Text(f"#{one_line(pick.name)}")
        label.truncate(width, overflow="ellipsis")
        return label
    return _post_label(pick, width)


def _post_label(status: Status, width: int) -> Text:
    """The author and when, then the post's first words (its warning, if it has one)."""
    original = status.original
    head = Text(one_line(original.account.name), style="bold")
    head.append(f"  @{one_line(original.account.acct)}", style="dim")
    when = relative_time(original.created_at)
    if when:
        head.append(f"  {when}", style="dim")
    head.truncate(width, overflow="ellipsis")
    if original.spoiler_text.strip():
        # Behind a content warning: the warning, never the text.
        text = Text(_("CW: {warning}").format(warning=one_line(original.spoiler_text)),
                    style="italic")
    else:
        # Here, not at the top: the HTML converter must not load before the first paint.
        from tootui.render.status import render_status

        text = Text(" ".join(render_status(original).body.plain.split()))
    text.truncate(width, overflow="ellipsis")
    return Text("\n").join([head, text])
