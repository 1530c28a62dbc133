"""Opening search (`/`) from the main screen, and what opening a result means.

Mixed into the main screen, like `PostActions`: a post opens its thread in
the thread pane (`ThreadRequested`); an account or a hashtag posts
`AccountRequested` / `HashtagRequested`, which a screen that shows profiles
and hashtag timelines handles (the default in `PostDialogs` opens the web page).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tootui.models import Account, Status, Tag
from tootui.ui.messages import AccountRequested, HashtagRequested, ThreadRequested

if TYPE_CHECKING:
    from textual.screen import Screen

    from tootui.client.protocol import Client
    from tootui.ui.search_screen import SearchMemory, SearchPick

    _Base = Screen[None]
else:
    _Base = object


class SearchOpener(_Base):
    """`action_search`; the screen provides `client`."""

    client: Client
    _search_memory: SearchMemory | None = None

    def action_search(self) -> None:
        # lazily: the search screen is not on the way to the first paint
        from tootui.ui.search_screen import SearchMemory, SearchScreen

        if self._search_memory is None:
            self._search_memory = SearchMemory()
        self.app.push_screen(SearchScreen(self.client, self._search_memory), self._open_pick)

    def _open_pick(self, pick: SearchPick | None) -> None:
        if isinstance(pick, Status):
            self.post_message(ThreadRequested(pick))
            # The reader came for this post: keys now act on the thread.
            for pane in self.query("#thread"):
                pane.focus()
        elif isinstance(pick, Account):
            self.post_message(AccountRequested(pick.acct, pick.url))
        elif isinstance(pick, Tag):
            self.post_message(HashtagRequested(pick.name, pick.url))
