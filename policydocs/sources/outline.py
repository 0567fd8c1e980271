"""Outline levels for headings and stable ids for headings and units."""
from __future__ import annotations

from .labels import CIRCLED, ROMAN, TOP_LEVEL_MARKERS, roman


class Outline:
    """Gives headings levels from their markers, and outline ids (``s-2-1``)."""

    def __init__(self, overrides: dict[str, int]) -> None:
        self.stack: list[tuple[str, int, int | None]] = []  # (marker, level, last number)
        self.counters: list[int] = [0] * 8
        self.overrides = overrides
        self.plain_top = 1  # level of the last plain heading seen while no marker was open

    def level(self, text: str, marker_kind: str, number: int | None) -> int:
        """The level of a heading: its marker's place in this document's outline so far."""
        if text in self.overrides:
            level = self.overrides[text]
            self.stack = [e for e in self.stack if e[1] < level]
            return level
        deepest = self.stack[-1][1] if self.stack else 1
        if marker_kind == "plain":
            if not self.stack:
                self.plain_top = deepest + 1
            return deepest + 1
        if marker_kind in TOP_LEVEL_MARKERS:
            self.stack = [(marker_kind, 2, number)]
            return 2
        for i in range(len(self.stack) - 1, -1, -1):
            marker, level, last = self.stack[i]
            if marker != marker_kind:
                continue
            if number is None or last is None or number == last + 1:
                self.stack[i + 1:] = []
                self.stack[i] = (marker, level, number)
                return level
        same = [e for e in self.stack if e[0] == marker_kind]
        if same and number != 1:
            # Out of sequence: keep it beside the last heading of its kind.
            marker, level, _ = same[-1]
            self.stack = self.stack[:self.stack.index(same[-1])] + [(marker, level, number)]
            return level
        # A new kind of marker opens a level below the last marked heading; with none open,
        # below the plain heading that introduces it (JOINT ACTIONS > Pillar One).
        level = min(deepest + 1 if self.stack else self.plain_top + 1, 6)
        self.stack.append((marker_kind, level, number))
        return level

    def make_id(self, level: int, number: int | None = None) -> str:
        """``s-`` and the heading's place at each level. A numbered heading takes its own
        number ("1." is s-1 however many unnumbered headings come before it), so the two
        language versions of a text give the same point the same id."""
        if number is not None and number > self.counters[level]:
            self.counters[level] = number
        else:
            self.counters[level] += 1
        for deeper in range(level + 1, len(self.counters)):
            self.counters[deeper] = 0
        return "s-" + "-".join(str(self.counters[n]) for n in range(2, level + 1))



class UnitIds:
    """Stable ids for units: ``p-7`` for numbered paragraphs, ``<parent>-a`` / ``-ii`` /
    ``-n3`` (circled) / ``-b3`` (bullets) for items by their position (not their printed label, which may differ between the two
    language versions), ``<section>-p2`` for plain paragraphs."""

    def __init__(self, per_section: bool = False) -> None:
        self.per_section = per_section
        self.section = "intro"
        self.parents: dict[int, str] = {}
        self.counts: dict[str, int] = {}
        self.last_letter: dict[str, str] = {}

    def enter_section(self, section_id: str) -> None:
        self.section = section_id
        self.parents = {}

    def _next(self, key: str) -> int:
        self.counts[key] = self.counts.get(key, 0) + 1
        return self.counts[key]

    def numbered(self, number: str) -> str:
        # Numbered paragraphs that count on through the text (1 … 40) are p-N; where each
        # section numbers its own from 1, the section's id goes first (s-2-p-1).
        unit_id = f"{self.section}-p-{number}" if self.per_section else f"p-{number}"
        self.parents = {1: unit_id}
        return unit_id

    def item(self, label: str) -> tuple[str, int]:
        core = label.rstrip(".")
        parent1 = self.parents.get(1, self.section)
        is_roman = ROMAN.match(core) and not (
            len(core) == 1 and self.last_letter.get(parent1) == chr(ord(core) - 1))
        if core in CIRCLED or not is_roman:
            unit_id = f"{parent1}-{self._item_suffix(parent1, core)}"
            self.last_letter[parent1] = core
            self.parents[2] = unit_id
            return unit_id, 1
        parent2 = self.parents.get(2, parent1)
        return f"{parent2}-{roman(self._next(parent2))}", 2

    def _item_suffix(self, parent: str, core: str) -> str:
        n = self._next(parent)
        # Circled items get "n1", "n2": a bare number would clash with subsection ids.
        return f"n{n}" if core in CIRCLED else chr(ord("a") + n - 1)

    def bullet(self) -> str:
        parent = self.parents.get(1, self.section)
        return f"{parent}-b{self._next(parent)}"

    def paragraph(self) -> str:
        self.parents = {}
        return f"{self.section}-p{self._next(self.section + '-p')}"
