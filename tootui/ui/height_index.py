"""Line offsets of variable-height items, in O(log n) per query and update.

A Fenwick (binary indexed) tree over the item heights: the status list asks
"which item holds line y?" for every line it paints and "where does item i
start?" for every cursor move, and corrects one item's height whenever it is
measured for the first time; all three stay logarithmic at 10,000 items.
"""

from __future__ import annotations

from collections.abc import Sequence


class HeightIndex:
    """Prefix sums over item heights (all heights >= 0)."""

    def __init__(self, heights: Sequence[int] = ()) -> None:
        self._heights: list[int] = []
        self._tree: list[int] = [0]
        self.reset(heights)

    def reset(self, heights: Sequence[int]) -> None:
        """Replace every height; O(n)."""
        self._heights = list(heights)
        n = len(self._heights)
        tree = [0, *self._heights]
        for i in range(1, n + 1):
            parent = i + (i & -i)
            if parent <= n:
                tree[parent] += tree[i]
        self._tree = tree
        self._top_bit = 1 << (n.bit_length() - 1) if n else 0

    def __len__(self) -> int:
        return len(self._heights)

    @property
    def heights(self) -> Sequence[int]:
        return self._heights

    def height(self, index: int) -> int:
        return self._heights[index]

    def set(self, index: int, height: int) -> None:
        """Change the height of item `index`; O(log n)."""
        delta = height - self._heights[index]
        if not delta:
            return
        self._heights[index] = height
        i = index + 1
        n = len(self._heights)
        while i <= n:
            self._tree[i] += delta
            i += i & -i

    def offset(self, index: int) -> int:
        """First line of item `index` (the sum of the heights before it)."""
        total = 0
        i = min(index, len(self._heights))
        while i > 0:
            total += self._tree[i]
            i -= i & -i
        return total

    @property
    def total(self) -> int:
        return self.offset(len(self._heights))

    def find(self, line: int) -> int:
        """The item that holds `line`: the last index whose offset <= line.

        Returns len(self) for a line past the end, and skips zero-height items.
        """
        if line < 0:
            return 0
        position = 0
        remaining = line
        bit = self._top_bit
        n = len(self._heights)
        while bit:
            step = position + bit
            if step <= n and self._tree[step] <= remaining:
                position = step
                remaining -= self._tree[step]
            bit >>= 1
        return position
