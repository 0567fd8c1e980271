"""Errors about content that an editor can fix: always reported as ``file:line: message``."""
from __future__ import annotations

from pathlib import Path


class ContentError(Exception):
    """A problem in a source, page or data file, with where it is and how to fix it."""

    def __init__(self, path: str | Path, line: int | None, message: str, hint: str = "") -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        from .characters import visible  # messages quote the text: keep controls out of logs

        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        return visible(f"{text}; {self.hint}" if self.hint else text)
