"""The outline the importer found in a text, for an editor to review before publishing.

``entries`` flattens a document model into rows (kind, label, level, id, source line, first
words); ``compare`` holds them to an outline an editor wrote by hand, so a test corpus of
real texts can say exactly where the importer's reading differs from a careful human's.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..core import inorder
from .labels import label_of, marker_label, strip_marker
from .model import Document, Heading, Unit

FIRST_WORDS = 24


@dataclass(frozen=True)
class Entry:
    kind: str  # heading | para | item | bullet | date | figure | context | verbatim
    label: str
    level: int  # heading level (1 = title); item depth
    id: str
    line: int
    text: str  # without the label

    def row(self) -> str:
        kind = f"h{self.level}" if self.kind == "heading" else self.kind
        words = self.text if len(self.text) <= FIRST_WORDS else self.text[:FIRST_WORDS] + "…"
        return f"{self.line:>5}  {kind:<8} {self.label:<6} {self.id:<16} {words}"


def entries(doc: Document) -> list[Entry]:
    rows = [_heading(doc.title)]
    for block in doc.blocks:
        rows.append(_heading(block) if isinstance(block, Heading) else _unit(block))
    return rows


def _heading(block: Heading) -> Entry:
    label = label_of(block.text)
    if label is not None:  # a numbered heading ("1.日EU・ICT政策対話")
        return Entry("heading", label[1], block.level, block.id, block.line, label[3])
    printed = marker_label(block.text)
    rest = strip_marker(block.text) if printed and printed != block.text.strip() else block.text
    return Entry("heading", printed if rest != block.text else "", block.level, block.id,
                 block.line, rest)


def _unit(block: Unit) -> Entry:
    kind = block.kind
    if kind == "item" and not block.label:
        kind = "bullet"
    return Entry(kind, block.label, block.depth, block.id, block.line, block.text)


def render(rows: list[Entry]) -> str:
    head = f"{'line':>5}  {'kind':<8} {'label':<6} {'id':<16} first words"
    return "\n".join([head] + [r.row() for r in rows])


# --- holding an outline to the one an editor expects ------------------------------------

def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\[\^[^\]]+\]|\\(?=[^\w\s])", "", text)
    return re.sub(r"\s+", "", text).casefold()


def _expected_key(item: dict[str, Any]) -> tuple[str, str, str]:
    if "h" in item:
        return f"h{item['h']}", _norm(str(item.get("label", ""))), _norm(str(item["text"]))
    for kind in ("p", "bullet", "date", "figure", "context"):
        if kind in item:
            return kind, "", _norm(str(item[kind]))
    if "item" in item and "text" in item:  # {item: "(a)", text: first words}
        return "item", _norm(str(item["item"])), _norm(str(item["text"]))
    if "item" in item:
        return "item", _norm(str(item.get("label", ""))), _norm(str(item["item"]))
    raise ValueError(f"unknown outline entry {item!r}")


def _actual_key(row: Entry) -> tuple[str, str, str]:
    if row.kind == "heading":
        return f"h{row.level}", _norm(row.label), _norm(row.text)
    if row.kind in ("para", "item") and row.label:
        return "item", _norm(row.label), _norm(row.text)
    kind = {"para": "p"}.get(row.kind, row.kind)
    return kind, "", _norm(row.text)


def _same(want: tuple[str, str, str], got: tuple[str, str, str]) -> bool:
    if want[0] != got[0] or want[1] != got[1]:
        return False
    return got[2].startswith(want[2][:40]) if want[2] else True


@dataclass
class Comparison:
    expected: int
    matched: int
    misses: list[str]

    @property
    def share(self) -> float:
        return 100.0 * self.matched / self.expected if self.expected else 100.0


def compare(rows: list[Entry], expected: list[dict[str, Any]]) -> Comparison:
    """How many expected entries the outline has, in order; each miss described."""
    body = [r for r in rows[1:] if r.kind != "verbatim"]
    want = [_expected_key(e) for e in expected]
    got = [_actual_key(r) for r in body]
    pairs = inorder.matching(want, got, _same)
    misses: list[str] = []
    i = j = 0
    for pi, pj in pairs + [(len(want), len(got))]:
        misses += [f"missing {_show(w)}" for w in want[i:pi]]
        misses += [f"unexpected {_show(g)} (line {body[k].line})"
                   for k, g in enumerate(got[j:pj], start=j)]
        i, j = pi + 1, pj + 1
    return Comparison(len(want), len(pairs), misses)


def _show(key: tuple[str, str, str]) -> str:
    kind, label, text = key
    return f"{kind} {label + ' ' if label else ''}'{text[:30]}'"


# --- pairing the two language versions of a text -------------------------------------------

def numbered_ids(rows: list[Entry]) -> list[str]:
    """Ids of the labelled headings and units: the points both versions number alike."""
    return [r.id for r in rows if r.label and r.id]


def unpaired(one: list[Entry], other: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """The labelled entries of each version whose id the other version does not have."""
    ids_one, ids_other = set(numbered_ids(one)), set(numbered_ids(other))
    return ([r for r in one if r.label and r.id and r.id not in ids_other],
            [r for r in other if r.label and r.id and r.id not in ids_one])
