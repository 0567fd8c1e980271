"""Limits on the shape of a page, checked before Python-Markdown sees it.

Python-Markdown parses nested blocks recursively and some inline patterns backtrack: a list
nested 300 levels deep ends in RecursionError, 2,000 levels of indentation take half a minute,
5,000 nested emphasis marks or ``<div markdown>`` blocks overflow the stack, and thousands
of unclosed ``[`` or ``<`` take minutes (``openers``). No policy text needs any of that, so a page past
these limits is refused with its line, and the hook renders a notice in its place.
One pass over the lines, linear in the page.
"""
from __future__ import annotations

import re

from ..core.errors import ContentError
from .reader import is_fence
from . import openers

MAX_INDENT = 64  # columns of leading white space: 16 levels of 4-space nesting
MAX_QUOTE = 16  # nested block quotes ("> > >")
MAX_HTML_DEPTH = 32  # open block-level HTML elements (md_in_html nests them)
MAX_RUN = 32  # one emphasis or bracket mark repeated in a row ("*****", "[[[[")
MAX_LINE = 100_000  # characters in one line: about 30 times the longest paragraph we hold
MAX_SPACES = 128  # spaces or tabs in a row inside a line (attr_list scans each for a "{")

_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]*)+")
_OPEN = re.compile(r"<(div|details|section|blockquote|table|ul|ol|dl|figure|aside)\b", re.I)
_CLOSE = re.compile(r"</(div|details|section|blockquote|table|ul|ol|dl|figure|aside)\s*>", re.I)
_RUN = re.compile(r"([*_\[\]~^`{])\1{%d,}" % MAX_RUN)
_SPACES = re.compile(r"(?<=[^ \t])[ \t]{%d,}" % (MAX_SPACES + 1))


def problems(body: str, first_line: int, path: str) -> list[ContentError]:
    """The first problem of each kind in ``body`` (one is enough to refuse the page)."""
    found: dict[str, ContentError] = {}
    depth, fenced = 0, False
    for number, line in enumerate(body.split("\n"), first_line):
        if is_fence(line):
            fenced = not fenced
        for kind, message, hint in _line_problems(line, fenced):
            found.setdefault(kind, ContentError(path, number, message, hint))
        if not fenced and "<" in line:
            depth += len(_OPEN.findall(line)) - len(_CLOSE.findall(line))
            if depth > MAX_HTML_DEPTH:
                found.setdefault("html", ContentError(
                    path, number, f"HTML blocks are nested more than {MAX_HTML_DEPTH} deep",
                    "close the elements you open; pages need no such depth"))
    found.update((f"openers{i}", e) for i, e in enumerate(openers.problems(body, first_line, path)))
    return sorted(found.values(), key=lambda e: e.line or 0)


def _line_problems(line: str, fenced: bool) -> list[tuple[str, str, str]]:
    out = []
    if len(line) > MAX_LINE:
        out.append(("line", f"the line is {len(line):,} characters long (at most {MAX_LINE:,})",
                    "break it into paragraphs"))
    if fenced:
        return out
    indent = len(line) - len(line.lstrip(" \t"))
    if indent and len(line[:indent].expandtabs(4)) > MAX_INDENT:
        out.append(("indent", f"the line is indented {len(line[:indent].expandtabs(4))} "
                    f"columns (lists nest at most {MAX_INDENT // 4} levels)",
                    "flatten the list or remove the indentation"))
    quote = _QUOTE.match(line) if ">" in line[:indent + 1] else None
    if quote and quote.group().count(">") > MAX_QUOTE:
        out.append(("quote", f"block quotes are nested {quote.group().count('>')} deep "
                    f"(at most {MAX_QUOTE})", "remove the extra '>' marks"))
    run = _RUN.search(line)
    if run and not _is_rule(line):
        out.append(("run", f"'{run.group(1)}' is repeated {len(run.group())} times in a row "
                    f"(at most {MAX_RUN})", "write the text without the repeated marks, or "
                    "escape them (\\*)"))
    spaces = _SPACES.search(line, indent)
    if spaces:
        out.append(("spaces", f"{len(spaces.group()):,} spaces or tabs in a row (at most "
                    f"{MAX_SPACES})", "one space separates words; align tables with '|' only"))
    return out


def _is_rule(line: str) -> bool:
    """A horizontal rule (``***``, ``___``) of any length is one mark repeated, and harmless."""
    return len(set(line.strip().replace(" ", ""))) == 1


NOTICE = {
    "ja": "このページは公開できません。内容がサイトの制限を超えています（ビルドのログを参照）。",
    "en": "This page cannot be published: its text exceeds the site's limits (see the build "
          "log).",
}
