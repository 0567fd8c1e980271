"""The longest in-order matching of two sequences, for reports that must not let one miss
hide the rest (a lost label, an entry missing from an outline)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")


def matching(left: Sequence[A], right: Sequence[B], same: Callable[[A, B], bool]
             ) -> list[tuple[int, int]]:
    """Index pairs (i, j) of a longest common subsequence under ``same``, in order."""
    n, m = len(left), len(right)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = (best[i + 1][j + 1] + 1 if same(left[i], right[j])
                          else max(best[i + 1][j], best[i][j + 1]))
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if same(left[i], right[j]) and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs
