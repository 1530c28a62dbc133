"""Painting a status list's lines: from rendered statuses to full-width strips.

The costly part of a status (HTML rendered, wrapped, turned into segments) is
cached per (`cache_key`, text width, pane width), both bare and ready to paint,
so that scrolling through statuses seen before only copies strips. The header
and the counts line are built when painted: the relative time goes stale and
counts follow toggles without the `cache_key` changing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.strip import Strip

from tootui.render.rendered import RenderedStatus
from tootui.render.wrap import wrap
from tootui.ui.status_layout import GUTTER, INDENT, MAX_DEPTH, StatusLayout
from tootui.ui.status_lines import (
    MetaLine,
    Palette,
    Renderer,
    body_lines,
    header_line,
    meta_line,
)

CACHE_SIZE = 2048  # statuses whose rendered lines are kept
# (cache key, text width, pane width, hidden, titles of the filters it hides behind)
_BodyKey = tuple[tuple[str, str], int, int, bool, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class PaintStyles:
    """The list's styles, resolved once per theme rather than once per line."""

    palette: Palette
    base: Style
    cursor: Style
    cursor_blurred: Style
    bar: Style
    placeholder: Style

    @classmethod
    def resolve(cls, base: Style, component: Callable[[str], Style]) -> PaintStyles:
        """The styles of a list whose own style is `base`, its component classes by name."""
        return cls(
            palette=Palette(
                time=component("status-list--time"),
                meta=component("status-list--meta"),
                marker=component("status-list--marker"),
                more=component("status-list--more"),
            ),
            base=base,
            cursor=base + component("status-list--cursor"),
            cursor_blurred=base + component("status-list--cursor-blurred"),
            bar=component("status-list--bar"),
            placeholder=base + component("status-list--placeholder"),
        )


@dataclass(frozen=True, slots=True)
class _Body:
    """A status's wrapped body: bare, and ready to paint when not selected."""

    raw: list[Strip]
    painted: list[Strip]


