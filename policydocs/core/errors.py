"""Errors about content that an editor can fix: always reported as ``file:line: message``."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from .invisible import visible  # messages quote text: keep controls out of logs


class ContentError(Exception):
    """A problem in a source, page or data file, with where it is and how to fix it."""

    def __init__(self, path: str | Path, line: int | None, message: str, hint: str = "") -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        self.hint = hint
        super().__init__(self.path, line, message, hint)  # str() is made when it is printed

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        return visible(f"{text}; {self.hint}" if self.hint else text)


SHOWN_PER_FILE = 50  # a reader fixes the first few; fifty thousand lines hide the others


def capped(problems: Iterable[ContentError], per_file: int = SHOWN_PER_FILE) -> Iterator[str]:
    """Problems as log lines, at most ``per_file`` for each file, then how many more it has.

    A page of 50,000 unused footnotes would otherwise log 50,000 lines, which takes longer
    than the build and buries the problems of every other file."""
    shown: Counter[str] = Counter()
    for problem in problems:
        shown[problem.path] += 1
        if shown[problem.path] <= per_file:
            yield str(problem)
    for path, count in shown.items():
        if count > per_file:
            yield visible(f"{path}: {count - per_file:,} more problems not shown; fix the "
                          "ones above and build again")
