"""What the user's server-side filters (v2) say about showing a status in a place.

The server lists the filters a status matched in `Status.filtered`; each filter
names the contexts it applies to ("home", "notifications", "public", "thread",
"account"). Where a list shows statuses, it asks `verdict(status, context)`:
`hide` leaves the status out, `warn` collapses it behind the filters' titles,
`blur` hides its media. Pure: no Textual, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from tootui.models import FilterResult, Status

CONTEXTS = ("home", "notifications", "public", "thread", "account")


@dataclass(frozen=True, slots=True)
class Verdict:
    """How the filters that apply in one place treat one status."""

    hide: bool = False
    warn_titles: tuple[str, ...] = ()
    blur: bool = False

    @property
    def warns(self) -> bool:
        return bool(self.warn_titles)


SHOW = Verdict()


def applies(result: FilterResult, context: str | None) -> bool:
    """Whether a matched filter applies in `context`; None means anywhere
    (a list that does not say where it is), and so does a filter that names
    no context (a server that left it out)."""
    return context is None or not result.context or context in result.context


def verdict(status: Status, context: str | None) -> Verdict:
    """The filters of `status` (for a boost, of the boosted post too) in `context`."""
    results = status.filtered
    if status.reblog is not None:
        results = (*results, *status.reblog.filtered)
    if not results:
        return SHOW
    live = [r for r in results if applies(r, context)]
    if any(r.action == "hide" for r in live):
        return Verdict(hide=True)
    titles = tuple(dict.fromkeys(r.title for r in live if r.action == "warn"))
    return Verdict(warn_titles=titles, blur=any(r.action == "blur" for r in live))
