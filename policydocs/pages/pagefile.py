"""A Markdown page of the site: its front matter (with line numbers) and its body."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core import characters, textfile, yamlfile
from ..core.errors import ContentError


@dataclass
class PageText:
    path: Path
    meta: dict[str, Any]
    meta_lines: dict[str, int]
    body: str
    body_line: int  # line number of the body's first line in the file
    problems: list[ContentError] = field(default_factory=list)  # forbidden characters


def read(path: Path, display: str | None = None) -> PageText:
    """Read a page; non-UTF-8 or malformed front matter is a ContentError, not a traceback."""
    name = display or str(path)
    text = textfile.decode(path.read_bytes(), name, "save the page as UTF-8")
    text = text.replace("\r\n", "\n")
    page = parse(text, name, path)
    page.problems = characters.problems(text, name)
    return page


def parse(text: str, name: str, path: Path | None = None) -> PageText:
    if not text.startswith("---\n"):
        return PageText(path or Path(name), {}, {}, text, 1)
    end = text.find("\n---\n", 3)
    if end < 0:
        if text.rstrip().endswith("\n---"):
            end = len(text.rstrip()) - 4
        else:
            raise ContentError(name, 1, "front matter is not closed",
                               "end it with a line holding only ---")
    data = yamlfile.loads(text[4:end + 1], name, first_line=2) or {}
    if not isinstance(data, dict):
        raise ContentError(name, 2, "front matter must be a mapping of fields (key: value)")
    lines = getattr(data, "lines", {})
    meta_lines = {k: v + 1 for k, v in lines.items()}  # +1: the opening --- line
    body_start = end + 5
    body_line = text.count("\n", 0, body_start) + 1
    return PageText(path or Path(name), dict(data), meta_lines, text[body_start:], body_line)
