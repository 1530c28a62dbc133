"""The lines one status occupies in a status list, as Rich `Text`.

A status is drawn as: who boosted it (for a boost), a header (author, handle,
relative time), the wrapped body (what it replies to, its content warning, its
text, then media, card and poll), a line of counts and markers, and a blank
separator. Only the body is costly (HTML rendering and wrapping), so only it is
cached, by the list; the other lines are rebuilt when painted because they
change without the status's `cache_key` changing (the time goes stale, counts
and flags follow toggles).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from tootui.i18n import _, ngettext
from tootui.l10n import count, relative_time
from tootui.models import Status
from tootui.render.rendered import RenderedStatus
from tootui.render.sanitize import clean
from tootui.render.wrap import wrap

Renderer = Callable[[Status], RenderedStatus]


@dataclass(frozen=True, slots=True)
class Palette:
    """The styles the list paints with, resolved from its component classes."""

    time: Style
    meta: Style
    marker: Style
    more: Style


def make_renderer(local_domain: str | None) -> Renderer:
    """`render_status` with the account's own domain bound."""

    def render(status: Status) -> RenderedStatus:
        # Imported on first use: a warm start paints stored renderings, and the
        # HTML converter (BeautifulSoup, markdownify) costs a tenth of a second.
        from tootui.render.status import render_status

        return render_status(status, local_domain=local_domain)

    return render


def prefer_stored(renderer: Renderer,
                  stored: Callable[[Status], RenderedStatus | None]) -> Renderer:
    """`renderer`, except for statuses whose rendering `stored` already holds."""

    def render(status: Status) -> RenderedStatus:
        return stored(status) or renderer(status)

    return render


def one_line(value: str) -> str:
    """A server string made safe and kept on one line (names, handles)."""
    return " ".join(clean(value).split())


def fixed_line_count(status: Status) -> int:
    """Lines a status takes besides its body and extras."""
    boost = 1 if status.reblog is not None else 0
    return boost + 3  # header, counts, separator


def starts_hidden(status: Status) -> bool:
    """A content warning or sensitive media: shown only when the reader asks (`s`)."""
    original = status.original
    return bool(original.spoiler_text.strip()) or (
        original.sensitive and bool(original.media_attachments))


def filtered_line(titles: tuple[str, ...], palette: Palette) -> Text:
    """What a post collapsed by `warn` filters shows instead of itself."""
    names = ", ".join(one_line(title) or _("a filter") for title in titles)
    return Text(_("Filtered: {titles} · press s to show").format(titles=names),
                style=palette.more)


def body_lines(rendered: RenderedStatus, width: int, collapse_after: int | None,
               palette: Palette, *, hidden: bool = False,
               filtered: tuple[str, ...] = ()) -> list[Text]:
    """The body wrapped to `width`, its text cut after `collapse_after` lines.

    `hidden` keeps a content warning's text and media (or, without a warning,
    the sensitive media) out of sight, with a line saying how to show them;
    with the titles of the `warn` filters it matched (`filtered`), the whole
    body is out of sight, behind those titles.
    """
    width = max(width, 1)
    if hidden and filtered:
        return wrap(filtered_line(filtered, palette), width)
    lines: list[Text] = []
    for line in (rendered.reply_to, rendered.spoiler):
        if line is not None:
            lines.extend(wrap(line, width))
    if hidden and rendered.spoiler is not None:
        lines.extend(wrap(Text(_("[content hidden: press s to show]"), style=palette.more),
                          width))
        return lines
    extras = list(rendered.extras)
    if hidden and rendered.media_count:
        note = ngettext("[{n} sensitive attachment hidden: press s to show]",
                        "[{n} sensitive attachments hidden: press s to show]",
                        rendered.media_count).format(n=count(rendered.media_count))
        extras[:rendered.media_count] = [Text(note, style=palette.more)]
    body = wrap(rendered.body, width) if rendered.body.plain.strip() else []
    if collapse_after is not None and len(body) > collapse_after + 1:
        cut = len(body) - collapse_after
        body = body[:collapse_after]
        note = ngettext("… {n} more line", "… {n} more lines", cut).format(n=count(cut))
        body.append(Text(note, style=palette.more))
    lines.extend(body)
    for extra in extras:
        lines.extend(wrap(extra, width))
    return lines


def header_line(rendered: RenderedStatus, status: Status, width: int, palette: Palette,
                now: datetime | None = None) -> Text:
    """Author and handle on the left, the relative time on the right.

    The time is the rendering's (a notification row shows when it happened),
    else the post's.
    """
    when = relative_time(rendered.created_at or status.original.created_at, now)
    header = rendered.header.copy()
    room = width - (cell_len(when) + 1 if when else 0)
    if header.cell_len > room:
        header.truncate(max(room, 1), overflow="ellipsis")
    if when:
        header.pad_right(max(width - header.cell_len - cell_len(when), 1))
        header.append(when, style=palette.time)
    return header


MetaLine = Callable[[Status, "Palette"], Text]


def meta_line(status: Status, palette: Palette) -> Text:
    """Reply, boost and favourite counts, then what the user did to the status."""
    original = status.original
    line = Text(style=palette.meta)
    line.append(f"↩ {count(original.replies_count)}   ")
    line.append(f"⇄ {count(original.reblogs_count)}   ")
    line.append(f"★ {count(original.favourites_count)}")
    if original.edited_at is not None:
        # Says so, and where to look: `i` shows every version.
        line.append("   " + _("edited"))
    markers = [
        label
        for flag, label in (
            (original.favourited, _("favourited")),
            (original.reblogged, _("boosted")),
            (original.bookmarked, _("bookmarked")),
            (original.pinned, _("pinned")),
        )
        if flag
    ]
    if markers:
        line.append("   ")
        line.append(" · ".join(markers), style=palette.marker)
    return line
