"""Characters no text of the site may hold: invisible controls and bidi overrides.

Pages, data files and received sources are checked with one pattern, in time linear in the
text. Refused, each with its line and name:

- C0 controls other than tab and newline (a carriage return only where it ends a line),
  DEL, and the C1 controls U+0080-U+009F: invisible, and ill-formed in XML (the TMX export);
- the bidi embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, which reorder
  what a reader sees against what the text holds ("Trojan Source", CVE-2021-42574);
- Unicode noncharacters (U+FDD0-U+FDEF and the last two code points of every plane).

The marks U+200E/U+200F (LRM/RLM) are allowed: they change no order of stored text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .errors import ContentError
from .invisible import FORBIDDEN, visible

# Names Unicode gives none of (controls, noncharacters): the ones an editor would search for.
_NAMES = {
    "\x00": "NULL", "\x07": "BELL", "\x08": "BACKSPACE", "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED", "\r": "CARRIAGE RETURN", "\x1b": "ESCAPE", "\x7f": "DELETE",
    "\x85": "NEXT LINE",
}


def name(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: the code point and its name, for messages."""
    code = f"U+{ord(char):04X}"
    label = _NAMES.get(char) or unicodedata.name(char, "")
    if not label:
        label = "control character" if unicodedata.category(char) == "Cc" else "noncharacter"
    return f"{code} {label}"


@dataclass(frozen=True)
class Found:
    line: int  # 1-based, counted from the text's first line
    column: int  # 1-based
    char: str


def find(text: str, first_line: int = 1, limit: int = 1000) -> list[Found]:
    """The forbidden characters of ``text`` in order, the first ``limit`` of them (a file of
    nothing but controls needs no million messages)."""
    if FORBIDDEN.search(text) is None:  # the common case: one pass in C
        return []
    found, line, line_start, scanned = [], first_line, 0, 0
    for match in FORBIDDEN.finditer(text):
        start = match.start()
        newlines = text.count("\n", scanned, start)
        if newlines:  # look back only over what lies since the last match: linear
            line += newlines
            line_start = text.rfind("\n", scanned, start) + 1
        scanned = start
        found.append(Found(line, start - line_start + 1, match.group()))
        if len(found) == limit:
            break
    return found


def problems(text: str, path: str, first_line: int = 1,
             what: str = "the text") -> list[ContentError]:
    """One ContentError per line that holds forbidden characters, naming each kind once."""
    by_line: dict[int, list[Found]] = {}
    for item in find(text, first_line):
        by_line.setdefault(item.line, []).append(item)
    out = []
    for line, items in by_line.items():
        kinds = list(dict.fromkeys(i.char for i in items))
        listed = ", ".join(f"{name(c)} (column {next(i.column for i in items if i.char == c)})"
                           for c in kinds)
        out.append(ContentError(path, line, f"{what} holds an invisible or reordering "
                                f"character: {listed}", "delete it (retype the text around it "
                                "if it was pasted)"))
    return out


def check(text: str, path: str, first_line: int = 1, what: str = "the text") -> None:
    """Raise the first problem ``problems`` finds."""
    found = problems(text, path, first_line, what)
    if found:
        raise found[0]