class StatusPainter:
    """Lines of the statuses in `layout`, rendered through `renderer` on demand."""

    def __init__(self, layout: StatusLayout, renderer: Renderer,
                 console: Callable[[], Console], styles: Callable[[], PaintStyles],
                 meta: MetaLine = meta_line) -> None:
        self._layout = layout
        self._meta_line = meta
        self._render_status = renderer
        self._console = console
        self._styles = styles
        self._rendered: LRUCache[tuple[str, str], RenderedStatus] = LRUCache(CACHE_SIZE)
        self._bodies: LRUCache[_BodyKey, _Body] = LRUCache(CACHE_SIZE)
        self._placeholder_key: tuple[str, int] | None = None
        self._placeholder_lines: list[Text] = []

    def restyled(self) -> None:
        """The theme changed: painted lines carry the old styles."""
        self._bodies.clear()

    def relanguaged(self) -> None:
        """The interface language changed: rendered labels ("Image", "⇄ … boosted") are stale."""
        self._rendered.clear()
        self._bodies.clear()

    def forget(self, index: int) -> None:
        """Drop what is cached for status `index`, before it is replaced.

        What is drawn can change without an edit (a poll's votes), so a new
        version always renders afresh, whatever its `cache_key` says.
        """
        self._rendered.discard(self._layout.statuses[index].cache_key)
        self._bodies.discard(self._body_key(index))

    def body_height(self, index: int) -> int:
        return len(self._body(index).raw)

    def _rendered_for(self, index: int) -> RenderedStatus:
        status = self._layout.statuses[index]
        rendered = self._rendered.get(status.cache_key)
        if rendered is None:
            rendered = self._render_status(status)
            self._rendered.set(status.cache_key, rendered)
        return rendered

    def _body_key(self, index: int) -> _BodyKey:
        layout = self._layout
        # The filter titles are in the key: a filter renamed since changes the body.
        return (layout.statuses[index].cache_key, layout.text_width(index), layout.width,
                layout.is_hidden(index), layout.filter_titles(index))

    def _body(self, index: int) -> _Body:
        key = self._body_key(index)
        body = self._bodies.get(key)
        if body is None:
            lines = body_lines(self._rendered_for(index), self._layout.text_width(index),
                               self._layout.collapse_after, self._styles().palette,
                               hidden=self._layout.is_hidden(index),
                               filtered=self._layout.filter_titles(index))
            raw = [self._strip(line) for line in lines]
            body = _Body(raw, [self._finish(index, strip, None) for strip in raw])
            self._bodies.set(key, body)
        return body

    def content_row(self, index: int, row: int) -> Strip:
        """Line `row` of status `index`, without gutter, indent or widget styles."""
        status = self._layout.statuses[index]
        text_width = self._layout.text_width(index)
        rendered = self._rendered_for(index)
        palette = self._styles().palette
        if status.reblog is not None:
            if row == 0:
                line = (rendered.boosted_by or Text()).copy()
                line.truncate(text_width, overflow="ellipsis")
                return self._strip(line)
            row -= 1
        if row == 0:
            return self._strip(header_line(rendered, status, text_width, palette))
        body = self._body(index).raw
        row -= 1
        if row < len(body):
            return body[row]
        if row == len(body):
            return self._strip(self._meta_line(status, palette))
        return Strip.blank(0)

    def line(self, index: int, row: int, *, selected: bool, focused: bool) -> Strip:
        """Line `row` of status `index` as painted, the full width of the pane."""
        layout = self._layout
        styles = self._styles()
        height = layout.height(index)
        # The blank separator under a status stays unmarked, so that two
        # neighbours never look like one block.
        if selected and row < height - 1:
            cursor = styles.cursor if focused else styles.cursor_blurred
            return self._finish(index, self.content_row(index, row), cursor)
        body_start = 2 if layout.statuses[index].reblog is not None else 1
        body = self._body(index)
        if body_start <= row < body_start + len(body.painted):
            return body.painted[row - body_start]
        if row >= height - 1:
            return Strip.blank(layout.width, styles.base)
        return self._finish(index, self.content_row(index, row), None)

    def placeholder_line(self, text: str, y: int) -> Strip:
        """Line `y` of the message an empty list shows."""
        styles = self._styles()
        width = self._layout.width
        key = (text, width)
        if self._placeholder_key != key:  # wrapped once, not once per line painted
            self._placeholder_key = key
            self._placeholder_lines = wrap(Text(text), width - GUTTER) if text else []
        lines = self._placeholder_lines
        if y >= len(lines):
            return Strip.blank(width, styles.base)
        strip = self._strip(Text(" " * GUTTER) + lines[y])
        return strip.apply_style(styles.placeholder).crop_extend(0, width, styles.base)

    def _strip(self, text: Text) -> Strip:
        console = self._console()
        segments = list(text.render(console))
        if text.style and not text.spans:
            # Rich's Text.render drops a text's own style when it has no spans
            # (its callers apply it); a line in one style (counts, "… more lines")
            # would otherwise be drawn plain.
            segments = list(Segment.apply_style(segments, console.get_style(text.style)))
        return Strip(segments, text.cell_len)

    def _finish(self, index: int, content: Strip, cursor: Style | None) -> Strip:
        """Gutter, indent and widget style around a content line, cut to the width."""
        styles = self._styles()
        base = cursor or styles.base
        if cursor is not None:
            gutter = Strip([Segment("▌", base + styles.bar), Segment(" ", base)], GUTTER)
        else:
            gutter = Strip.blank(GUTTER, base)
        indent = Strip.blank(INDENT * min(self._layout.depths[index], MAX_DEPTH), base)
        width = self._layout.width
        return Strip.join([gutter, indent, content.apply_style(base)]).crop_extend(0, width, base)
