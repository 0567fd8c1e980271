"""Footnotes in the three styles the received texts use, turned into Markdown footnotes.

- ``<sup>N</sup>`` references with definitions in blocks that start with ``---``
  (a PDF's page-foot notes, dropped between the two halves of a paragraph);
- ``^{*N}`` references with ``*N text`` definition lines (white-paper PDFs);
- bare numbers glued to the text (``一致した10。``) with ``N text`` definitions at the end
  of the page (white-paper web pages).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.markdowntext import MD_REF
from .rawtext import Line
from .sourceurls import linkify

SUP_REF = re.compile(r"<sup>(\d+)</sup>")
SUP_DEF = re.compile(r"^<sup>(\d+)</sup>\s*(.*)$")
STAR_REF = re.compile(r"\^\{\*(\d+)\}")
STAR_DEF = re.compile(r"^\*(\d+)[ \u3000]+(.*)$")
BARE_DEF = re.compile(r"^(\d{1,3})[ \u3000]+(\S.*)$")
URL_LINE = re.compile(r"^(<https?://\S+>|\[https?://\S+\]\(https?://\S+\)|https?://\S+)$")
# A bare note number is glued to the word before it and is not part of a number, a date
# or a count (年, 月, 回 ...).
_BARE_BEFORE = r"(?<=[^\d\s０-９A-Za-z.,\-/:(（#])"
_BARE_AFTER = r"(?![\d０-９年月日回件名人か億万円%％.:／/-])"


@dataclass
class Note:
    label: str
    line: int
    parts: list[str] = field(default_factory=list)  # Markdown paragraphs of the note

    def add(self, text: str) -> None:
        text = linkify(text.strip())
        if text:
            self.parts.append(text)


@dataclass
class FootnoteResult:
    lines: list[Line]
    notes: list[Note]
    warnings: list[tuple[int, str]]


def extract(lines: list[Line]) -> FootnoteResult:
    """Remove note definitions from the lines and turn references into ``[^N]``."""
    lines = list(lines)
    notes = _take_sup_blocks(lines) + _take_star_defs(lines)
    bare = [] if notes else _take_bare_trailing(lines)
    lines = [Line(ln.no, STAR_REF.sub(r"[^\1]", SUP_REF.sub(r"[^\1]", ln.text))) for ln in lines]
    warnings: list[tuple[int, str]] = []
    if bare:
        _mark_bare_refs(lines, bare)
        notes = bare
    warnings += _check_pairs(lines, notes)
    return FootnoteResult(lines, notes, warnings)


def _blank(lines: list[Line], i: int) -> None:
    lines[i] = Line(lines[i].no, "")


def _take_sup_blocks(lines: list[Line]) -> list[Note]:
    notes: list[Note] = []
    i = 0
    while i < len(lines):
        if lines[i].text.strip() != "---":
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].text.strip():
            j += 1
        if j >= len(lines) or not SUP_DEF.match(lines[j].text.strip()):
            i += 1
            continue
        _blank(lines, i)
        current: Note | None = None
        k = j
        while k < len(lines):
            text = lines[k].text.strip()
            match = SUP_DEF.match(text)
            if match:
                current = Note(match.group(1), lines[k].no)
                current.add(match.group(2))
                notes.append(current)
            elif text and current is not None and URL_LINE.match(text):
                current.add(text)
            elif text:
                break
            _blank(lines, k)
            k += 1
        i = k
    return notes


def _take_star_defs(lines: list[Line]) -> list[Note]:
    notes = []
    for i, line in enumerate(lines):
        match = STAR_DEF.match(line.text.strip())
        if match:
            note = Note(match.group(1), line.no)
            note.add(match.group(2))
            notes.append(note)
            _blank(lines, i)
    return notes


def _take_bare_trailing(lines: list[Line]) -> list[Note]:
    """Numbered notes at the very end of the text, when they look like notes: consecutive
    numbers and at least one URL among them (a list of numbered headings has none)."""
    start = len(lines)
    while start > 0:
        text = lines[start - 1].text.strip()
        if text and not BARE_DEF.match(text) and not URL_LINE.match(text):
            break
        start -= 1
    notes: list[Note] = []
    for line in lines[start:]:
        text = line.text.strip()
        match = BARE_DEF.match(text)
        if match:
            notes.append(Note(match.group(1), line.no))
            notes[-1].add(match.group(2))
        elif text and notes:
            notes[-1].add(text)
    numbers = [int(n.label) for n in notes]
    consecutive = numbers == list(range(numbers[0], numbers[0] + len(numbers))) if numbers else False
    if not consecutive or not any("<http" in part for n in notes for part in n.parts):
        return []
    for i in range(start, len(lines)):
        _blank(lines, i)
    return notes


def _mark_bare_refs(lines: list[Line], notes: list[Note]) -> None:
    """Find each note's number glued to the text, in order, and make it ``[^N]``
    (a number not found is reported by ``_check_pairs`` as an unreferenced note)."""
    row, col = 0, 0
    for note in notes:
        pattern = re.compile(_BARE_BEFORE + re.escape(note.label) + _BARE_AFTER)
        for i in range(row, len(lines)):
            match = pattern.search(lines[i].text, col if i == row else 0)
            if match:
                text = lines[i].text
                lines[i] = Line(lines[i].no, f"{text[:match.start()]}[^{note.label}]"
                                             f"{text[match.end():]}")
                row, col = i, match.start() + len(note.label) + 3
                break


def _check_pairs(lines: list[Line], notes: list[Note]) -> list[tuple[int, str]]:
    labels = {n.label for n in notes}
    warnings = []
    seen: set[str] = set()
    for line in lines:
        for match in MD_REF.finditer(line.text):
            seen.add(match.group(1))
            if match.group(1) not in labels:
                warnings.append((line.no, f"reference [^{match.group(1)}] has no note text"))
    for note in notes:
        if note.label not in seen:
            warnings.append((note.line, f"note {note.label} is never referenced; "
                                        f"add [^{note.label}] where it belongs"))
    return warnings
