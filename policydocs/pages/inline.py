"""How one stretch of page Markdown reads inline: its links, autolinks, bare URLs and its
plain text.

The checks (links, bare URLs), the translation lock and the exports (a unit's plain text)
and the fidelity report (a page's visible text) all read inline Markdown through these
functions, so they agree on what is a link and what a reader sees.

Every pattern here runs on text an editor wrote, so each runs in time linear in the line:
a run of characters that may not hold the next opener ("[^\\[\\]]" after "[") stops where
the next match could begin, so a line of a million openers is not scanned a million times.
"""
from __future__ import annotations

import functools
import re

from ..core.markdowntext import MD_REF

# The "](target)" half of a Markdown link; ``links`` finds the "[" that opens its text.
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>\]]+(?:\s[^)\]]*)?)>?\s*\)")
# One run of [^>]* after the scheme: two adjacent runs of overlapping classes backtrack in
# time quadratic in a long line with no '>'.
AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]*:[^<>]*)>")
_WEB_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")  # runs exclude their opener: linear
# A URL not opened by <, (, [, a quote or =, nor glued to a word. The checks of the
# character before come after the literal "http", so the search jumps from one "http"
# to the next instead of testing every position (30 times faster on a large site).
BARE_URL = re.compile(r"https?://(?<![\w<(\[\"'=]https://)(?<![\w<(\[\"'=]http://)\S+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))  # what ``escape_inline`` writes


def links(line: str) -> list[tuple[int, int, str]]:
    """(start, end, target) of each Markdown link of ``line``, images left out. The text's
    opening bracket is found by walking back from "](" no further than the previous link,
    so the work is linear in the line (one pattern for the whole link backtracks from every
    "[" of a line full of brackets)."""
    found, floor = [], 0
    for match in _LINK_TARGET.finditer(line):
        start = _opening_bracket(line, match.start(), floor)
        if start is None:
            continue
        if start > 0 and line[start - 1] == "!":
            continue  # an image: it may sit inside a link's text, so the floor stays
        found.append((start, match.end(), match.group(1).strip()))
        floor = match.end()
    return found


def _opening_bracket(line: str, close: int, floor: int) -> int | None:
    depth = 0
    for i in range(close - 1, floor - 1, -1):
        if line[i] == "]":
            depth += 1
        elif line[i] == "[":
            if depth == 0:
                return i
            depth -= 1
    return None


def without_links(line: str) -> str:
    """``line`` with its Markdown links and autolinks blanked out."""
    parts, last = [], 0
    for start, end, _ in links(line):
        parts += [line[last:start], " "]
        last = end
    return AUTOLINK.sub(" ", "".join(parts) + line[last:])


def bare_urls(line: str) -> list[str]:
    """URLs of ``line`` written as text, outside any link: they would not be clickable."""
    if "http" not in line:
        return []
    return [m.group(0) for m in BARE_URL.finditer(without_links(line))]


def _link_texts(text: str) -> str:
    """``text`` with each link ``[words](target)`` reduced to its words."""
    parts, last = [], 0
    for line_start, line in _line_starts(text):
        for start, end, _ in links(line):
            close = line.rfind("](", start, end)
            parts += [text[last:line_start + start], line[start + 1:close]]
            last = line_start + end
    return "".join(parts) + text[last:]


def _line_starts(text: str):
    at = 0
    for line in text.split("\n"):
        yield at, line
        at += len(line) + 1


@functools.lru_cache(maxsize=65536)  # the lock check and the export both ask, every build
def plain(markdown_text: str, notes: bool = False) -> str:
    """What a reader sees of a stretch of inline Markdown: link words without targets, no
    emphasis markers, no escapes, whitespace collapsed. Footnote markers are dropped, or
    kept as their label with ``notes`` (to compare with a source that numbers its notes)."""
    text = markdown_text  # each substitution only where its marker occurs: most units are plain
    if "[^" in text:
        text = MD_REF.sub(r"\1" if notes else "", text)
    if "<" in text:
        text = _WEB_AUTOLINK.sub(r"\1", text)
    if "](" in text:
        text = _link_texts(text)
    text = text.replace("**", "").replace("__", "")
    if "&" in text:
        for entity, char in _ENTITIES:
            text = text.replace(entity, char)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return " ".join(text.split())  # str.split() and re's \s know the same whitespace
