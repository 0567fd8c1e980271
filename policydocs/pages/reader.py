"""The reading of a page's Markdown body that the checks, the exports, the glossary and the unit scan share.

One walk over the lines, cached per body: which lines are outside code fences, their text
without code spans, the headings, the links, and the footnote references and definitions
with their lines (a definition's continuation lines, indented four spaces, belong to it).
Each consumer used to walk the lines with its own patterns, and they disagreed on fences
and on labels. (Units and their ids are read by ``units.scan``; inline text by ``inline``.)
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import inline

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"`[^`]*`")
FOOTNOTE_DEF = re.compile(r"^\[\^([^\[\]\s]+)\]:[ \t]?")
FOOTNOTE_REF = re.compile(r"\[\^([^\[\]\s]+)\](?!:)")  # no bracket in a label: linear
HEADING = re.compile(r"(#{1,6})[ \t]+(.+)$")  # an ATX heading; no lazy run: linear


def is_fence(line: str) -> bool:
    """A line that opens or closes a fenced code block (the substring test first: most
    lines are text, and it is cheaper than the pattern)."""
    return ("```" in line or "~~~" in line) and FENCE.match(line) is not None


@dataclass(frozen=True)
class Footnote:
    label: str
    line: int
    text: str  # the definition, continuation lines joined with "\n"


@dataclass(frozen=True)
class Reading:
    lines: tuple[tuple[int, str], ...]  # (line number, text) outside code fences
    text_lines: tuple[tuple[int, str], ...]  # the same, without code spans
    references: tuple[tuple[str, int], ...]  # (label, line) of each [^label] in the text
    definitions: tuple[Footnote, ...]
    headings: tuple[tuple[int, int, str], ...]  # (line, level, text with its attribute list)
    links: tuple[tuple[int, str, str], ...]  # (line, target, "link" | "autolink")

    @functools.cached_property
    def text(self) -> str:
        """The text lines in one string: a check whose marker is nowhere in it (most pages
        have no footnote, most no bare URL) skips the line-by-line pass."""
        return "\n".join(line for _, line in self.text_lines)


def outside_fences(body: str, first_line: int) -> list[tuple[int, str]]:
    """(line number, text) of every line outside code fences (the fence lines excluded)."""
    lines: list[tuple[int, str]] = []
    fenced = False
    for offset, line in enumerate(body.split("\n")):
        if is_fence(line):
            fenced = not fenced
        elif not fenced:
            lines.append((first_line + offset, line))
    return lines


def read(body: str, first_line: int) -> Reading:
    """The whole reading; a page keeps its own (``PageRecord.reading``), made once."""
    lines = outside_fences(body, first_line)
    text_lines = tuple((no, CODE_SPAN.sub("", line)) for no, line in lines)
    references, definitions = _footnotes(text_lines)
    return Reading(tuple(lines), text_lines, references, definitions,
                   _headings(lines), _links(text_lines))


def _headings(lines: list[tuple[int, str]]) -> tuple[tuple[int, int, str], ...]:
    found = []
    for no, line in lines:
        heading = HEADING.match(line) if line.startswith("#") else None
        if heading:
            found.append((no, len(heading.group(1)), heading.group(2).strip()))
    return tuple(found)


def _links(text_lines: tuple[tuple[int, str], ...]) -> tuple[tuple[int, str, str], ...]:
    found: list[tuple[int, str, str]] = []
    for no, line in text_lines:
        if "](" in line:  # most lines have no link: skip the patterns
            found += [(no, target, "link") for _, _, target in inline.links(line)]
        if "<" in line:
            found += [(no, m.group(1), "autolink") for m in inline.AUTOLINK.finditer(line)]
    return tuple(found)


def _footnotes(text_lines: tuple[tuple[int, str], ...]
               ) -> tuple[tuple[tuple[str, int], ...], tuple[Footnote, ...]]:
    references: list[tuple[str, int]] = []
    definitions: list[list] = []  # [label, line, [text lines]]
    current: list | None = None
    for no, line in text_lines:
        definition = FOOTNOTE_DEF.match(line)
        if definition:
            current = [definition.group(1), no, [line[definition.end():]]]
            definitions.append(current)
            line = line[definition.end():]
        elif current is not None and line.startswith("    "):
            current[2].append(line.strip())
        elif line.strip():
            current = None
        references += [(ref.group(1), no) for ref in FOOTNOTE_REF.finditer(line)]
    return tuple(references), tuple(Footnote(label, no, "\n".join(text))
                                    for label, no, text in definitions)
