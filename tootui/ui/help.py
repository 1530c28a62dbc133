"""The help screen: every key binding, generated from the one table."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tootui.i18n import _
from tootui.ui.bindings import KEYS, SCOPE_TITLES, Scope, bindings_for, display_keys
from tootui.ui.language_switch import LanguageChanged


def bindings_table(keymap: Mapping[str, str]) -> Table:
    """Keys and what they do, by where they act; `keymap` holds remapped keys by id."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column()
    for scope in Scope:
        specs = [spec for spec in KEYS if spec.scope is scope]
        if not specs:
            continue
        if table.row_count:
            table.add_row("", "")
        table.add_row("", _(SCOPE_TITLES[scope]), style="underline")
        # Neighbours that do the same for different keys (1 to 9) share a row.
        rows: list[tuple[list[str], str]] = []
        for spec in specs:
            keys = display_keys(keymap.get(spec.id, spec.keys))
            if rows and rows[-1][1] == spec.description:
                rows[-1][0].append(keys)
            else:
                rows.append(([keys], spec.description))
        for keys_list, description in rows:
            shown = (keys_list[0] if len(keys_list) == 1
                     else f"{keys_list[0]}–{keys_list[-1]}")
            table.add_row(shown, _(description))
    return table


class HelpScreen(ModalScreen[None]):
    """A list of every binding over the app; any of its own keys closes it."""

    BINDINGS = bindings_for(Scope.HELP)

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self._keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as scroll:
            # Not focusable, so the keys reach this screen's bindings (j/k, space...)
            # rather than the container's own, which animate and, pressed faster
            # than the screen refreshes, scroll from a stale place and lose presses.
            scroll.can_focus = False
            scroll.border_title = _("Keys")
            yield Static(bindings_table(self._keymap), id="help-table")

    @property
    def _table_scroll(self) -> VerticalScroll:
        return self.query_one("#help", VerticalScroll)

    def _jump_to(self, y: float) -> None:
        # At once, not animated: the next key starts where this one left off.
        self._table_scroll.scroll_to(y=y, animate=False, immediate=True)

    def action_scroll(self, lines: int) -> None:
        self._jump_to(self._table_scroll.scroll_y + lines)

    def action_page(self, pages: int) -> None:
        scroll = self._table_scroll
        self._jump_to(scroll.scroll_y + pages * scroll.scrollable_content_region.height)

    def action_edge(self, bottom: bool) -> None:
        self._jump_to(self._table_scroll.max_scroll_y if bottom else 0)

    async def on_language_changed(self, message: LanguageChanged) -> None:
        await self.recompose()

    def action_close(self) -> None:
        self.dismiss()
