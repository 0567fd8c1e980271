"""Structural fidelity: every numbering of the received text comes out as units of its own.

Character fidelity cannot see a merged item: "6. … 7.5G …" keeps every character when item 7
is swallowed by item 6. So the received lines are read here on their own terms: each line
that starts with a label (1., (1), ア, (a), ①, Annex 2 …) is noted, labels of one kind that
count on (1, 2, 3 …) form a sequence, and each member of a sequence must begin a heading or a
unit of the page, in order, one each. Misses are listed by source line.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..core import inorder
from ..pages import pagefile, units
from .labels import NUM_DOT_BEFORE_DIGIT, label_of, marker_label, marker_of
from .rawtext import Line

MIN_SEQUENCE = 2  # a label alone ("1." and no "2.") is no numbering


@dataclass(frozen=True)
class SourceLabel:
    line: int
    kind: str
    label: str  # as printed, normalised
    number: int


@dataclass
class LabelReport:
    labels: list[SourceLabel] = field(default_factory=list)
    missing: list[SourceLabel] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.labels)

    @property
    def share(self) -> float:
        return 100.0 * (self.total - len(self.missing)) / self.total if self.total else 100.0


def norm_label(label: str) -> str:
    return re.sub(r"[\s:：]", "", unicodedata.normalize("NFKC", label))


def read_label(text: str, expect: dict[str, int] | None = None
               ) -> tuple[str, str, int | None] | None:
    """The label a line starts with: (kind, label, number); ``expect`` holds the next
    number of each kind, for "7.5G…" (item 7 whose text starts with a digit)."""
    text = re.sub(r"\\(?=[.\-+*#()])", "", text.strip())
    found = label_of(text)
    if found is not None:
        return found[0], norm_label(found[1]), found[2]
    match = NUM_DOT_BEFORE_DIGIT.match(text)
    if match and expect is not None and int(match.group("n")) == expect.get("num-dot"):
        return "num-dot", norm_label(match.group("n") + "."), int(match.group("n"))
    marker = marker_of(text)
    if marker is not None and marker[1] is not None:
        return marker[0], norm_label(marker_label(text) or text), marker[1]
    return None


def source_labels(lines: list[Line]) -> list[SourceLabel]:
    """The labels of the received text that belong to a numbering (a sequence of two or
    more counting on by one), in line order."""
    open_runs: dict[str, list[list[SourceLabel]]] = {}
    runs: list[list[SourceLabel]] = []
    expect: dict[str, int] = {}
    for line in lines:
        found = read_label(line.text, expect)
        if found is None or found[2] is None:
            continue
        kind, label, number = found
        label_here = SourceLabel(line.no, kind, label, number)
        run = next((r for r in reversed(open_runs.get(kind, [])) if r[-1].number == number - 1),
                   None)
        if run is None:
            run = []
            open_runs.setdefault(kind, []).append(run)
            runs.append(run)
        run.append(label_here)
        expect[kind] = number + 1
    chosen = [label for run in runs if len(run) >= MIN_SEQUENCE for label in run]
    return sorted(chosen, key=lambda s: s.line)


def page_labels(markdown: str, name: str = "page") -> list[str]:
    """The labels that begin the page's headings and units (as the corpus scan reads
    them), in order."""
    page = pagefile.parse(markdown, name)
    found_units, _ = units.scan(page.body, page.body_line, name)
    out = []
    for unit in found_units:
        found = read_label(unit.text.strip().split("\n", 1)[0])
        if found is not None:
            out.append(found[1])
    return out


def check(lines: list[Line], page_texts: list[str]) -> LabelReport:
    report = LabelReport(source_labels(lines))
    on_page = [label for text in page_texts for label in page_labels(text)]
    # In order, as a longest common subsequence: one lost label does not hide the rest.
    matched = {i for i, _ in inorder.matching(report.labels, on_page,
                                              lambda s, label: s.label == label)}
    report.missing = [s for i, s in enumerate(report.labels) if i not in matched]
    return report
