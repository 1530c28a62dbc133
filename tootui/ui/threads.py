"""Where statuses go in a thread pane: pure functions over our models."""

from __future__ import annotations

from collections.abc import Sequence

from tootui.models import Context, Status


def thread_rows(focus: Status, context: Context) -> tuple[list[Status], list[int], int]:
    """The thread as rows: statuses, their reply depths, and the focus's position.

    Ancestors and the focused status sit at depth 0 (a chain reads as one
    column); each descendant is one deeper than the status it replies to.
    """
    statuses = [*context.ancestors, focus]
    depths = [0] * len(statuses)
    level = {focus.id: 0}
    for status in context.descendants:
        # A reply to something outside the context (deleted, hidden) hangs
        # under the focused status rather than vanishing.
        depth = level.get(status.in_reply_to_id or "", 0) + 1
        level[status.id] = depth
        statuses.append(status)
        depths.append(depth)
    return statuses, depths, len(context.ancestors)


def reply_position(statuses: Sequence[Status], depths: Sequence[int],
                   parent_id: str) -> tuple[int, int] | None:
    """Where a new reply to `parent_id` goes: after the parent's replies, one deeper.

    None when the parent is not in the thread.
    """
    for index, status in enumerate(statuses):
        if status.id == parent_id:
            depth = depths[index]
            end = index + 1
            while end < len(statuses) and depths[end] > depth:
                end += 1
            return end, depth + 1
    return None
